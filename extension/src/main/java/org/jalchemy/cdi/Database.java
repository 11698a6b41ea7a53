package org.jalchemy.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names a database other than the default one: its settings are {@code jalchemy.<name>.url}
 * (or {@code .datasource}) and the rest of the {@code jalchemy.<name>.} keys, and its Engine,
 * Session, Connection and {@link Rows} beans carry this qualifier.
 *
 * <pre>{@code
 * @Inject @Database("reports") Session reports;
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface Database {
  /** The database's name, as in its configuration keys. */
  String value();

  /** An instance for programmatic lookup: {@code CDI.current().select(Session.class, Database.Literal.of("reports"))}. */
  final class Literal extends AnnotationLiteral<Database> implements Database {
    private static final long serialVersionUID = 1L;
    private final String value;

    private Literal(String value) {
      this.value = value;
    }

    public static Literal of(String name) {
      return new Literal(name);
    }

    @Override
    public String value() {
      return value;
    }
  }
}
