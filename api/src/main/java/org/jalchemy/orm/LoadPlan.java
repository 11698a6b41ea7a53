package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jalchemy.exc.ArgumentError;

/**
 * How one query loads the relationships of the objects of one mapped class, and below them: the
 * links a loader option names, plus the relationships whose own {@code lazy} is eager
 * (SELECTIN, JOINED). Eager defaults stop where a path would come back over the same relationship
 * (or its other side), so mutually eager relationships do not loop.
 */
final class LoadPlan {
  /** A relationship with its strategy for this query and the plan for the objects it loads. */
  record Link(RelationshipProperty<Object, ?> relationship, Lazy strategy, boolean explicit, LoadPlan child) {}

  private static final Map<Mapper<?>, LoadPlan> DEFAULTS = new ConcurrentHashMap<>();

  final Mapper<?> mapper;
  final Map<RelationshipProperty<Object, ?>, Link> links = new LinkedHashMap<>();

  private LoadPlan(Mapper<?> mapper) {
    this.mapper = mapper;
  }

  /** The plan without options: the relationships' own strategies (cached per mapper). */
  static LoadPlan defaults(Mapper<?> mapper) {
    LoadPlan p = DEFAULTS.get(mapper);
    if (p == null) {
      p = new LoadPlan(mapper);
      p.fillDefaults(List.of());
      DEFAULTS.putIfAbsent(mapper, p);
    }
    return p;
  }

  /** The plan of one selected class: the options whose path starts at it, then the defaults. */
  static LoadPlan of(Mapper<?> mapper, List<LoaderOption> options, Set<LoaderOption> used) {
    List<LoaderOption> mine = new ArrayList<>();
    for (LoaderOption o : options) {
      if (o.path().get(0).attribute().mappedClass().isAssignableFrom(mapper.mappedClass())) {
        mine.add(o);
        used.add(o);
      }
    }
    if (mine.isEmpty()) {
      return defaults(mapper);
    }
    LoadPlan p = new LoadPlan(mapper);
    for (LoaderOption o : mine) {
      p.apply(o.path(), 0);
    }
    p.fillDefaults(List.of());
    return p;
  }

  /** Whether a link of this level is joined eagerly (a JOIN in the query itself; levels below a selectin run their own). */
  boolean joinsAny() {
    for (Link l : links.values()) {
      if (l.strategy() == Lazy.JOINED) {
        return true;
      }
    }
    return false;
  }

  /** True when loading needs nothing beyond the rows themselves. */
  boolean isEmpty() {
    return links.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private void apply(List<LoaderOption.Step> path, int index) {
    LoaderOption.Step step = path.get(index);
    RelationshipProperty<Object, ?> r = (RelationshipProperty<Object, ?>) (RelationshipProperty<?, ?>) step.attribute().property();
    Link link = links.get(r);
    LoadPlan child = link != null ? link.child() : new LoadPlan(r.target());
    Lazy strategy = step.strategy() != null ? step.strategy() : (link != null ? link.strategy() : r.lazy());
    boolean explicit = step.strategy() != null || (link != null && link.explicit());
    links.put(r, new Link(r, strategy, explicit, child));
    if (index + 1 < path.size()) {
      if (strategy == Lazy.RAISE || strategy == Lazy.NOLOAD) {
        throw new ArgumentError("the loader option " + path + " goes on below " + step.attribute() + ", which it sets to "
            + LoaderOption.factoryName(strategy) + " so nothing below it is loaded; end the option there");
      }
      child.apply(path, index + 1);
    }
  }

  private void fillDefaults(List<RelationshipProperty<?, ?>> walked) {
    for (RelationshipProperty<?, ?> rel : mapper.relationships()) {
      @SuppressWarnings("unchecked")
      RelationshipProperty<Object, ?> r = (RelationshipProperty<Object, ?>) rel;
      Link link = links.get(r);
      boolean eager = r.lazy() == Lazy.SELECTIN || r.lazy() == Lazy.JOINED;
      if (link == null && (!eager || comesBack(walked, r))) {
        continue;
      }
      if (link == null) {
        link = new Link(r, r.lazy(), false, new LoadPlan(r.target()));
        links.put(r, link);
      }
      if (link.strategy() == Lazy.SELECTIN || link.strategy() == Lazy.JOINED) {
        List<RelationshipProperty<?, ?>> deeper = new ArrayList<>(walked);
        deeper.add(r);
        link.child().fillDefaults(deeper);
      }
    }
  }

  private static boolean comesBack(List<RelationshipProperty<?, ?>> walked, RelationshipProperty<?, ?> r) {
    for (RelationshipProperty<?, ?> w : walked) {
      if (w == r || w.backPopulates() == r || r.backPopulates() == w) {
        return true;
      }
    }
    return false;
  }
}
