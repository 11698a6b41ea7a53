package org.jalchemy.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jalchemy.types.ValueCodec;

/**
 * Reads the current row of a JDBC result into an array of values, one per column, each as its
 * codec reads it. Made once per pattern of column kinds by {@link RowReaders} and kept in the
 * statement's {@link ResultShape}; {@link JdbcRowSource} calls it once per row.
 *
 * <pre>{@code
 * RowReader reader = RowReaders.forCodecs(codecs);
 * while (rs.next()) { Object[] values = new Object[codecs.length]; reader.read(rs, codecs, values); }
 * }</pre>
 */
public interface RowReader {
  /** Reads every column of {@code rs}'s current row into {@code values}, column 1 into {@code values[0]}. */
  void read(ResultSet rs, ValueCodec<?>[] codecs, Object[] values) throws SQLException;
}
