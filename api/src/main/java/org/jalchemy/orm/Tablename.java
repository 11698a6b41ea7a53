package org.jalchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as mapped to a table. The class must extend a {@link DeclarativeBase} subclass, have
 * a no-argument constructor (any visibility) and not be final.
 *
 * <pre>{@code
 * @Tablename("user_account")
 * public class User extends Base { @MappedColumn(primaryKey = true) private Integer id; ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Tablename {
  /** The table's name. */
  String value();

  /** The table's schema; empty for the connection's default schema. */
  String schema() default "";
}
