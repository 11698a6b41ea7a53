package org.jalchemy.it.app;

import org.jalchemy.orm.DeclarativeBase;

/** The integration tests' base: tables prefixed {@code it_}. */
public abstract class ItBase extends DeclarativeBase {}
