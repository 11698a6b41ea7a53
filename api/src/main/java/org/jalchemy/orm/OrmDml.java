package org.jalchemy.orm;

import java.util.List;
import java.util.Map;
import org.jalchemy.result.CursorResult;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Update;

/** ORM-enabled INSERT, UPDATE and DELETE: bulk by primary key and synchronize-session. (Being built.) */
public final class OrmDml {
  private OrmDml() {}

  public static Insert<Object> insert(Class<?> entity) {
    throw new UnsupportedOperationException("ORM insert(" + entity.getSimpleName() + ".class) is not built yet");
  }

  public static Update<Object> update(Class<?> entity) {
    throw new UnsupportedOperationException("ORM update(" + entity.getSimpleName() + ".class) is not built yet");
  }

  public static Delete<Object> delete(Class<?> entity) {
    throw new UnsupportedOperationException("ORM delete(" + entity.getSimpleName() + ".class) is not built yet");
  }

  /** True when the statement targets a mapped class (so the session handles it, not Core alone). */
  static boolean isOrmEnabled(Executable<?> statement) {
    return false;
  }

  static <T> CursorResult<T> execute(Session session, Executable<T> statement, List<? extends Map<String, ?>> parameterSets) {
    throw new UnsupportedOperationException("not built yet");
  }
}
