/**
 * The annotation processor javac runs on modules that depend on jalchemy: for each class annotated
 * {@code @Tablename} it generates the typed metamodel class ({@code User_}), and it writes the
 * module's index of mapped classes, {@code META-INF/jalchemy/mapped-classes}.
 */
package org.jalchemy.processor;
