package org.jalchemy.sql.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.elements.BindParameter;

/**
 * The structure of a statement without its values: the key under which its compiled SQL is cached.
 * Built by walking the statement ({@link ClauseElement#appendCacheKey}); the walk also collects the
 * statement's bound parameters in a fixed order, from which a cached compilation takes its values.
 *
 * <p>Tables and columns enter the key by identity, everything else (names, operators, types,
 * sizes) by value.
 */
public final class CacheKey {
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "<null>";
    }
  };

  // The tokens live in a plain array with their hash kept up to date as they are appended: a
  // statement executed again is looked up without copying its key or walking it a second time to
  // hash it (the lookup runs on every execute, so its cost is paid per statement).
  private Object[] tokens = new Object[32];
  private int size;
  private int hash = 1;
  /** Set once {@link #structure()} has handed out a view of {@link #tokens}: the next append copies first. */
  private boolean shared;
  private final List<BindParameter<?>> binds = new ArrayList<>();
  private Map<Object, Integer> ordinals;

  /** Walks {@code statement} and returns its key. */
  public static CacheKey of(ClauseElement statement) {
    CacheKey key = new CacheKey();
    key.add(statement);
    return key;
  }

  /** Appends a nested element's structure, a value token, or a marker for null. */
  public CacheKey add(Object part) {
    if (part == null) {
      push(NULL, NULL.hashCode());
    } else if (part instanceof ClauseElement e) {
      e.appendCacheKey(this);
    } else {
      push(part, part.hashCode());
    }
    return this;
  }

  /**
   * Appends an object compared by identity (tables, columns): two equal-looking tables of
   * different metadata are different statements. Clause elements are only ever compared by
   * identity in a key (see {@link Structure#equals}), so no wrapper is needed.
   */
  public CacheKey token(ClauseElement identity) {
    push(identity, System.identityHashCode(identity));
    return this;
  }

  private void push(Object token, int tokenHash) {
    if (shared || size == tokens.length) {
      tokens = Arrays.copyOf(tokens, size == tokens.length ? size * 2 : tokens.length);
      shared = false;
    }
    tokens[size++] = token;
    hash = 31 * hash + tokenHash;
  }

  /**
   * Marks where a shared element (a subquery or CTE) appears: the first time as {@code #n} (and
   * returns false: the caller then appends its structure), after that as a reference {@code @n}
   * (returns true: nothing more to append). One subquery used twice and two equal-looking ones
   * compile differently (anon_1 twice, or anon_1 and anon_2), and this tells them apart; it also
   * keeps the key of a statement that refers to a CTE many times from repeating its body.
   */
  public boolean reference(Object element) {
    if (ordinals == null) {
      ordinals = new IdentityHashMap<>();
    }
    Integer n = ordinals.get(element);
    if (n != null) {
      add("@" + n);
      return true;
    }
    ordinals.put(element, ordinals.size());
    add("#" + (ordinals.size() - 1));
    return false;
  }

  /** Appends a list's size and then each element. */
  public CacheKey addAll(List<?> parts) {
    add(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      add(parts.get(i));
    }
    return this;
  }

  /** Registers a bound parameter: its type and name are structure, its value is not. */
  public CacheKey bind(BindParameter<?> bind) {
    add(bind.type());
    add(bind.key());
    add(bind.hasValue());
    binds.add(bind);
    return this;
  }

  /** The bound parameters in traversal order. */
  public List<BindParameter<?>> binds() {
    return Collections.unmodifiableList(binds);
  }

  /**
   * The immutable structural key, equal for statements that compile to the same SQL. It shares
   * this key's tokens (appending to this key afterwards copies them first), so taking it is free.
   */
  public Object structure() {
    shared = true;
    return new Structure(tokens, size, hash);
  }

  /** A statement's tokens: values compared by equals, clause elements by identity. */
  private static final class Structure {
    private final Object[] tokens;
    private final int size;
    private final int hash;

    Structure(Object[] tokens, int size, int hash) {
      this.tokens = tokens;
      this.size = size;
      this.hash = hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Structure s) || s.hash != hash || s.size != size) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        Object a = tokens[i];
        Object b = s.tokens[i];
        if (a != b && (a instanceof ClauseElement || !a.equals(b))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return Arrays.asList(tokens).subList(0, size).toString();
    }
  }
}
