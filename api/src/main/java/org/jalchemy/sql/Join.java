package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.internal.JoinConditions;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON onclause}. Without an explicit ON clause the
 * condition is inferred from the foreign keys between the two sides; none or several candidate
 * keys is an error naming both sides.
 */
public final class Join extends FromClause {
  /** The join kinds. */
  public enum Kind {
    INNER("JOIN"),
    LEFT("LEFT OUTER JOIN"),
    FULL("FULL OUTER JOIN");

    private final String sql;

    Kind(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }

  private final FromClause left;
  private final FromClause right;
  private final Expression<Boolean> onclause;
  private final Kind kind;

  Join(FromClause left, FromClause right, Expression<Boolean> onclause, Kind kind) {
    this.left = left;
    this.right = right;
    this.onclause = onclause != null ? onclause : JoinConditions.infer(left, right);
    this.kind = kind;
  }

  public FromClause left() {
    return left;
  }

  public FromClause right() {
    return right;
  }

  public Expression<Boolean> onclause() {
    return onclause;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public List<? extends NamedColumn<?>> columns() {
    List<NamedColumn<?>> all = new ArrayList<>(left.columns());
    all.addAll(right.columns());
    return all;
  }

  @Override
  public String describe() {
    return left.describe() + " " + kind.sql() + " " + right.describe();
  }

  @Override
  public boolean covers(FromClause other) {
    return this == other || left.covers(other) || right.covers(other);
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitJoin(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(Join.class).add(kind).add(left).add(right).add(onclause);
  }
}
