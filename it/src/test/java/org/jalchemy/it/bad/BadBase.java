package org.jalchemy.it.bad;

import org.jalchemy.orm.DeclarativeBase;

/** A base for a deliberately broken mapping, deployed only by {@code BadMappingIT}. */
public abstract class BadBase extends DeclarativeBase {}
