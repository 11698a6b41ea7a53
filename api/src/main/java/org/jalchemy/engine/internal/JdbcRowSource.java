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
import org.jalchemy.types.internal.ReadsAsStandard;
import org.jalchemy.types.internal.StandardCodecs;

/**
 * Rows read from a JDBC ResultSet, one at a time, each value through the codec chosen for its
 * column when the statement was compiled: no reflection and no lookups per row.
 *
 * <p>Columns whose codec is one of the standard STRING, INTEGER and BIG_INTEGER codecs (or reads as
 * one, {@link ReadsAsStandard}) are read here with the driver's getter, as those codecs read them,
 * instead of through the codec: a codec's {@code read} is shared by every statement of the
 * application, so the JIT compiles it once with the driver's getter inlined for every result-set
 * class it met, and then finds it too big to inline into this loop (HotSpot's "already compiled into a big method", seen on H2 with
 * {@code -XX:+PrintInlining}): a call per column instead of none. Read here, the getters are this
 * loop's own call sites and inline into it.
 */
public final class JdbcRowSource implements RowSource<Row> {
  private static final byte OTHER = 0;
  private static final byte STRING = 1;
  private static final byte INTEGER = 2;
  private static final byte BIG_INTEGER = 3;

  private final ResultSet resultSet;
  private final RowMetadata metadata;
  private final ValueCodec<?>[] codecs;
  /** Per column: which standard codec it has ({@link #STRING}, …), or {@link #OTHER} to call its codec. */
  private final byte[] kinds;
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
    this.kinds = shape.readKinds();
    this.sql = sql;
    this.parameters = parameters;
    this.hideParameters = hideParameters;
    this.onClose = onClose;
  }

  @Override
  public boolean next() {
    if (closed) {
      if (closedUnreadBy != null) {
        // Ending quietly would hand the reader a result cut short without a word.
        throw new InvalidRequestError("this result's cursor was closed by " + closedUnreadBy
            + " on its connection before every row was read; read the rows first (all() keeps them),"
            + " or read them on a connection (or session) that does not commit, roll back or close meanwhile");
      }
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
      ResultSet rs = resultSet;
      byte[] k = kinds;
      for (int i = 0; i < k.length; i++) {
        int column = i + 1;
        switch (k[i]) {
          case STRING -> values[i] = rs.getString(column);
          case INTEGER -> { // NULL reads as 0: only then ask wasNull, as StandardCodecs.INTEGER does
            int v = rs.getInt(column);
            values[i] = v != 0 || !rs.wasNull() ? Integer.valueOf(v) : null;
          }
          case BIG_INTEGER -> {
            long v = rs.getLong(column);
            values[i] = v != 0 || !rs.wasNull() ? Long.valueOf(v) : null;
          }
          default -> values[i] = codecs[i].read(rs, column);
        }
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

  /** How the row loop reads each column of these codecs: once per compiled statement, kept in its {@link ResultShape}. */
  static byte[] readKinds(ValueCodec<?>[] codecs) {
    byte[] kinds = new byte[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      ValueCodec<?> c = codecs[i] instanceof ReadsAsStandard same ? same.standardRead() : codecs[i];
      kinds[i] = c == StandardCodecs.STRING ? STRING
          : c == StandardCodecs.INTEGER ? INTEGER
          : c == StandardCodecs.BIG_INTEGER ? BIG_INTEGER
          : OTHER;
    }
    return kinds;
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
