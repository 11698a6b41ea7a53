package org.jalchemy.types;

/** The generic SQL type families that every dialect knows how to name and transfer. */
public enum TypeKind {
  INTEGER,
  BIG_INTEGER,
  SMALL_INTEGER,
  STRING,
  TEXT,
  BOOLEAN,
  NUMERIC,
  FLOAT,
  DOUBLE,
  DATE,
  TIME,
  DATETIME,
  DATETIME_TZ,
  LARGE_BINARY,
  UUID,
  JSON,
  ENUM,
  /** The type of a bound value whose Java class says nothing more (null, or an unknown class). */
  NULL
}
