/** Implementation details of the expression language; may change at any time. */
package org.jalchemy.sql.internal;
