package org.jalchemy.schema;

/**
 * {@code CHECK (sql)}; the condition is schema text written by the application, not user input.
 *
 * @param name the constraint name, or null
 * @param sql the condition, for example {@code "quantity >= 0"}
 */
public record CheckConstraint(String name, String sql) {}
