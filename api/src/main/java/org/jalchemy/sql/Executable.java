package org.jalchemy.sql;

/**
 * A statement a connection can execute: SELECT, INSERT, UPDATE, DELETE, {@code text()}, DDL.
 *
 * @param <T> the Java type of the statement's first result column ({@code Object} when unknown)
 */
public interface Executable<T> {
  /** The options this statement asks for when executed (fetch size, streaming, …). */
  ExecutionOptions executionOptions();
}
