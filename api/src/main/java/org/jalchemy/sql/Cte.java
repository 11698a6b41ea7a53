package org.jalchemy.sql;

import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * A common table expression: {@code WITH name AS (SELECT …)} placed before the statement that
 * uses it. A recursive CTE refers to itself in the second part of a UNION:
 *
 * <pre>{@code
 * Cte nums = select(literal(1).label("n")).cteRecursive("nums");
 * NamedColumn<Integer> n = nums.c("n", Integer.class);
 * nums = nums.unionAll(select(n.plus(1)).where(n.lt(10)));          // refers to the first part
 * select(nums.c("n", Integer.class));                               // the recursive CTE's own column
 * }</pre>
 *
 * <p>Select the columns of the CTE that {@link #unionAll} returned: that object carries the
 * recursive body, and the WITH clause is written from it.
 */
public class Cte extends Subquery {
  private final boolean recursive;

  public Cte(SelectBase<?> select, String name, boolean recursive) {
    super(select, name);
    this.recursive = recursive;
  }

  /** Whether the CTE is declared WITH RECURSIVE. */
  public boolean recursive() {
    return recursive;
  }

  /**
   * The recursive form: this CTE's SELECT {@code UNION ALL} a SELECT that refers to this CTE. The
   * new CTE keeps this one's name and columns, so references built from either render the same.
   */
  public Cte unionAll(SelectBase<?> recursivePart) {
    return new RecursiveCte(this, recursivePart, true);
  }

  /** Like {@link #unionAll} with UNION (duplicates removed). */
  public Cte union(SelectBase<?> recursivePart) {
    return new RecursiveCte(this, recursivePart, false);
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitCteReference(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    if (key.reference(this)) {
      return;
    }
    key.add(Cte.class).add(recursive).add(name()).add(element());
  }

  /** The body of the CTE as rendered in the WITH clause. */
  public SelectBase<?> body() {
    return element();
  }

  /** The CTE that names this one in the WITH clause (itself, or the anchor of a recursive union). */
  public Cte anchor() {
    return this;
  }

  /** A recursive CTE whose body is anchor UNION [ALL] recursive part. */
  static final class RecursiveCte extends Cte {
    private final Cte anchor;
    private final SelectBase<?> body;

    RecursiveCte(Cte anchor, SelectBase<?> recursivePart, boolean all) {
      super(anchor.element(), anchor.name(), true);
      this.anchor = anchor;
      SelectBase<?> first = anchor.element();
      this.body = all ? CompoundSelect.unionAll(first, recursivePart) : CompoundSelect.union(first, recursivePart);
    }

    @Override
    public SelectBase<?> body() {
      return body;
    }

    @Override
    public Cte anchor() {
      return anchor;
    }

    @Override
    public boolean covers(FromClause other) {
      return other == this || other == anchor;
    }

    // Columns are this CTE's own (not the anchor's): an outer query selecting them names this
    // object, which is how the compiler finds the recursive body for the WITH clause.

    @Override
    public void appendCacheKey(CacheKey key) {
      if (key.reference(this)) {
        return;
      }
      key.add(RecursiveCte.class).add(anchor).add(body);
    }
  }
}
