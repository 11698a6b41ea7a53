package org.jalchemy.sql.internal;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Join;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.sql.elements.BooleanClauseList;

/** Infers a join's ON clause from the foreign keys between its two sides. */
public final class JoinConditions {
  private JoinConditions() {}

  /** A table (or alias of one) taking part in a join, with how to reach its columns. */
  private record Side(FromClause from, Table table) {
    Expression<?> column(Column<?> c) {
      return from instanceof TableAlias a ? a.c(c) : c;
    }
  }

  /** True when some foreign key links {@code left} (or a table within it) to {@code right}. */
  public static boolean canJoin(FromClause left, FromClause right) {
    Side r = side(right);
    if (r == null) {
      return false;
    }
    for (Side l : sides(left)) {
      if (!candidates(l, r).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ON clause joining {@code left} to {@code right}: the right-most table of {@code left} with
   * exactly one foreign key path to {@code right}. Fails, naming both sides, when there is none or
   * more than one.
   */
  public static Expression<Boolean> infer(FromClause left, FromClause right) {
    Side r = side(right);
    if (r == null) {
      throw new ArgumentError(
          "cannot infer the ON clause for a join to " + right.describe() + "; give it explicitly: join(target, onclause)");
    }
    List<Side> lefts = sides(left);
    for (int i = lefts.size() - 1; i >= 0; i--) {
      List<Expression<Boolean>> found = candidates(lefts.get(i), r);
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw new ArgumentError(
            "more than one foreign key links " + lefts.get(i).from().describe() + " and " + right.describe()
                + "; say which to use: join(target, onclause)");
      }
    }
    throw new ArgumentError(
        "no foreign key links " + left.describe() + " and " + right.describe()
            + "; give the ON clause explicitly: join(target, onclause)");
  }

  private static List<Expression<Boolean>> candidates(Side left, Side right) {
    List<Expression<Boolean>> found = new ArrayList<>();
    addConditions(found, right, left);
    if (left.table() != right.table()) {
      addConditions(found, left, right);
    }
    return found;
  }

  /** Conditions for foreign keys of {@code referencing} pointing at {@code referenced}. */
  private static void addConditions(List<Expression<Boolean>> found, Side referencing, Side referenced) {
    for (ForeignKeyConstraint fk : referencing.table().foreignKeyConstraints()) {
      if (fk.referredTable() != referenced.table()) {
        continue;
      }
      List<Expression<Boolean>> parts = new ArrayList<>();
      for (int i = 0; i < fk.columns().size(); i++) {
        parts.add(equal(referenced.column(fk.referredColumns().get(i)), referencing.column(fk.columns().get(i))));
      }
      found.add(BooleanClauseList.and(parts));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Expression<Boolean> equal(Expression<?> a, Expression<?> b) {
    return ((Expression) a).eq((Expression) b);
  }

  private static Side side(FromClause f) {
    if (f instanceof Table t) {
      return new Side(t, t);
    }
    if (f instanceof TableAlias a) {
      return new Side(a, a.table());
    }
    return null;
  }

  private static List<Side> sides(FromClause f) {
    List<Side> out = new ArrayList<>();
    collect(f, out);
    return out;
  }

  private static void collect(FromClause f, List<Side> out) {
    if (f instanceof Join j) {
      collect(j.left(), out);
      collect(j.right(), out);
    } else {
      Side s = side(f);
      if (s != null) {
        out.add(s);
      }
    }
  }
}
