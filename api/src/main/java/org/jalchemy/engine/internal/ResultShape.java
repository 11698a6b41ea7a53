package org.jalchemy.engine.internal;

import java.util.List;
import org.jalchemy.result.RowMetadata;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.types.ValueCodec;

/**
 * What every result of one compiled statement shares: its row metadata (names and expressions to
 * positions) and its codecs as an array. Built once with the compiled form and cached with it, so
 * that executing a cached SELECT builds no lookup maps.
 *
 * @param metadata the rows' columns
 * @param codecs one codec per column, in order
 */
public record ResultShape(RowMetadata metadata, ValueCodec<?>[] codecs) {

  /** The shape of {@code compiled}'s rows, or null when it returns none or its columns are unknown (text). */
  public static ResultShape of(CompiledStatement compiled) {
    if (!compiled.returnsRows()) {
      return null;
    }
    List<ValueCodec<?>> codecs = compiled.resultCodecs();
    return new ResultShape(RowMetadata.of(compiled.resultColumns()), codecs.toArray(new ValueCodec<?>[0]));
  }
}
