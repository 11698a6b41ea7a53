package org.jalchemy.cdi.bad;

import org.jalchemy.orm.DeclarativeBase;

/**
 * A base for deliberately broken mappings. This package is compiled without the annotation
 * processor (see the pom), so these classes are in no index: a test hands them to the container.
 */
public abstract class BadBase extends DeclarativeBase {}
