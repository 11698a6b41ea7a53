package org.jalchemy.sql;

/**
 * An option carried by a statement for the layer that executes it rather than for the SQL it
 * compiles to, such as the ORM's loader options ({@code selectinload(User_.addresses)}). Core
 * execution ignores them.
 *
 * <pre>{@code
 * session.scalars(select(User.class).options(selectinload(User_.addresses)));
 * }</pre>
 */
public interface ExecutableOption {}
