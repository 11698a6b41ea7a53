package org.jalchemy.orm.session.model;

import org.jalchemy.orm.DeclarativeBase;

/** The base of {@link SesWide} alone: keeps the 67-column table out of the other Session tests' schema. */
public abstract class SesWideBase extends DeclarativeBase {}
