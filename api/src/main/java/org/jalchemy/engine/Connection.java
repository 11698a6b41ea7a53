package org.jalchemy.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.internal.ConsecutivePageKeys;
import org.jalchemy.engine.internal.EchoLog;
import org.jalchemy.engine.internal.ErrorTranslator;
import org.jalchemy.engine.internal.GeneratedKeys;
import org.jalchemy.engine.internal.InsertDefaults;
import org.jalchemy.engine.internal.InsertPlans;
import org.jalchemy.engine.internal.InsertRowsPlan;
import org.jalchemy.engine.internal.InsertedKeyPlan;
import org.jalchemy.engine.internal.JdbcRowSource;
import org.jalchemy.engine.internal.PageBounds;
import org.jalchemy.engine.internal.PreparedStatementCache;
import org.jalchemy.engine.internal.ResultShape;
import org.jalchemy.engine.internal.StatementCache;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.result.CursorResult;
import org.jalchemy.result.Row;
import org.jalchemy.result.RowMetadata;
import org.jalchemy.schema.Column;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.ExecutionOptions;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.TextClause;
import org.jalchemy.sql.Update;
import org.jalchemy.sql.compiler.BindSlot;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.sql.compiler.InsertManyValues;
import org.jalchemy.sql.compiler.StatementKind;
import org.jalchemy.types.Types;
import org.jalchemy.types.ValueCodec;

/**
 * One checked-out database connection, used by one thread. A transaction begins implicitly with
 * the first statement and lasts until {@link #commit()} or {@link #rollback()} ("commit as you
 * go", as in SQLAlchemy 2.0). Closing rolls back anything uncommitted and returns the connection
 * to the pool.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *   conn.execute(insert(users), List.of(Map.of("name", "sandy"), Map.of("name", "patrick")));
 *   conn.commit();
 *   for (Row row : conn.execute(select(users.id, users.name).where(users.id.gt(1)))) { ... }
 * }
 * }</pre>
 */
public final class Connection implements AutoCloseable {
  private final Engine engine;
  private final java.sql.Connection raw;
  private final EchoLog log;
  private final boolean hide;
  /** Results not yet read to the end; usually none or one, so a list (JdbcRowSource has identity equality). */
  private final List<JdbcRowSource> openCursors = new ArrayList<>(0);
  private boolean inTransaction;
  private boolean closed;
  private boolean invalidated;
  /** The JDBC connection was handed out (or used to set the engine up): close() always rolls back. */
  boolean rawUsed;
  private final boolean restoreAutoCommit;
  /** Who owns the transaction when this connection works inside someone else's (JTA); else null. */
  private String externalOwner;
  /** The open prepared statements of the physical connection, when the engine keeps them; else null. */
  private final PreparedStatementCache statements;

  Connection(Engine engine, java.sql.Connection raw, boolean restoreAutoCommit, PreparedStatementCache statements) {
    this.engine = engine;
    this.raw = raw;
    this.statements = statements;
    this.restoreAutoCommit = restoreAutoCommit;
    this.log = engine.log();
    this.hide = engine.options().parametersHidden();
  }

  /** The engine this connection came from. */
  public Engine engine() {
    return engine;
  }

  /** The JDBC connection underneath, for what jalchemy does not cover. Do not close it. */
  public java.sql.Connection jdbcConnection() {
    checkOpen();
    rawUsed = true; // what runs on it is unknown to us: close() then rolls back whatever it was
    return raw;
  }

  // ---- execution ---------------------------------------------------------------------------

  /** Executes a statement. */
  public <T> CursorResult<T> execute(Executable<T> statement) {
    return execute(statement, Map.of());
  }

  /**
   * Runs a query and hands each row to {@code action} as it is read, all through one {@link Row}
   * object whose values change from call to call: for readers that take what they need from each
   * row (the ORM's loading does), without a {@code Row} and an array per database row. Keep values,
   * not the row.
   *
   * <pre>{@code
   * conn.forEachRow(select(users.c("name")), row -> names.add((String) row.get(0)));
   * }</pre>
   */
  public void forEachRow(Executable<?> statement, java.util.function.Consumer<Row> action) {
    reuseNextRows = true;
    CursorResult<?> rows;
    try {
      rows = execute(statement);
    } finally {
      reuseNextRows = false;
    }
    try (CursorResult<?> r = rows) {
      r.forEach(action);
    }
  }

