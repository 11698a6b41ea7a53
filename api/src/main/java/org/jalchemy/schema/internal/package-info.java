/** Schema generation internals; may change at any time. */
package org.jalchemy.schema.internal;
