package org.jalchemy.examples.webapp.models;

import org.jalchemy.orm.DeclarativeBase;

/**
 * The sample's declarative base. The CDI extension finds its mapped classes from the index the
 * annotation processor writes into this WAR, and (with {@code jalchemy.schema.create=true})
 * creates their tables at start.
 */
public abstract class Base extends DeclarativeBase {}