  /** Set only while {@link #forEachRow} executes: the cursor it opens refills one Row. */
  private boolean reuseNextRows;

  /**
   * Executes a statement with values for its named parameters ({@code bindparam}, {@code text(":x")}).
   * An {@code insert(table)} without values takes its row from the parameters, keyed by column
   * name, and an {@code update(table)} without values its SET clause from the parameters that
   * name columns, as in SQLAlchemy (and as {@link #execute(Executable, List)} does for many sets).
   *
   * <pre>{@code
   * conn.execute(insert(users), Map.of("name", "sandy", "fullname", "Sandy Cheeks"));
   * }</pre>
   */
  public <T> CursorResult<T> execute(Executable<T> statement, Map<String, ?> parameters) {
    checkOpen();
    ClauseElement element = asElement(statement);
    if (element instanceof Insert<?> insert && insert.rows().isEmpty() && insert.fromSelect() == null
        && !parameters.isEmpty()) {
      Map<String, Object> withDefaults = InsertDefaults.apply(insert, List.of(parameters)).get(0);
      InsertPlans.Keyed keyed = engine.insertPlans().keyed(insert, withDefaults.keySet(),
          () -> insert.withParameterKeys(keysInTableOrder(insert, withDefaults)));
      Prepared p = prepare(keyed.insert(), keyed.key());
      return run(p, p.compiled.parameters(p.key.binds(), withDefaults), statement.executionOptions());
    } else if (element instanceof Insert<?> insert) {
      element = InsertDefaults.apply(insert);
    } else if (element instanceof Update<?> update && update.values().isEmpty() && !parameters.isEmpty()) {
      List<String> set = columnKeys(update, parameters);
      if (!set.isEmpty()) {
        element = update.withParameterKeys(set);
      }
    }
    Prepared p = prepare(element);
    List<Object> values = p.compiled.parameters(p.key.binds(), parameters);
    return run(p, values, statement.executionOptions());
  }

  /**
   * Executes a statement once per parameter set as one JDBC batch ("executemany"). An
   * {@code insert(table)} without values gets a named parameter per key of the first set.
   */
  @SuppressWarnings("unchecked")
  public <T> CursorResult<T> execute(Executable<T> statement, List<? extends Map<String, ?>> parameterSets) {
    checkOpen();
    if (parameterSets.isEmpty()) {
      throw new ArgumentError("executemany needs at least one parameter set; got an empty list");
    }
    ClauseElement element = asElement(statement);
    List<? extends Map<String, ?>> sets = parameterSets;
    if (element instanceof Insert<?> insert && insert.rows().isEmpty() && insert.fromSelect() == null) {
      List<Map<String, Object>> withDefaults = InsertDefaults.apply(insert, parameterSets);
      sets = withDefaults;
      element = insert.withParameterKeys(withDefaults.get(0).keySet());
    } else if (element instanceof Update<?> update && update.values().isEmpty()) {
      element = update.withParameterKeys(columnKeys(update, parameterSets.get(0)));
    }
    Prepared p = prepare(element);
    if (p.compiled.returnsRows()) {
      throw new ArgumentError(
          "executemany cannot return rows; execute a multi-row insert(table).values(listOfRows).returning(…) instead");
    }
    List<List<Object>> batch = new ArrayList<>(sets.size());
    for (Map<String, ?> set : sets) {
      batch.add(p.compiled.parameters(p.key.binds(), set));
    }
    boolean keys = element instanceof Insert<?> i && i.wantsGeneratedKeys();
    return (CursorResult<T>) runBatch(p, batch, keys);
  }

