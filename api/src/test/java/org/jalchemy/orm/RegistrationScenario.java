package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jalchemy.orm.model.OrmBase;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.UserKeyword;

/**
 * Run by {@link RegistrationTest} inside a class loader that hides the mapped-class index, as if
 * the model had been compiled without the annotation processor: returns what the base then maps.
 */
public final class RegistrationScenario implements Callable<List<String>> {
  @Override
  public List<String> call() {
    List<String> out = new ArrayList<>();
    DeclarativeBase.register(User.class, UserKeyword.class);
    out.addAll(DeclarativeBase.metadata(OrmBase.class).tables().keySet());
    try {
      DeclarativeBase.register(org.jalchemy.orm.model.Sample.class);
    } catch (MappingError e) {
      out.add("late: " + e.kind());
    }
    try {
      Mapper.of(org.jalchemy.orm.model.OrderLine.class);
    } catch (MappingError e) {
      out.add("unknown: " + e.kind() + " " + e.getMessage().contains("DeclarativeBase.register(OrderLine.class)"));
    }
    return out;
  }
}
