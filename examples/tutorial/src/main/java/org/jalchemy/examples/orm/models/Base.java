package org.jalchemy.examples.orm.models;

import org.jalchemy.orm.DeclarativeBase;

/**
 * The tutorial's declarative base: it owns one {@code MetaData} holding the tables of every class
 * mapped on it. Usage: {@code DeclarativeBase.metadata(Base.class).createAll(engine)}.
 */
public abstract class Base extends DeclarativeBase {}
