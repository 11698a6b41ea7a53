package org.jalchemy.orm.session.model;

import org.jalchemy.orm.DeclarativeBase;

/** The Session tests' own base: tables prefixed {@code ses_}, apart from the mapping tests' model. */
public abstract class SesBase extends DeclarativeBase {}
