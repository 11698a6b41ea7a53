package org.jalchemy.engine.internal;

import java.util.List;
import org.jalchemy.result.RowMetadata;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.types.ValueCodec;

/**
 * What every result of one compiled statement shares: its row metadata (names and expressions to
 * positions), its codecs as an array, and the reader of its rows' columns. Built once with the
 * compiled form and cached with it, so that executing a cached SELECT builds no lookup maps and
 * works out nothing per column.
 *
 * @param metadata the rows' columns
 * @param codecs one codec per column, in order
 * @param reader reads a row's columns as their codecs do ({@link RowReaders}): the one for the pattern of
 *     these codecs; made by {@link #of(RowMetadata, ValueCodec[])}
 */
public record ResultShape(RowMetadata metadata, ValueCodec<?>[] codecs, RowReader reader) {

  /** The shape of {@code compiled}'s rows, or null when it returns none or its columns are unknown (text). */
  public static ResultShape of(CompiledStatement compiled) {
    if (!compiled.returnsRows()) {
      return null;
    }
    List<ValueCodec<?>> codecs = compiled.resultCodecs();
    return of(RowMetadata.of(compiled.resultColumns()), codecs.toArray(new ValueCodec<?>[0]));
  }

  /** The shape of rows with these columns and codecs (a {@code text()} query's, from the driver's metadata). */
  public static ResultShape of(RowMetadata metadata, ValueCodec<?>[] codecs) {
    return new ResultShape(metadata, codecs, RowReaders.forCodecs(codecs));
  }
}
