package org.jalchemy.bench.model;

import org.jalchemy.orm.DeclarativeBase;

/** The declarative base of the benchmark's one mapped class. */
public abstract class Base extends DeclarativeBase {}
