package org.jalchemy.orm.internal;

import java.util.List;
import java.util.function.Function;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.RelationshipProperty;

/**
 * Checks that each {@code backPopulates} names a relationship of the target class that leads back,
 * and that the two sides describe the same foreign key.
 */
final class BackPopulates {
  private BackPopulates() {}

  static void check(List<RelationshipProperty<?, ?>> all, Function<Class<?>, List<RelationshipProperty<?, ?>>> byClass) {
    for (RelationshipProperty<?, ?> r : all) {
      String name = r.backPopulatesName();
      if (name == null) {
        continue;
      }
      List<RelationshipProperty<?, ?>> candidates = byClass.apply(r.targetClass());
      RelationshipProperty<?, ?> other = candidates.stream().filter(o -> o.fieldName().equals(name)).findFirst().orElse(null);
      String fix = "set backPopulates to the field of " + r.targetClass().getSimpleName() + " that holds "
          + r.owner().getSimpleName() + " objects; its relationships are "
          + candidates.stream().map(RelationshipProperty::fieldName).toList();
      if (other == null) {
        throw new MappingError(Kind.BACK_POPULATES, r.owner(), r.fieldName(),
            "backPopulates = \"" + name + "\" names no relationship of " + r.targetClass().getName(), fix);
      }
      if (other.targetClass() != r.owner()) {
        throw new MappingError(Kind.BACK_POPULATES, r.owner(), r.fieldName(),
            "backPopulates = \"" + name + "\" names " + r.targetClass().getSimpleName() + "." + name + ", which leads to "
                + other.targetClass().getSimpleName() + ", not back to " + r.owner().getSimpleName(), fix);
      }
    }
    // Only once every name resolves: a wrong name on one side would otherwise be reported as a
    // mismatch on the other, correct, side.
    for (RelationshipProperty<?, ?> r : all) {
      String name = r.backPopulatesName();
      if (name == null) {
        continue;
      }
      RelationshipProperty<?, ?> other =
          byClass.apply(r.targetClass()).stream().filter(o -> o.fieldName().equals(name)).findFirst().orElseThrow();
      if (other.backPopulatesName() != null && !other.backPopulatesName().equals(r.fieldName())) {
        throw new MappingError(Kind.BACK_POPULATES, r.owner(), r.fieldName(),
            "the other side, " + r.targetClass().getSimpleName() + "." + name + ", back-populates '"
                + other.backPopulatesName() + "', not '" + r.fieldName() + "'",
            "make the two fields name each other");
      }
      if (!sameKey(r, other)) {
        throw new MappingError(Kind.BACK_POPULATES, r.owner(), r.fieldName(),
            "it and " + r.targetClass().getSimpleName() + "." + name + " join on different foreign keys",
            "choose the same foreign key on both sides with @Relationship(foreignKeys = …)");
      }
    }
  }

  private static boolean sameKey(RelationshipProperty<?, ?> a, RelationshipProperty<?, ?> b) {
    if (a.direction() == RelationshipProperty.Direction.MANY_TO_MANY) {
      return b.direction() == RelationshipProperty.Direction.MANY_TO_MANY && a.secondary() == b.secondary();
    }
    if (a.pairs().size() != b.pairs().size()) {
      return false;
    }
    for (int i = 0; i < a.pairs().size(); i++) {
      if (a.pairs().get(i).local() != b.pairs().get(i).remote() || a.pairs().get(i).remote() != b.pairs().get(i).local()) {
        return false;
      }
    }
    return true;
  }
}
