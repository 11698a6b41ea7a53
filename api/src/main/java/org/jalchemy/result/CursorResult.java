package org.jalchemy.result;

import java.util.List;
import java.util.Map;
import org.jalchemy.exc.InvalidRequestError;

/**
 * The result of executing a statement on a connection: its rows, and for INSERT/UPDATE/DELETE the
 * number of rows affected and the primary key of an inserted row.
 *
 * <pre>{@code
 * CursorResult<Integer> r = conn.execute(insert(users).values(Map.of("name", "sandy")));
 * r.rowcount();              // 1
 * r.insertedPrimaryKey();    // [3]
 * Integer max = conn.execute(select(func.max(users.id))).scalarOne();
 * }</pre>
 *
 * @param <T> the Java type of the first column (what {@link #scalars()} gives)
 */
public final class CursorResult<T> extends Result<Row> {
  private final RowMetadata metadata;
  private final long rowcount;
  private final List<Object> insertedPrimaryKey;
  private List<List<Object>> insertedPrimaryKeyRows;

  public CursorResult(RowSource<Row> rows, RowMetadata metadata, long rowcount, List<Object> insertedPrimaryKey) {
    super(rows);
    this.metadata = metadata;
    this.rowcount = rowcount;
    this.insertedPrimaryKey = insertedPrimaryKey;
  }

  /** The result of an executemany: its rowcount and, for an INSERT whose keys the database generated, each row's key. */
  public static <T> CursorResult<T> ofBatch(long rowcount, List<List<Object>> insertedPrimaryKeyRows) {
    CursorResult<T> r = ofRowcount(rowcount, null);
    r.insertedPrimaryKeyRows = insertedPrimaryKeyRows;
    return r;
  }

  /**
   * The primary key of every row an executemany INSERT wrote, in the order of the parameter sets,
   * when the database generated them and the driver reports them all (PostgreSQL, H2, MariaDB);
   * else null (SQLAlchemy's {@code inserted_primary_key_rows}).
   */
  public List<List<Object>> insertedPrimaryKeyRows() {
    return insertedPrimaryKeyRows;
  }

  /**
   * The result of an executemany of one row, run as a single execute: its key both as the
   * statement's {@link #insertedPrimaryKey()} and as the one row of {@link #insertedPrimaryKeyRows()}.
   */
  public static <T> CursorResult<T> ofOneRowBatch(long rowcount, List<Object> insertedPrimaryKey) {
    CursorResult<T> r = ofRowcount(rowcount, insertedPrimaryKey);
    r.insertedPrimaryKeyRows = insertedPrimaryKey == null ? null : List.of(insertedPrimaryKey);
    return r;
  }

  /** The rows of a statement that returns none; it holds no state, so one serves every result. */
  private static final RowSource<Row> NO_ROWS = new RowSource<>() {
    @Override
    public boolean next() {
      return false;
    }

    @Override
    public Row current() {
      throw new IllegalStateException("no rows");
    }

    @Override
    public void close() {}
  };

  /** A result of a statement that returns no rows. */
  public static <T> CursorResult<T> ofRowcount(long rowcount, List<Object> insertedPrimaryKey) {
    return new CursorResult<>(NO_ROWS, null, rowcount, insertedPrimaryKey);
  }

  /** True when the statement returns rows (a SELECT, or DML with RETURNING). */
  public boolean returnsRows() {
    return metadata != null;
  }

  /** The column names. */
  public List<String> keys() {
    return metadata == null ? List.of() : metadata.keys();
  }

  /** Rows affected by INSERT/UPDATE/DELETE (summed over executemany); -1 for queries. */
  public long rowcount() {
    return rowcount;
  }

  /**
   * The primary key of the row a single-row INSERT created, generated values included, in primary
   * key column order.
   */
  public List<Object> insertedPrimaryKey() {
    if (insertedPrimaryKey == null) {
      throw new InvalidRequestError(
          "insertedPrimaryKey is only available after a single-row insert() into a table with a primary key");
    }
    return insertedPrimaryKey;
  }

  /** The first column of each row, typed. */
  @SuppressWarnings("unchecked")
  public Result<T> scalars() {
    return map(r -> (T) r.get(0));
  }

  /** The column at {@code index} of each row. */
  public Result<Object> scalars(int index) {
    return map(r -> r.get(index));
  }

  /** Each row as a name → value map. */
  public Result<Map<String, Object>> mappings() {
    return map(Row::asMap);
  }

  /** The first column of the first row, or null when there are no rows; the result is closed. */
  @SuppressWarnings("unchecked")
  public T scalar() {
    Row r = first();
    return r == null ? null : (T) r.get(0);
  }

  /** The first column of exactly one row. */
  @SuppressWarnings("unchecked")
  public T scalarOne() {
    return (T) one().get(0);
  }

  /** The first column of at most one row, or null. */
  @SuppressWarnings("unchecked")
  public T scalarOneOrNull() {
    Row r = oneOrNull();
    return r == null ? null : (T) r.get(0);
  }
}
