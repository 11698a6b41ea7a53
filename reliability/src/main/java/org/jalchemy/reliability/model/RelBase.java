package org.jalchemy.reliability.model;

import org.jalchemy.orm.DeclarativeBase;

/** The reliability suite's base: tables prefixed {@code rel_}. */
public abstract class RelBase extends DeclarativeBase {}
