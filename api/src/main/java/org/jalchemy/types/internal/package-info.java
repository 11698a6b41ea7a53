/** Implementation details of the type system; may change at any time, do not use directly. */
package org.jalchemy.types.internal;
