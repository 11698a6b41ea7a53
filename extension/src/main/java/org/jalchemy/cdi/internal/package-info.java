/** The extension's implementation; applications use {@code org.jalchemy.cdi} and the injected beans. */
package org.jalchemy.cdi.internal;
