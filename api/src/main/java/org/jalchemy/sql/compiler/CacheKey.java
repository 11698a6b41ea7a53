package org.jalchemy.sql.compiler;

import java.util.ArrayList;
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

  private final List<Object> tokens = new ArrayList<>(32);
  private final List<BindParameter<?>> binds = new ArrayList<>();

  /** Walks {@code statement} and returns its key. */
  public static CacheKey of(ClauseElement statement) {
    CacheKey key = new CacheKey();
    key.add(statement);
    return key;
  }

  /** Appends a nested element's structure, a value token, or a marker for null. */
  public CacheKey add(Object part) {
    if (part == null) {
      tokens.add(NULL);
    } else if (part instanceof ClauseElement e) {
      e.appendCacheKey(this);
    } else {
      tokens.add(part);
    }
    return this;
  }

  /** Appends an object compared by identity (tables, columns). */
  public CacheKey token(Object identity) {
    tokens.add(new Identity(identity));
    return this;
  }

  /**
   * Marks where a shared element (a subquery or CTE) appears: the first time as {@code #n} (and
   * returns false: the caller then appends its structure), after that as a reference {@code @n}
   * (returns true: nothing more to append). One subquery used twice and two equal-looking ones
   * compile differently (anon_1 twice, or anon_1 and anon_2), and this tells them apart; it also
   * keeps the key of a statement that refers to a CTE many times from repeating its body.
   */
  public boolean reference(Object element) {
    Integer n = ordinals.get(element);
    if (n != null) {
      tokens.add("@" + n);
      return true;
    }
    ordinals.put(element, ordinals.size());
    tokens.add("#" + (ordinals.size() - 1));
    return false;
  }

  private final Map<Object, Integer> ordinals = new IdentityHashMap<>();

  /** Appends a list's size and then each element. */
  public CacheKey addAll(List<?> parts) {
    tokens.add(parts.size());
    for (Object p : parts) {
      add(p);
    }
    return this;
  }

  /** Registers a bound parameter: its type and name are structure, its value is not. */
  public CacheKey bind(BindParameter<?> bind) {
    tokens.add(bind.type());
    tokens.add(bind.key() == null ? NULL : bind.key());
    tokens.add(bind.hasValue());
    binds.add(bind);
    return this;
  }

  /** The bound parameters in traversal order. */
  public List<BindParameter<?>> binds() {
    return Collections.unmodifiableList(binds);
  }

  /** The immutable structural key. */
  public Object structure() {
    return List.copyOf(tokens);
  }

  private record Identity(Object target) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.target == target;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(target);
    }
  }
}
