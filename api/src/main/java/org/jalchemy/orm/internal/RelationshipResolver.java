package org.jalchemy.orm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jalchemy.orm.Cascade;
import org.jalchemy.orm.ColumnProperty;
import org.jalchemy.orm.Lazy;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.RelationshipProperty;
import org.jalchemy.orm.RelationshipProperty.ColumnPair;
import org.jalchemy.orm.RelationshipProperty.Direction;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.OrderByItem;
import org.jalchemy.sql.elements.BooleanClauseList;

/**
 * Turns a relationship field into join conditions, as SQLAlchemy does: the foreign keys between the
 * two tables (or between each of them and the {@code secondary} table) decide the condition and the
 * direction. None, or more than one without {@code foreignKeys} to choose, is a mapping error.
 */
public final class RelationshipResolver {
  private RelationshipResolver() {}

  /** What the resolver needs to know about the classes being configured. */
  public interface Tables {
    Table tableOf(Class<?> mappedClass);

    Map<String, ColumnProperty<?, ?>> columnsOf(Class<?> mappedClass);

    MetaData metadata();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static RelationshipProperty<?, ?> resolve(Class<?> owner, ScannedField sf, Tables tables) {
    Relationship ann = sf.field().getAnnotation(Relationship.class);
    Table local = tables.tableOf(owner);
    Table remote = tables.tableOf(sf.target());
    List<String> wanted = ann == null ? List.of() : Arrays.asList(ann.foreignKeys());
    String secondaryName = ann == null ? "" : ann.secondary();

    Direction direction;
    List<ColumnPair> pairs;
    Expression<Boolean> on;
    Table secondary = null;
    List<ColumnPair> secondaryPairs = List.of();
    Expression<Boolean> secondaryOn = null;
    if (!secondaryName.isEmpty()) {
      secondary = tables.metadata().tables().get(secondaryName);
      if (secondary == null) {
        throw new MappingError(Kind.BAD_RELATIONSHIP, owner, sf.name(),
            "secondary = \"" + secondaryName + "\" names no table of this base; its tables are "
                + tables.metadata().tables().keySet(),
            "map the association table as a class with @Tablename(\"" + secondaryName + "\") on the same base, "
                + "or fix the name");
      }
      if (sf.collectionType() == null) {
        throw new MappingError(Kind.BAD_RELATIONSHIP, owner, sf.name(),
            "a many-to-many relationship (secondary = \"" + secondaryName + "\") must hold a collection",
            "declare the field as List<" + sf.target().getSimpleName() + "> or Set<" + sf.target().getSimpleName() + ">");
      }
      ForeignKeyConstraint toLocal = single(owner, sf, secondary, local, wanted);
      ForeignKeyConstraint toRemote = single(owner, sf, secondary, remote, wanted);
      if (local == remote && toLocal == toRemote) {
        throw ambiguous(owner, sf, secondary, local, 2);
      }
      direction = Direction.MANY_TO_MANY;
      pairs = referencedPairs(toLocal);
      on = condition(pairs);
      secondaryPairs = referencedPairs(toRemote);
      secondaryOn = condition(secondaryPairs);
    } else {
      List<ForeignKeyConstraint> fromRemote = filter(links(remote, local), wanted);
      List<ForeignKeyConstraint> fromLocal = local == remote ? List.of() : filter(links(local, remote), wanted);
      int count = fromRemote.size() + fromLocal.size();
      if (count == 0) {
        throw new MappingError(Kind.NO_FOREIGN_KEY_PATH, owner, sf.name(),
            "no foreign key links table " + local.fullName() + " and table " + remote.fullName()
                + (wanted.isEmpty() ? "" : " through " + wanted),
            "add @MappedColumn(foreignKey = \"" + local.fullName() + "." + firstKey(local) + "\") to the column field of "
                + sf.target().getSimpleName() + " that refers to " + owner.getSimpleName()
                + " (or the reverse), or name an association table with @Relationship(secondary = \"…\")");
      }
      if (count > 1) {
        throw ambiguous(owner, sf, remote, local, count);
      }
      if (local == remote) {
        // Self-referential: the field's shape says which way the single key is read.
        ForeignKeyConstraint fk = fromRemote.get(0);
        direction = sf.collectionType() != null ? Direction.ONE_TO_MANY : Direction.MANY_TO_ONE;
        pairs = direction == Direction.ONE_TO_MANY ? referencedPairs(fk) : referencingPairs(fk);
      } else if (!fromRemote.isEmpty()) {
        direction = Direction.ONE_TO_MANY;
        pairs = referencedPairs(fromRemote.get(0));
      } else {
        if (sf.collectionType() != null) {
          throw new MappingError(Kind.BAD_RELATIONSHIP, owner, sf.name(),
              "the only foreign key runs from " + local.fullName() + " to " + remote.fullName()
                  + ", so each " + owner.getSimpleName() + " has at most one " + sf.target().getSimpleName()
                  + ", but the field is a collection",
              "declare the field as a single " + sf.target().getSimpleName() + ", or put the foreign key on "
                  + remote.fullName() + " for a one-to-many");
        }
        direction = Direction.MANY_TO_ONE;
        pairs = referencingPairs(fromLocal.get(0));
      }
      on = condition(pairs);
    }
    List<OrderByItem> orderBy = orderBy(owner, sf, ann, tables);
    EnumSet<Cascade> cascade = EnumSet.noneOf(Cascade.class);
    cascade.addAll(ann == null ? List.of(Cascade.SAVE_UPDATE, Cascade.MERGE) : Arrays.asList(ann.cascade()));
    String back = ann == null || ann.backPopulates().isEmpty() ? null : ann.backPopulates();
    Lazy lazy = ann == null ? Lazy.SELECT : ann.lazy();
    return new RelationshipProperty(owner, sf.name(), sf.target(), sf.collectionType(), direction, pairs, on,
        secondary, secondaryPairs, secondaryOn, back, orderBy, cascade, lazy,
        FieldAccessor.of(owner, sf.field()));
  }

