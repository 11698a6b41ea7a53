/**
 * The element classes the expression language builds. Users create them through the operators on
 * {@link org.jalchemy.sql.Expression} and the factories in {@link org.jalchemy.Jalchemy}; compilers
 * read them through their accessors.
 */
package org.jalchemy.sql.elements;
