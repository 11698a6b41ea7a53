package org.jalchemy.sql.compiler;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.internal.JoinConditions;

/**
 * Works out a SELECT's FROM list as SQLAlchemy does: explicit {@code selectFrom} entries, then every
 * table the clauses refer to, then the requested joins grafted onto the entry they start from;
 * finally, in a correlated subquery, the entries the enclosing query already has are left out.
 */
final class FromResolver {
  private FromResolver() {}

  static List<FromClause> resolve(SqlCompiler compiler, Select<?> select, SqlCompiler.SelectContext ctx) {
    List<FromClause> froms = new ArrayList<>(select.explicitFroms());
    for (FromClause f : ctx.collected) {
      addIfUncovered(froms, f);
    }
    for (Select.SetupJoin join : select.setupJoins()) {
      applyJoin(compiler, froms, join);
    }
    if (ctx.correlating) {
      List<FromClause> uncorrelated = new ArrayList<>();
      for (FromClause f : froms) {
        if (!coveredByEnclosing(ctx.parent, f)) {
          uncorrelated.add(f);
        }
      }
      // Correlating every entry away would leave no FROM; keep them, as the user then means them.
      if (!uncorrelated.isEmpty()) {
        froms = uncorrelated;
      }
    }
    return froms;
  }

  private static boolean coveredByEnclosing(SqlCompiler.SelectContext enclosing, FromClause f) {
    for (SqlCompiler.SelectContext c = enclosing; c != null; c = c.parent) {
      for (FromClause outer : c.finalFroms) {
        if (outer.covers(f)) {
          return true;
        }
      }
      if (!c.correlating) {
        break;
      }
    }
    return false;
  }

  private static void addIfUncovered(List<FromClause> froms, FromClause f) {
    for (FromClause existing : froms) {
      if (existing.covers(f)) {
        return;
      }
    }
    froms.add(f);
  }

  private static void applyJoin(SqlCompiler compiler, List<FromClause> froms, Select.SetupJoin join) {
    FromClause target = join.target();
    // A joined target that is itself a join (an ORM many-to-many: secondary JOIN target) takes the
    // place of the tables it covers, which the columns clause may have added on their own.
    froms.removeIf(f -> f == target || target.covers(f));
    int index = leftIndex(compiler, froms, join);
    FromClause left = froms.get(index);
    FromClause joined =
        switch (join.kind()) {
          case INNER -> join.onclause() == null ? left.join(target) : left.join(target, join.onclause());
          case LEFT -> join.onclause() == null ? left.outerJoin(target) : left.outerJoin(target, join.onclause());
          case FULL -> left.fullOuterJoin(target, join.onclause());
        };
    froms.set(index, joined);
  }

  private static int leftIndex(SqlCompiler compiler, List<FromClause> froms, Select.SetupJoin join) {
    if (join.left() != null) {
      for (int i = 0; i < froms.size(); i++) {
        if (froms.get(i).covers(join.left())) {
          return i;
        }
      }
      froms.add(join.left());
      return froms.size() - 1;
    }
    if (join.onclause() != null) {
      List<FromClause> referenced = compiler.fromsOf(join.onclause());
      for (int i = 0; i < froms.size(); i++) {
        for (FromClause r : referenced) {
          if (r != join.target() && froms.get(i).covers(r)) {
            return i;
          }
        }
      }
    } else {
      for (int i = 0; i < froms.size(); i++) {
        if (JoinConditions.canJoin(froms.get(i), join.target())) {
          return i;
        }
      }
    }
    if (froms.isEmpty()) {
      throw new ArgumentError(
          "cannot join to " + join.target().describe() + ": the SELECT has nothing to join from; "
              + "select a column of the left side or use selectFrom(left) first");
    }
    if (join.onclause() != null) {
      return 0;
    }
    throw new ArgumentError(
        "don't know how to join to " + join.target().describe() + ": no foreign key links it to "
            + froms.stream().map(FromClause::describe).toList() + "; give the ON clause: join(target, onclause)");
  }
}
