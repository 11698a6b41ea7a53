package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.ExecutableOption;

/**
 * How a select loads relationships along a path, overriding each relationship's own
 * {@link Relationship#lazy()} for the objects that query returns. Made with the static factories
 * of {@code Jalchemy} and chained for deeper paths; each link names the strategy of its own
 * relationship.
 *
 * <pre>{@code
 * session.scalars(select(User.class).options(
 *     selectinload(User_.addresses),                          // one extra SELECT … IN for all users
 *     joinedload(User_.orders).selectinload(Order_.items),   // LEFT OUTER JOIN, then SELECT … IN
 *     raiseload(User_.friends)));                             // accessing it raises instead of loading
 * }</pre>
 */
public final class LoaderOption implements ExecutableOption {
  /** One link of the path: the relationship and how it loads ({@code null}: its own default). */
  record Step(RelationshipAttribute<?, ?> attribute, Lazy strategy) {}

  private final List<Step> path;

  private LoaderOption(List<Step> path) {
    this.path = List.copyOf(path);
  }

  /** A one-link option; use the factories of {@code Jalchemy} ({@code selectinload(User_.addresses)}). */
  public static LoaderOption of(RelationshipAttribute<?, ?> attribute, Lazy strategy) {
    Objects.requireNonNull(attribute, "attribute");
    return new LoaderOption(List.of(new Step(attribute, strategy)));
  }

  /** Then loads {@code next} (a relationship of the previous link's target) with one extra SELECT … IN. */
  public LoaderOption selectinload(RelationshipAttribute<?, ?> next) {
    return then(next, Lazy.SELECTIN);
  }

  /** Then loads {@code next} through a LEFT OUTER JOIN in the same SELECT as its parents. */
  public LoaderOption joinedload(RelationshipAttribute<?, ?> next) {
    return then(next, Lazy.JOINED);
  }

  /** Then makes {@code next} raise on access instead of loading. */
  public LoaderOption raiseload(RelationshipAttribute<?, ?> next) {
    return then(next, Lazy.RAISE);
  }

  /** Then loads {@code next} lazily, on first access. */
  public LoaderOption lazyload(RelationshipAttribute<?, ?> next) {
    return then(next, Lazy.SELECT);
  }

  /** Then leaves {@code next} empty, never loading it. */
  public LoaderOption noload(RelationshipAttribute<?, ?> next) {
    return then(next, Lazy.NOLOAD);
  }

  /** Then walks through {@code next} with its own default strategy, to set deeper links. */
  public LoaderOption defaultload(RelationshipAttribute<?, ?> next) {
    return then(next, null);
  }

  private LoaderOption then(RelationshipAttribute<?, ?> next, Lazy strategy) {
    Objects.requireNonNull(next, "next");
    RelationshipAttribute<?, ?> last = path.get(path.size() - 1).attribute();
    if (!next.mappedClass().isAssignableFrom(last.targetClass())) {
      throw new ArgumentError("cannot chain " + next + " after " + last + ": it is a relationship of "
          + next.mappedClass().getSimpleName() + ", but " + last + " leads to " + last.targetClass().getSimpleName()
          + "; chain a relationship of " + last.targetClass().getSimpleName() + " (" + last.targetClass().getSimpleName()
          + "_.…), or start a new option");
    }
    List<Step> longer = new ArrayList<>(path);
    longer.add(new Step(next, strategy));
    return new LoaderOption(longer);
  }

  List<Step> path() {
    return path;
  }

  static String factoryName(Lazy strategy) {
    if (strategy == null) {
      return "defaultload";
    }
    return switch (strategy) {
      case SELECT -> "lazyload";
      case SELECTIN -> "selectinload";
      case JOINED -> "joinedload";
      case RAISE -> "raiseload";
      case NOLOAD -> "noload";
    };
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Step s : path) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(factoryName(s.strategy()))
          .append('(').append(s.attribute().mappedClass().getSimpleName()).append('.').append(s.attribute().fieldName()).append(')');
    }
    return b.toString();
  }
}
