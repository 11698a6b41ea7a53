package org.jalchemy.orm.model;

/** Stored by name. */
public enum Status {
  NEW,
  ACTIVE,
  RETIRED
}
