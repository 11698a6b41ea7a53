package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.elements.BindParameter;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;

/**
 * Literal SQL with {@code :name} parameters, which are sent as bound parameters:
 *
 * <pre>{@code
 * conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2));
 * select(users.name).where(text("length(name) > :n").bindParams(Map.of("n", 3)));
 * }</pre>
 *
 * <p>{@code ::} (a PostgreSQL cast), a colon inside quotes and {@code \:} are left as written.
 */
public final class TextClause extends Expression<Object> implements Executable<Object> {
  private final String text;
  private final List<Object> parts;
  private final Map<String, Object> values;
  private ExecutionOptions options = ExecutionOptions.DEFAULT;

  public TextClause(String text) {
    this(text, TextParser.parse(text), Map.of());
  }

  /** SQL taken exactly as written, with no {@code :name} parameters (DDL). */
  public static TextClause verbatim(String sql) {
    TextClause t = new TextClause(sql, List.of(sql), Map.of());
    t.verbatim = true;
    return t;
  }

  private boolean verbatim;

  /** True for SQL taken verbatim (DDL), which the engine neither parses nor caches. */
  public boolean isVerbatim() {
    return verbatim;
  }

  private TextClause(String text, List<Object> parts, Map<String, Object> values) {
    this.text = text;
    this.parts = parts;
    this.values = values;
  }

  /** This text with values for (some of) its parameters. */
  public TextClause bindParams(Map<String, ?> newValues) {
    Map<String, Object> all = new HashMap<>(values);
    all.putAll(newValues);
    TextClause t = new TextClause(text, parts, all);
    t.options = options;
    return t;
  }

  /**
   * This text typed as a boolean criterion, to combine with {@code and()}/{@code or()} or pass to
   * {@code where()}: {@code users.id.gt(1).and(text("name LIKE 's%'").asCriterion())}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Expression<Boolean> asCriterion() {
    return (Expression<Boolean>) (Expression) this;
  }

  /** This text with other execution options. */
  public TextClause executionOptions(ExecutionOptions newOptions) {
    TextClause t = new TextClause(text, parts, values);
    t.options = newOptions;
    return t;
  }

  @Override
  public ExecutionOptions executionOptions() {
    return options;
  }

  /** The SQL as written. */
  public String text() {
    return text;
  }

  /**
   * The text cut at its parameters: String pieces of SQL and, for each {@code :name}, a
   * {@link BindParameter} (named, with the value from {@link #bindParams} if any). The same
   * parameter objects every time, as the statement cache matches them by identity.
   */
  public List<Object> parts() {
    List<Object> b = bound;
    if (b == null) {
      b = new ArrayList<>(parts.size());
      for (Object p : parts) {
        b.add(p instanceof TextParser.Param param ? bindFor(param.name()) : p);
      }
      bound = b;
    }
    return b;
  }

  private List<Object> bound;

  private BindParameter<?> bindFor(String name) {
    if (values.containsKey(name)) {
      Object v = values.get(name);
      @SuppressWarnings("unchecked")
      SqlType<Object> t = (SqlType<Object>) SqlType.forValue(v);
      return BindParameter.named(name, v, t);
    }
    return BindParameter.named(name, Types.NULL);
  }

  @Override
  public SqlType<Object> type() {
    return Types.NULL;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitText(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(TextClause.class).add(text);
    for (Object p : parts()) {
      if (p instanceof BindParameter<?> b) {
        key.add(b);
      }
    }
  }
}
