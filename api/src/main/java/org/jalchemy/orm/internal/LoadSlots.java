package org.jalchemy.orm.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.jalchemy.orm.ManagedEntity;

/**
 * The field names of an enhanced class in the slot order of its generated {@code $$jal$load} and {@code $$jal$peek},
 * read once per class from its generated {@code static String[] $$jal$loadOrder()}; empty for a
 * class without one (not enhanced, a mixin, or enhanced by an older enhancer).
 *
 * <pre>{@code
 * int slot = LoadSlots.of(User.class).indexOf("name");   // -1 when there is no generated loader
 * }</pre>
 */
final class LoadSlots {
  private LoadSlots() {}

  private static final ClassValue<List<String>> ORDER = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      if (!ManagedEntity.class.isAssignableFrom(type)) {
        return List.of();
      }
      try {
        type.getDeclaredMethod("$$jal$peek", int.class); // generated with the loader; absent means an older enhancer
        Method m = type.getDeclaredMethod("$$jal$loadOrder");
        if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != String[].class) {
          return List.of();
        }
        m.setAccessible(true);
        return List.copyOf(Arrays.asList((String[]) m.invoke(null)));
      } catch (NoSuchMethodException notGenerated) {
        return List.of();
      } catch (ReflectiveOperationException | RuntimeException e) {
        return List.of(); // unreachable in a named module without opens: the method-handle path still works
      }
    }
  };

  /** The names in slot order (empty when the class has no generated loader). */
  static List<String> of(Class<?> type) {
    return ORDER.get(type);
  }
}
