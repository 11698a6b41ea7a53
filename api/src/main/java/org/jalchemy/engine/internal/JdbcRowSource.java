package org.jalchemy.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.result.Row;
import org.jalchemy.result.RowMetadata;
import org.jalchemy.result.RowSource;
import org.jalchemy.types.ValueCodec;

/**
 * Rows read from a JDBC ResultSet, one at a time, each value through the codec chosen for its
 * column when the statement was compiled: no reflection and no lookups per row.
 */
public final class JdbcRowSource implements RowSource<Row> {
  private final ResultSet resultSet;
  private final RowMetadata metadata;
  private final ValueCodec<?>[] codecs;
  private final String sql;
  private final List<?> parameters;
  private final boolean hideParameters;
  private final Consumer<JdbcRowSource> onClose;
  private Row current;
  /** The one values array every row is read into, when {@link #reuseOneRow} was called; else null. */
  private Object[] reused;
  private boolean closed;
  /** Reading failed: the statement is not to be used again. */
  private boolean failed;
  private boolean exhausted;
  private int rowsRead;

  public JdbcRowSource(
      ResultSet resultSet,
      RowMetadata metadata,
      ValueCodec<?>[] codecs,
      String sql,
      List<?> parameters,
      boolean hideParameters,
      Consumer<JdbcRowSource> onClose) {
    this.resultSet = resultSet;
    this.metadata = metadata;
    this.codecs = codecs; // shared by every result of the statement; only read
    this.sql = sql;
    this.parameters = parameters;
    this.hideParameters = hideParameters;
    this.onClose = onClose;
  }

  @Override
  public boolean next() {
    if (closed) {
      return false;
    }
    try {
      if (!resultSet.next()) {
        exhausted = true;
        close();
        return false;
      }
      rowsRead++;
      Object[] values = reused != null ? reused : new Object[codecs.length];
      for (int i = 0; i < codecs.length; i++) {
        values[i] = codecs[i].read(resultSet, i + 1);
      }
      if (reused == null || current == null) {
        current = new Row(metadata, values);
      }
      return true;
    } catch (SQLException e) {
      DBAPIError error = ErrorTranslator.translate(e, sql, parameters, hideParameters);
      failed = true;
      close();
      throw error;
    }
  }

  /** From now on every row is read into the same {@code Row} (for readers that do not keep rows). */
  public void reuseOneRow() {
    reused = new Object[codecs.length];
  }

  @Override
  public Row current() {
    return current;
  }

  /** Whether reading a row failed (then the statement under it is closed, not reused). */
  public boolean failed() {
    return failed;
  }

  /** Whether every row was read, and there were at most {@code rows}. */
  public boolean readToEndWithin(int rows) {
    return exhausted && rowsRead <= rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resultSet.close(); // the statement is onClose's: closed, or kept for reuse by the connection
    } catch (SQLException ignored) {
      // closing a cursor whose connection failed; nothing more to release
    } finally {
      onClose.accept(this);
    }
  }
}
