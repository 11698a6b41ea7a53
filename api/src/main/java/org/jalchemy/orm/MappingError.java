package org.jalchemy.orm;

import org.jalchemy.exc.JalchemyException;

/**
 * A mapped class cannot be mapped as written. Raised when the mapping is configured (the first
 * {@code DeclarativeBase.metadata(Base.class)}, or first use of a mapped class or its metamodel),
 * never later while running queries. The message names the class, the field and the fix; each kind
 * has a code ({@code orm-<kind>}) listed in {@code docs/orm-mapping.md}.
 *
 * <pre>{@code
 * try { DeclarativeBase.metadata(Base.class); } catch (MappingError e) { e.kind(); e.mappedClass(); e.field(); }
 * }</pre>
 */
public class MappingError extends JalchemyException {
  /** What is wrong. */
  public enum Kind {
    NOT_A_BASE("not-a-base"),
    NOT_MAPPED("not-mapped"),
    NO_PRIMARY_KEY("no-primary-key"),
    FINAL_CLASS("final-class"),
    FINAL_FIELD("final-field"),
    NO_DEFAULT_CONSTRUCTOR("no-constructor"),
    UNSUPPORTED_TYPE("unsupported-type"),
    BAD_COLUMN_OPTION("bad-column-option"),
    DUPLICATE_NAME("duplicate-name"),
    FOREIGN_KEY_TARGET("foreign-key-target"),
    NO_FOREIGN_KEY_PATH("no-join-path"),
    AMBIGUOUS_FOREIGN_KEYS("ambiguous-join"),
    BACK_POPULATES("back-populates"),
    BAD_RELATIONSHIP("bad-relationship"),
    INHERITANCE("inheritance"),
    INACCESSIBLE("inaccessible"),
    NOT_ENHANCED("not-enhanced");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The code in messages and docs, {@code orm-<kind>}. */
    public String code() {
      return "orm-" + code;
    }
  }

  private final Kind kind;
  private final Class<?> mappedClass;
  private final String field;

  /**
   * An error about {@code field} of {@code mappedClass} (field may be null for the class itself);
   * {@code problem} says what is wrong, {@code fix} what to do.
   */
  public MappingError(Kind kind, Class<?> mappedClass, String field, String problem, String fix) {
    this(kind, mappedClass, field, problem, fix, null);
  }

  /** As above, with the underlying cause. */
  public MappingError(Kind kind, Class<?> mappedClass, String field, String problem, String fix, Throwable cause) {
    super(kind.code(), where(mappedClass, field) + ": " + problem + ". Fix: " + fix, cause);
    this.kind = kind;
    this.mappedClass = mappedClass;
    this.field = field;
  }

  private static String where(Class<?> cls, String field) {
    String name = cls == null ? "?" : cls.getName();
    return field == null ? "mapped class " + name : "mapped class " + name + ", field '" + field + "'";
  }

  public Kind kind() {
    return kind;
  }

  /** The class whose mapping is wrong. */
  public Class<?> mappedClass() {
    return mappedClass;
  }

  /** The field at fault, or null when the class as a whole is. */
  public String field() {
    return field;
  }
}
