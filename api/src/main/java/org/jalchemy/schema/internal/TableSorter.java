package org.jalchemy.schema.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;

/**
 * Orders tables so that each follows the tables its foreign keys refer to (a topological sort,
 * definition order kept where free). Self-references and cycles do not block: the remaining tables
 * follow in definition order.
 */
public final class TableSorter {
  private TableSorter() {}

  public static List<Table> sort(Collection<Table> tables) {
    Map<String, Table> byName = new LinkedHashMap<>();
    for (Table t : tables) {
      byName.put(t.fullName(), t);
    }
    Map<Table, Set<Table>> dependsOn = new LinkedHashMap<>();
    for (Table t : tables) {
      Set<Table> deps = new LinkedHashSet<>();
      for (Column<?> c : t.columns()) {
        for (ForeignKey fk : c.foreignKeys()) {
          Table target = byName.get(fk.targetTableName());
          if (target != null && target != t) {
            deps.add(target);
          }
        }
      }
      t.foreignKeyConstraints().forEach(fkc -> fkc.elements().forEach(fk -> {
        Table target = byName.get(fk.targetTableName());
        if (target != null && target != t) {
          deps.add(target);
        }
      }));
      dependsOn.put(t, deps);
    }
    List<Table> sorted = new ArrayList<>();
    Set<Table> done = new LinkedHashSet<>();
    boolean progress = true;
    while (sorted.size() < tables.size() && progress) {
      progress = false;
      for (Table t : tables) {
        if (!done.contains(t) && done.containsAll(dependsOn.get(t))) {
          sorted.add(t);
          done.add(t);
          progress = true;
        }
      }
    }
    for (Table t : tables) {
      if (!done.contains(t)) {
        sorted.add(t);
      }
    }
    return sorted;
  }
}
