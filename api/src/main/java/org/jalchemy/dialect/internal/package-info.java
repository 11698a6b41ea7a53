/** Codecs and helpers shared by dialects; may change at any time. */
package org.jalchemy.dialect.internal;
