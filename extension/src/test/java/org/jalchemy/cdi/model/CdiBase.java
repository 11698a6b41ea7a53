package org.jalchemy.cdi.model;

import org.jalchemy.orm.DeclarativeBase;

/** The extension tests' base: tables prefixed {@code cdi_}. */
public abstract class CdiBase extends DeclarativeBase {}
