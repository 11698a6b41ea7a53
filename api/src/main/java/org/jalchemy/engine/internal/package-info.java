/** Engine internals: statement cache, echo log, error translation. May change at any time. */
package org.jalchemy.engine.internal;