  private static ForeignKeyConstraint single(
      Class<?> owner, ScannedField sf, Table secondary, Table to, List<String> wanted) {
    List<ForeignKeyConstraint> found = filter(links(secondary, to), wanted);
    if (found.isEmpty()) {
      throw new MappingError(Kind.NO_FOREIGN_KEY_PATH, owner, sf.name(),
          "association table " + secondary.fullName() + " has no foreign key to table " + to.fullName(),
          "add a column field with @MappedColumn(foreignKey = \"" + to.fullName() + "." + firstKey(to)
              + "\") to the association class");
    }
    if (found.size() > 1) {
      throw ambiguous(owner, sf, secondary, to, found.size());
    }
    return found.get(0);
  }

  private static MappingError ambiguous(Class<?> owner, ScannedField sf, Table a, Table b, int count) {
    return new MappingError(Kind.AMBIGUOUS_FOREIGN_KEYS, owner, sf.name(),
        count + " foreign keys link table " + a.fullName() + " and table " + b.fullName()
            + ", so the join condition is ambiguous",
        "say which to use: @Relationship(foreignKeys = \"" + a.fullName() + ".<column>\") naming the foreign key column");
  }

  private static String firstKey(Table t) {
    return t.primaryKeyColumns().isEmpty() ? "id" : t.primaryKeyColumns().get(0).name();
  }

  /** Foreign key constraints of {@code from} that refer to {@code to}. */
  private static List<ForeignKeyConstraint> links(Table from, Table to) {
    List<ForeignKeyConstraint> out = new ArrayList<>();
    for (ForeignKeyConstraint fk : from.foreignKeyConstraints()) {
      if (fk.referredTable() == to) {
        out.add(fk);
      }
    }
    return out;
  }

  /** Keeps the constraints one of whose columns is named in {@code wanted} ("table.column"). */
  private static List<ForeignKeyConstraint> filter(List<ForeignKeyConstraint> fks, List<String> wanted) {
    if (wanted.isEmpty()) {
      return fks;
    }
    List<ForeignKeyConstraint> out = new ArrayList<>();
    for (ForeignKeyConstraint fk : fks) {
      for (Column<?> c : fk.columns()) {
        if (wanted.contains(c.table().fullName() + "." + c.name())) {
          out.add(fk);
          break;
        }
      }
    }
    return out;
  }

  /** (referred column, referencing column) pairs: the side holding the key is "local". */
  private static List<ColumnPair> referencedPairs(ForeignKeyConstraint fk) {
    List<ColumnPair> out = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      out.add(new ColumnPair(fk.referredColumns().get(i), fk.columns().get(i)));
    }
    return out;
  }

  /** (referencing column, referred column) pairs: the side holding the foreign key is "local". */
  private static List<ColumnPair> referencingPairs(ForeignKeyConstraint fk) {
    List<ColumnPair> out = new ArrayList<>();
    for (int i = 0; i < fk.columns().size(); i++) {
      out.add(new ColumnPair(fk.columns().get(i), fk.referredColumns().get(i)));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Expression<Boolean> condition(List<ColumnPair> pairs) {
    List<Expression<Boolean>> parts = new ArrayList<>();
    for (ColumnPair p : pairs) {
      parts.add(((Expression) p.local()).eq((Expression) p.remote()));
    }
    return parts.size() == 1 ? parts.get(0) : BooleanClauseList.and(parts);
  }

  private static List<OrderByItem> orderBy(Class<?> owner, ScannedField sf, Relationship ann, Tables tables) {
    if (ann == null || ann.orderBy().length == 0) {
      return List.of();
    }
    if (sf.collectionType() == null) {
      throw new MappingError(Kind.BAD_RELATIONSHIP, owner, sf.name(),
          "orderBy is given on a single reference", "remove orderBy; it applies to collections");
    }
    Map<String, ColumnProperty<?, ?>> targetColumns = tables.columnsOf(sf.target());
    List<OrderByItem> out = new ArrayList<>();
    for (String spec : ann.orderBy()) {
      String[] parts = spec.trim().split("\\s+");
      ColumnProperty<?, ?> p = targetColumns.get(parts[0]);
      boolean desc = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
      boolean asc = parts.length == 2 && parts[1].equalsIgnoreCase("asc");
      if (p == null || parts.length > 2 || (parts.length == 2 && !desc && !asc)) {
        throw new MappingError(Kind.BAD_RELATIONSHIP, owner, sf.name(),
            "orderBy \"" + spec + "\" is not a field of " + sf.target().getSimpleName()
                + " optionally followed by asc or desc; its column fields are " + targetColumns.keySet(),
            "write orderBy = {\"fieldName\", \"otherField desc\"}");
      }
      out.add(desc ? p.column().desc() : p.column());
    }
    return out;
  }
}
