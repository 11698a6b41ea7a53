package org.jalchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A link to other mapped objects. A field whose type is a mapped class (many-to-one or one-to-one)
 * or a {@code List}, {@code Set} or {@code Collection} of one (one-to-many, or many-to-many with
 * {@link #secondary()}) is a relationship even without this annotation; the annotation adds the
 * options. The join condition comes from the foreign keys between the two tables.
 *
 * <pre>{@code
 * @Relationship(backPopulates = "user", orderBy = "emailAddress", cascade = Cascade.ALL)
 * private List<Address> addresses;
 *
 * @Relationship(backPopulates = "addresses") private User user;
 *
 * @Relationship(secondary = "post_keyword") private Set<Keyword> keywords;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {
  /** The field of the target class holding the other side, kept in step in memory. */
  String backPopulates() default "";

  /** The association table of a many-to-many relationship, by table name. */
  String secondary() default "";

  /**
   * The foreign key columns to join on, as {@code "table.column"}, when more than one foreign key
   * links the two tables.
   */
  String[] foreignKeys() default {};

  /** The order of a collection: target field names, each optionally followed by {@code " desc"}. */
  String[] orderBy() default {};

  /** The Session operations that flow to the related objects. */
  Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

  /** How the relationship loads when no loader option says otherwise. */
  Lazy lazy() default Lazy.SELECT;
}
