package org.jalchemy.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.result.Row;
import org.jalchemy.result.RowMetadata;
import org.jalchemy.result.RowSource;
import org.jalchemy.types.ValueCodec;

/**
 * Rows read from a JDBC ResultSet, one at a time, each row's columns by the {@link RowReader} of the
 * statement's {@link ResultShape}, chosen when the statement was compiled: no reflection and no
 * lookups per row.
 */
public final class JdbcRowSource implements RowSource<Row> {
  private final ResultSet resultSet;
  private final RowMetadata metadata;
  private final ValueCodec<?>[] codecs;
  private final RowReader reader;
  private final String sql;
  private final List<?> parameters;
  private final boolean hideParameters;
  private final Consumer<JdbcRowSource> onClose;
  private Row current;
  /** The one values array every row is read into, when {@link #reuseOneRow} was called; else null. */
  private Object[] reused;
  private boolean closed;
  /** Set when the connection closed this result before it was read to the end: what did it. */
  private String closedUnreadBy;
  /** Reading failed: the statement is not to be used again. */
  private boolean failed;
  private boolean exhausted;
  private int rowsRead;

  public JdbcRowSource(
      ResultSet resultSet,
      ResultShape shape,
      String sql,
      List<?> parameters,
      boolean hideParameters,
      Consumer<JdbcRowSource> onClose) {
    this.resultSet = resultSet;
    // shared by every result of the statement; only read
    this.metadata = shape.metadata();
    this.codecs = shape.codecs();
    this.reader = shape.reader();
    this.sql = sql;
    this.parameters = parameters;
    this.hideParameters = hideParameters;
    this.onClose = onClose;
  }

  @Override
  public boolean next() {
    if (closed) {
      return nextAfterClose();
    }
    ResultSet rs = resultSet;
    try {
      if (!rs.next()) {
        return end();
      }
      rowsRead++;
      Object[] values = reused != null ? reused : new Object[codecs.length];
      reader.read(rs, codecs, values);
      if (reused == null || current == null) {
        current = new Row(metadata, values);
      }
      return true;
    } catch (SQLException e) {
      throw readFailed(e);
    }
  }

  private boolean nextAfterClose() {
    if (closedUnreadBy != null) {
      // Ending quietly would hand the reader a result cut short without a word.
      throw new InvalidRequestError("this result's cursor was closed by " + closedUnreadBy
          + " on its connection before every row was read; read the rows first (all() keeps them),"
          + " or read them on a connection (or session) that does not commit, roll back or close meanwhile");
    }
    return false;
  }

  private boolean end() {
    exhausted = true;
    close();
    return false;
  }

  private DBAPIError readFailed(SQLException e) {
    DBAPIError error = ErrorTranslator.translate(e, sql, parameters, hideParameters);
    failed = true;
    close();
    return error;
  }

  // The loops of RowSource's defaults, here so that next() is this final class's own call.
  @Override
  public void drainTo(Collection<? super Row> out) {
    while (next()) {
      out.add(current);
    }
  }

  @Override
  public void forEachRemaining(Consumer<? super Row> action) {
    while (next()) {
      action.accept(current);
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

  /**
   * Closes the cursor for the connection's {@code why} ({@code "commit()"}, …): from then on reading
   * it fails with an error that says so, where a cursor its reader closed simply has no more rows.
   */
  public void closeUnread(String why) {
    if (!closed) {
      closedUnreadBy = why;
      close();
    }
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
