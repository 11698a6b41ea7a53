package org.jalchemy.sql.compiler;

/** What a compiled statement does, which decides how it is executed and what its result holds. */
public enum StatementKind {
  SELECT,
  INSERT,
  UPDATE,
  DELETE,
  TEXT,
  DDL
}
