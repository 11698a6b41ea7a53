package org.jalchemy.orm.model;

import org.jalchemy.orm.DeclarativeBase;

/** The declarative base of the ORM tests' model; its tables are prefixed {@code orm_}. */
public abstract class OrmBase extends DeclarativeBase {}
