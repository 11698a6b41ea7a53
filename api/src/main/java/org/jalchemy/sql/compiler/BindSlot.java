package org.jalchemy.sql.compiler;

import org.jalchemy.types.SqlType;
import org.jalchemy.types.ValueCodec;

/**
 * One {@code ?} of a compiled statement: where its value comes from and how it is bound.
 *
 * @param traversalIndex index of the parameter among the statement's bound parameters in
 *     {@link CacheKey} order, or -1 for a named parameter that only the execution supplies
 * @param key the parameter name (named binds), or null
 * @param hasValue whether the statement holds a value (otherwise the execution's parameters must)
 * @param type the SQL type
 * @param codec how the value is bound
 */
public record BindSlot(int traversalIndex, String key, boolean hasValue, SqlType<?> type, ValueCodec<?> codec) {}
