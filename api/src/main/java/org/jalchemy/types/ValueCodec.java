package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves values of one Java type between JDBC and Java. A dialect picks the codec for each
 * {@link SqlType} once, when a statement is compiled or a result is opened, never per row.
 *
 * @param <T> the Java type of the values
 */
public interface ValueCodec<T> {
  /** Binds {@code value} (possibly null) as parameter {@code index} (1-based). */
  void bind(PreparedStatement statement, int index, T value) throws SQLException;

  /** Reads column {@code index} (1-based) of the current row, null for SQL NULL. */
  T read(ResultSet resultSet, int index) throws SQLException;
}