  /**
   * Executes an INSERT once per row of positional values as one JDBC batch: {@code row[i]} is the
   * value of {@code columns.get(i)}. The same statement and batching as the executemany of maps,
   * without a map per row (for large loads; the unit of work flushes through it). Columns with a
   * Java-side default that {@code columns} leaves out get their default in every row.
   *
   * <pre>{@code
   * conn.insertRows(insert(users).withGeneratedKeys(), List.of(users.c("name")), rows).insertedPrimaryKeyRows();
   * }</pre>
   */
  public <T> CursorResult<T> insertRows(Insert<T> insert, List<? extends Column<?>> columns, List<Object[]> rows) {
    checkOpen();
    if (rows.isEmpty()) {
      throw new ArgumentError("insertRows needs at least one row; got an empty list");
    }
    if (!insert.rows().isEmpty() || insert.fromSelect() != null) {
      throw new ArgumentError("insertRows takes insert(" + insert.table().name() + ") without values() or fromSelect(); "
          + "the rows give the values");
    }
    InsertRowsPlan plan = engine.insertPlans().rows(insert, columns);
    List<Column<?>> defaulted = plan.defaulted();
    Prepared p = prepare(plan.keyedInsert(), plan.cacheKey());
    List<BindSlot> slots = p.compiled.slots();
    InsertRowsPlan.Positions positions = plan.positions(slots);
    int[] position = positions.ofSlot();
    // A row whose values are already in slot order, one per slot, is bound as it is (no copy per
    // row: a 100,000-row flush keeps every row until the batch has run); else, or where a value
    // must be converted, it is copied.
    boolean inSlotOrder = positions.inSlotOrder();
    List<List<Object>> batch = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      if (row.length < columns.size()) {
        throw new ArgumentError("insertRows row " + batch.size() + " has " + row.length + " value(s) for "
            + columns.size() + " columns " + columns + "; give one value per column");
      }
      Object[] values = inSlotOrder && row.length == position.length ? row : null;
      for (int j = 0; j < position.length; j++) {
        int at = position[j];
        Object v = at < columns.size() ? row[at] : defaulted.get(at - columns.size()).defaultValue().get();
        Object coerced = slots.get(j).type().coerce(v);
        if (values == row && coerced != v) {
          values = Arrays.copyOf(row, row.length); // a converted value: the caller's array is left alone
        } else if (values == null) {
          values = new Object[position.length];
        }
        values[j] = coerced;
      }
      batch.add(Arrays.asList(values));
    }
    if (batch.size() == 1) {
      // One row is one execute, as SQLAlchemy's executemany of a single set is: no JDBC batch, and
      // its key is read the way a single INSERT's is on every database.
      return run(p, batch.get(0), insert.executionOptions(), true);
    }
    @SuppressWarnings("unchecked")
    CursorResult<T> result = (CursorResult<T>) runBatch(p, batch, insert.wantsGeneratedKeys());
    return result;
  }

  /**
   * The parameter names of a one-row INSERT: the table's columns that {@code parameters} gives, in
   * the table's order (one statement shape, and so one cache entry, whatever the map's order), then
   * any name that is no column, which {@code withParameterKeys} refuses with the table named.
   */
  private static List<String> keysInTableOrder(Insert<?> insert, Map<String, ?> parameters) {
    List<String> keys = new ArrayList<>(parameters.size());
    for (Column<?> c : insert.table().columns()) {
      if (parameters.containsKey(c.name())) {
        keys.add(c.name());
      }
    }
    if (keys.size() < parameters.size()) {
      for (String k : parameters.keySet()) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    return keys;
  }

  private static List<String> columnKeys(Update<?> update, Map<String, ?> first) {
    List<String> keys = new ArrayList<>();
    for (Column<?> c : update.table().columns()) {
      if (first.containsKey(c.name())) {
        keys.add(c.name());
      }
    }
    return keys;
  }

  private static ClauseElement asElement(Executable<?> statement) {
    if (statement instanceof ClauseElement e) {
      return e;
    }
    throw new ArgumentError("cannot execute " + statement + ": not a jalchemy statement");
  }

  /** A compiled statement with the key it was found under. */
  private record Prepared(
      CompiledStatement compiled, CacheKey key, String how, boolean cached, ResultShape shape, InsertedKeyPlan keys) {}

  private Prepared prepare(ClauseElement element) {
    return prepare(element, CacheKey.of(element));
  }

  /** {@link #prepare(ClauseElement)} with the element's key already made (a kept {@link InsertPlans} plan's). */
  private Prepared prepare(ClauseElement element, CacheKey key) {
    if (element instanceof TextClause t && t.isVerbatim()) {
      // DDL and other one-off SQL: compiled each time, never filling the cache.
      long start = System.nanoTime();
      CompiledStatement compiled = engine.dialect().newCompiler().compile(element, key);
      String how = log.enabled() ? String.format(java.util.Locale.ROOT, "[no key %.5fs]", (System.nanoTime() - start) / 1e9) : null;
      return new Prepared(compiled, key, how, false, ResultShape.of(compiled), InsertedKeyPlan.of(compiled));
    }
    Object structure = key.structure();
    StatementCache cache = engine.cache();
    StatementCache.Entry entry = cache.get(structure);
    String how;
    boolean cached = entry != null;
    if (entry == null) {
      long start = System.nanoTime();
      CompiledStatement compiled = engine.dialect().newCompiler().compile(element, key);
      long end = System.nanoTime();
      entry = new StatementCache.Entry(compiled, end, ResultShape.of(compiled), InsertedKeyPlan.of(compiled));
      cache.put(structure, entry);
      how = log.enabled() ? String.format(java.util.Locale.ROOT, "[generated in %.5fs]", (end - start) / 1e9) : null;
    } else {
      how = log.enabled() ? String.format(java.util.Locale.ROOT, "[cached since %.4gs ago]", (System.nanoTime() - entry.compiledAtNanos()) / 1e9) : null;
    }
    return new Prepared(entry.compiled(), key, how, cached, entry.shape(), entry.keys());
  }

  private void beginIfNeeded() {
    if (!inTransaction) {
      inTransaction = true;
      log.line("BEGIN (implicit)");
      for (ExecutionListener l : engine.listeners()) {
        l.onTransaction("BEGIN (implicit)");
      }
    }
  }

  private CursorResult<?> runBatch(Prepared p, List<List<Object>> batch, boolean wantKeys) {
    CompiledStatement c = p.compiled;
    Column<?> generated = wantKeys ? GeneratedKeys.batchGeneratedKey(engine.dialect(), p.keys) : null;
    InsertManyValues many = c.insertManyValues();
    int pageRows = many == null || batch.size() < 2 ? 0 : engine.dialect().insertManyValuesRows(many.slotsPerRow());
    if (pageRows > 1 && generated != null && isSqlite()) {
      // SQLite's keys follow from its last rowid however the rows went, so its pages need no RETURNING
      CursorResult<?> written = runManyValues(p, many, pageRows, batch, null);
      try {
        return CursorResult.ofBatch(written.rowcount(), GeneratedKeys.batchKeys(engine.dialect(), raw, null, c, p.keys, batch));
      } catch (SQLException e) {
        throw fail(new ExecutionContext("SELECT last_insert_rowid()", List.of(), false, false), e, List.of());
      }
    }
    if (pageRows > 1 && (generated != null ? engine.dialect().supportsMultiRowInsertReturning()
        : engine.dialect().insertManyValuesWithoutReturning())) {
      return runManyValues(p, many, pageRows, batch, generated);
    }
    beginIfNeeded();
    log.statement(c.sql(), p.how, batch, true);
    ExecutionContext ctx = new ExecutionContext(c.sql(), hide ? List.of() : batch, true, p.cached);
    fireBefore(ctx);
    try (PreparedStatement ps = GeneratedKeys.prepareBatch(engine.dialect(), raw, c.sql(), generated)) {
      for (List<Object> values : batch) {
        bind(ps, c, values);
        ps.addBatch();
      }
      long total = rowsWritten(ps.executeBatch(), 1);
      List<List<Object>> keys = generated == null ? null : GeneratedKeys.batchKeys(engine.dialect(), raw, ps, c, p.keys, batch);
      fireAfter(ctx, total);
      return CursorResult.ofBatch(total, keys);
    } catch (SQLException e) {
      throw fail(ctx, e, batch);
    }
  }

  /** The most full pages one JDBC batch carries when they are pipelined (100,000 rows of 1,000-row pages). */
  private static final int PIPELINED_PAGES = 100;

  /**
   * An executemany INSERT sent as pages of multi-row VALUES ("insertmanyvalues"): one statement
   * per page instead of one per row, with RETURNING of the generated key when keys are wanted
   * (or, where the dialect knows them consecutive, each page's first key: {@link
   * org.jalchemy.dialect.Dialect#consecutiveKeyStep}). Each page is logged and reported to listeners as an executemany of its rows, with the SQL sent. Within one statement
   * the database hands out increasing keys in row order, so each page's keys are sorted
   * ascending and matched to its rows in order (as SQLAlchemy does for autoincrement keys).
   */
  private CursorResult<?> runManyValues(Prepared p, InsertManyValues many, int pageRows, List<List<Object>> batch,
      Column<?> generated) {
    CompiledStatement c = p.compiled;
    beginIfNeeded();
    int[] starts = PageBounds.of(batch, pageRows, engine.dialect().insertManyValuesMaxBytes());
    int pages = starts.length - 1;
    // Where the database hands out a page's keys consecutively, each page reports its first key
    // and RETURNING is left out; asked only of a batch of several pages (the check is a round trip).
    long step = generated != null && pages > 1 ? engine.dialect().consecutiveKeyStep(raw, c.table(), generated) : 0;
    // Full pages go as one JDBC batch (PIPELINED_PAGES at most) when no key must be read from each
    // page's answer: the driver sends each page without waiting for the one before (pgjdbc and
    // MariaDB Connector/J pipeline a batch), so the server runs a page while the next is encoded.
    // With RETURNING every page is a query whose rows must be read, so those go one at a time.
    boolean pipelined = generated == null || step > 0;
    // RETURNING only where each page's keys must be read from its rows
    String key = pipelined ? null : engine.dialect().identifiers().quote(generated.name());
    String fullPageSql = pageSql(many, pageRows, key);
    List<Object> keys = generated == null ? null : new ArrayList<>(batch.size());
    long total = 0;
    // The full pages share one statement, prepared once and bound again for each page: the
    // dialect may have the server parse it once (MariaDB), the driver may switch it to a
    // server-side statement after a few runs (pgjdbc).
    PreparedStatement fullPage = null;
    try {
      int page = 0;
      while (page < pages) {
        int from = starts[page];
        boolean full = starts[page + 1] - from == pageRows;
        int group = 1;
        while (full && pipelined && group < PIPELINED_PAGES && page + group < pages
            && starts[page + group + 1] - starts[page + group] == pageRows) {
          group++;
        }
        List<List<Object>> rows = batch.subList(from, starts[page + group]);
        String sql = full ? fullPageSql : pageSql(many, rows.size(), key);
        if (log.enabled()) {
          String pagesSent = group > 1 ? (page + 1) + "-" + (page + group) : String.valueOf(page + 1);
          log.statement(sql, p.how + " [insertmanyvalues " + pagesSent + "/" + pages + "]", rows, true);
        }
        // Reported as the executemany it is, one page (or one batch of pages) of parameter sets at a time with the SQL sent.
        ExecutionContext ctx = new ExecutionContext(sql, hide ? List.of() : rows, true, p.cached);
        fireBefore(ctx);
        try {
          long count;
          if (full) {
            if (fullPage == null) {
              fullPage = engine.dialect().prepareRepeated(raw, sql, step > 0);
            }
            count = group > 1 ? runPages(fullPage, c, rows, pageRows, generated, keys, step)
                : runPage(fullPage, c, rows, generated, keys, step);
          } else {
            try (PreparedStatement ps = step > 0 ? raw.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                : raw.prepareStatement(sql)) {
              count = runPage(ps, c, rows, generated, keys, step);
            }
          }
          total += count;
          fireAfter(ctx, count);
        } catch (SQLException e) {
          throw fail(ctx, e, rows);
        }
        page += group;
      }
    } finally {
      closeQuietly(fullPage);
    }
    return CursorResult.ofBatch(total, keys == null ? null : GeneratedKeys.keyRows(p.keys, batch, keys));
  }

  /**
   * Full pages of {@code pageRows} rows each, bound one after another into one JDBC batch of the
   * page statement and run at once; their keys, if wanted, follow from each page's first
   * (consecutive keys). Returns the rows written.
   */
  private static long runPages(PreparedStatement ps, CompiledStatement c, List<List<Object>> rows, int pageRows,
      Column<?> generated, List<Object> keys, long step) throws SQLException {
    for (int from = 0; from < rows.size(); from += pageRows) {
      int next = 1;
      for (List<Object> values : rows.subList(from, from + pageRows)) {
        next = bind(ps, c, values, next);
      }
      ps.addBatch();
    }
    int[] counts = ps.executeBatch();
    if (generated == null) {
      return rowsWritten(counts, pageRows);
    }
    return ConsecutivePageKeys.fromBatch(ps, counts, pageRows, step, generated.type(), c.table().name(), keys);
  }

  /**
   * The rows a JDBC batch wrote, from its update counts; a statement the driver reports only as
   * SUCCESS_NO_INFO counts as the {@code rowsPerStatement} rows it was given.
   */
  private static long rowsWritten(int[] counts, int rowsPerStatement) {
    long total = 0;
    for (int n : counts) {
      total += n >= 0 ? n : (n == java.sql.Statement.SUCCESS_NO_INFO ? rowsPerStatement : 0);
    }
    return total;
  }

  /**
   * Binds one page's rows and runs it; with a generated key, its values go to {@code keys} (read
   * from the first at {@code step} when that is not 0, else RETURNING's, sorted). Returns the rows written.
   */
  private static long runPage(PreparedStatement ps, CompiledStatement c, List<List<Object>> rows, Column<?> generated,
      List<Object> keys, long step) throws SQLException {
    int next = 1;
    for (List<Object> values : rows) {
      next = bind(ps, c, values, next);
    }
    if (generated == null) {
      return ps.executeUpdate();
    }
    if (step > 0) {
      return ConsecutivePageKeys.run(ps, rows.size(), step, generated.type(), c.table().name(), keys);
    }
    List<Object> pageKeys = new ArrayList<>(rows.size());
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        pageKeys.add(generated.type().coerce(rs.getObject(1)));
      }
    }
    if (pageKeys.size() != rows.size()) {
      throw new InvalidRequestError("INSERT … RETURNING into " + c.table().name() + " returned " + pageKeys.size()
          + " key(s) for " + rows.size() + " rows; the keys cannot be matched to the rows, so the transaction "
          + "must be rolled back");
    }
    InsertManyValues.sortAscending(pageKeys);
    keys.addAll(pageKeys);
    return rows.size();
  }

  /** One page's INSERT of {@code rows} rows, returning the generated key column when {@code key} is set. */
  private String pageSql(InsertManyValues many, int rows, String key) {
    String insert = many.sql(rows);
    return key == null ? insert : engine.dialect().insertReturningKey(insert, key);
  }

  private <T> CursorResult<T> run(Prepared p, List<Object> values, ExecutionOptions options) {
    return run(p, values, options, false);
  }

  /** Executes once; {@code oneRowBatch}: the result also reports the key as the one row of an executemany. */
  private <T> CursorResult<T> run(Prepared p, List<Object> values, ExecutionOptions options, boolean oneRowBatch) {
    CompiledStatement c = p.compiled;
    beginIfNeeded();
    log.statement(c.sql(), p.how, values, false);
    ExecutionContext ctx = new ExecutionContext(c.sql(), hide ? List.of() : values, false, p.cached);
    fireBefore(ctx);
    PreparedStatement ps = null;
    // Statements with per-execution settings, and text (often DDL, run once), are not kept.
    boolean reuse = statements != null && c.kind() != StatementKind.TEXT && options.fetchSize() == 0
        && options.timeoutSeconds() == 0 && !options.stream();
    try {
      InsertedKeyPlan keys = p.keys;
      Dialect dialect = engine.dialect();
      ps = reuse ? statements.take(c, physical -> GeneratedKeys.prepare(dialect, physical, c.sql(), keys))
          : GeneratedKeys.prepare(dialect, raw, c.sql(), keys);
      bind(ps, c, values);
      if (options.fetchSize() > 0) {
        ps.setFetchSize(options.fetchSize());
      }
      if (options.timeoutSeconds() > 0) {
        ps.setQueryTimeout(options.timeoutSeconds());
      }
      if (c.returnsRows()) {
        ResultSet rs = options.stream() && isH2() ? executeLazily(ps) : ps.executeQuery();
        fireAfter(ctx, -1);
        return cursor(ps, reuse ? c : null, rs, p.shape, c.sql(), values);
      }
      long count;
      if (c.kind() == StatementKind.TEXT) {
        if (ps.execute()) {
          fireAfter(ctx, -1);
          return textCursor(ps, ps.getResultSet(), c.sql(), values);
        }
        count = ps.getUpdateCount();
      } else {
        // The driver's return value: getUpdateCount() afterwards is -1 on some drivers (SQLite).
        count = ps.executeUpdate();
      }
      List<Object> pk = keys.yieldsKey() ? GeneratedKeys.insertedKey(engine.dialect(), keys, values, ps) : null;
      release(ps, reuse ? c : null);
      fireAfter(ctx, count);
      return oneRowBatch ? CursorResult.ofOneRowBatch(count, pk) : CursorResult.ofRowcount(count, pk);
    } catch (SQLException e) {
      closeQuietly(ps);
      throw fail(ctx, e, values);
    }
  }

  private boolean isH2() {
    return "h2".equals(engine.dialect().name());
  }

  private boolean isSqlite() {
    return "sqlite".equals(engine.dialect().name());
  }

  /**
   * Embedded H2 computes a whole result before returning the first row, whatever the fetch size,
   * unless the session's lazy query execution is on; it is switched on for this one query only.
   */
  private ResultSet executeLazily(PreparedStatement ps) throws SQLException {
    try (java.sql.Statement st = raw.createStatement()) {
      st.execute("SET LAZY_QUERY_EXECUTION TRUE");
      try {
        return ps.executeQuery();
      } finally {
        st.execute("SET LAZY_QUERY_EXECUTION FALSE");
      }
    }
  }

  /** Gives a statement back to the connection's cache when it was {@code cachedFor} a compiled statement, else closes it. */
  private void release(PreparedStatement ps, CompiledStatement cachedFor) throws SQLException {
    if (cachedFor != null) {
      statements.giveBack(cachedFor, ps);
    } else {
      ps.close();
    }
  }

  /**
   * Whether the statement under a closed result may be kept for reuse: not after a failure, and
   * where statements hold their last result (H2), only after a small result read to the end, so
   * that no kept statement pins a large one in memory.
   */
  private boolean keepsAfter(JdbcRowSource closed) {
    return !closed.failed()
        && (!engine.dialect().statementsHoldLastResult() || closed.readToEndWithin(KEPT_RESULT_ROWS));
  }

  /** The most rows a result of a kept statement may have read on a dialect whose statements hold their last result. */
  private static final int KEPT_RESULT_ROWS = 100;

  private static void bind(PreparedStatement ps, CompiledStatement c, List<Object> values) throws SQLException {
    bind(ps, c, values, 1);
  }

  /** Binds one row of values from parameter index {@code first} on; returns the index after it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int bind(PreparedStatement ps, CompiledStatement c, List<Object> values, int first) throws SQLException {
    List<BindSlot> slots = c.slots();
    for (int i = 0; i < slots.size(); i++) {
      ((ValueCodec) slots.get(i).codec()).bind(ps, first + i, values.get(i));
    }
    return first + slots.size();
  }

  /** A result reading {@code rs}; closing it closes {@code ps}, or gives it back to the cache when {@code cachedFor} is set. */
  private <T> CursorResult<T> cursor(PreparedStatement ps, CompiledStatement cachedFor, ResultSet rs, ResultShape shape,
      String sql, List<Object> values) {
    JdbcRowSource source = new JdbcRowSource(rs, shape, sql, values, hide, closed -> {
      openCursors.remove(closed);
      try {
        release(ps, keepsAfter(closed) ? cachedFor : null);
      } catch (SQLException ignored) {
        // closing a cursor whose connection failed; nothing more to release
      }
    });
    if (reuseNextRows) {
      source.reuseOneRow();
    }
    openCursors.add(source);
    return new CursorResult<>(source, shape.metadata(), -1, null);
  }

  private <T> CursorResult<T> textCursor(PreparedStatement ps, ResultSet rs, String sql, List<Object> values)
      throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> keys = new ArrayList<>();
    List<ValueCodec<?>> codecs = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      keys.add(md.getColumnLabel(i));
      codecs.add(engine.dialect().codec(Types.NULL));
    }
    return cursor(ps, null, rs, ResultShape.of(new RowMetadata(keys, null), codecs.toArray(new ValueCodec<?>[0])), sql, values);
  }

  private void fireBefore(ExecutionContext ctx) {
    for (ExecutionListener l : engine.listeners()) {
      l.beforeExecute(ctx);
    }
  }

  private void fireAfter(ExecutionContext ctx, long rowcount) {
    for (ExecutionListener l : engine.listeners()) {
      l.afterExecute(ctx, rowcount);
    }
  }

  private DBAPIError fail(ExecutionContext ctx, SQLException e, List<?> params) {
    DBAPIError error = ErrorTranslator.translate(e, ctx.sql(), params, hide);
    if (error instanceof OperationalError && isDisconnect()) {
      invalidated = true;
    }
    for (ExecutionListener l : engine.listeners()) {
      l.onError(ctx, error);
    }
    return error;
  }

  private boolean isDisconnect() {
    try {
      return raw.isClosed() || !raw.isValid(2);
    } catch (SQLException e) {
      return true;
    }
  }

  private static void closeQuietly(PreparedStatement ps) {
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the statement failed already; its error is what the caller sees
      }
    }
  }

  // ---- transactions ------------------------------------------------------------------------

  /** Begins a transaction explicitly, for try-with-resources; see {@link Transaction}. */
  public Transaction begin() {
    checkOpen();
    if (inTransaction) {
      throw new InvalidRequestError(
          "a transaction is already begun on this connection (statements begin one implicitly); commit() or rollback() first");
    }
    beginIfNeeded();
    return new Transaction(this);
  }

  void joinExternalTransaction(String owner) {
    externalOwner = owner;
  }

  /** True when this connection works inside a transaction someone else commits (see {@link Engine#connectInExternalTransaction}). */
  public boolean inExternalTransaction() {
    return externalOwner != null;
  }

  private void refuseInExternalTransaction(String operation) {
    if (externalOwner != null) {
      throw new InvalidRequestError("cannot " + operation + " here: this connection works inside " + externalOwner
          + ", which its owner (the container) commits or rolls back; end it there (return from the @Transactional "
          + "method, or use UserTransaction) instead");
    }
  }

  /** True when a transaction is in progress. */
  public boolean inTransaction() {
    return inTransaction;
  }

  /** Commits the current transaction. */
  public void commit() {
    checkOpen();
    refuseInExternalTransaction("commit");
    closeCursors("commit()");
    try {
      if (!engine.isExternallyManaged() || !raw.getAutoCommit()) {
        raw.commit();
      }
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, "COMMIT", List.of(), hide);
    }
    endTransaction("COMMIT");
  }

  /** Rolls back the current transaction. */
  public void rollback() {
    checkOpen();
    refuseInExternalTransaction("roll back");
    closeCursors("rollback()");
    try {
      if (!raw.getAutoCommit()) {
        raw.rollback();
      }
    } catch (SQLException e) {
      invalidated = true;
      throw ErrorTranslator.translate(e, "ROLLBACK", List.of(), hide);
    } finally {
      endTransaction("ROLLBACK");
    }
  }

  private void endTransaction(String event) {
    if (inTransaction) {
      log.line(event);
      for (ExecutionListener l : engine.listeners()) {
        l.onTransaction(event);
      }
    }
    inTransaction = false;
  }

  /** Closes the results still open on this connection; reading one afterwards fails, naming {@code why}. */
  private void closeCursors(String why) {
    if (!openCursors.isEmpty()) {
      for (JdbcRowSource s : new ArrayList<>(openCursors)) {
        s.closeUnread(why);
      }
    }
  }

  /** Marks the connection broken: on close it is discarded instead of returned to the pool. */
  public void invalidate() {
    invalidated = true;
  }

  /** True when the connection was found broken (or invalidated): it is discarded, not pooled, on close. */
  public boolean isInvalidated() {
    return invalidated;
  }

  /** True once closed. */
  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new InvalidRequestError("this connection is closed; get a new one with engine.connect()");
    }
  }

  /** Rolls back anything uncommitted and returns the connection to the pool. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      closeCursors("close()");
      // With an external owner, the owner ends the transaction; only the handle goes back.
      if (externalOwner == null && !invalidated) {
        try {
          // When nothing ran since the last commit or rollback there is no ROLLBACK to send. On H2 a
          // ROLLBACK also empties the session's parsed-statement cache: every checkout re-parsed its SQL.
          if (inTransaction || rawUsed || engine.isExternallyManaged()) {
            rollback();
          }
          if (restoreAutoCommit) {
            raw.setAutoCommit(true);
          }
        } catch (RuntimeException | SQLException e) {
          invalidated = true;
        }
      }
    } finally {
      closed = true;
      try {
        if (invalidated) {
          engine.pool().invalidate(raw);
          engine.pool().release(raw);
        } else {
          engine.pool().release(raw);
        }
      } catch (SQLException ignored) {
        // the connection is being discarded anyway
      }
    }
  }
}
