package org.jalchemy.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How loading makes new objects: a spun supplier where allowed, the constructor's handle otherwise; both alike. */
class InstanceFactoryTest {
  /** A class with a private constructor, as entities often have (the ORM needs only "of any visibility"). */
  static final class Hidden {
    static int made;

    private Hidden() {
      made++;
    }
  }

  /** A class whose constructor throws a checked exception. */
  static final class Failing {
    Failing() throws IOException {
      throw new IOException("disk gone");
    }
  }

  private static MethodHandle handle(Class<?> cls) throws ReflectiveOperationException {
    return MethodHandles.privateLookupIn(cls, MethodHandles.lookup())
        .findConstructor(cls, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
  }

  @Test
  void bothWaysRunThePrivateConstructorForEachObject() throws Exception {
    Supplier<Object> spun = InstanceFactory.spun(Hidden.class);
    Supplier<Object> viaHandle = InstanceFactory.viaHandle(Hidden.class, handle(Hidden.class));
    assertThat(spun).as("spinning is allowed on the class path").isNotNull();

    int before = Hidden.made;
    Object a = spun.get();
    Object b = spun.get();
    Object c = viaHandle.get();

    assertThat(a).isInstanceOf(Hidden.class).isNotSameAs(b);
    assertThat(c).isInstanceOf(Hidden.class);
    assertThat(Hidden.made - before).isEqualTo(3);
    assertThat(InstanceFactory.of(Hidden.class, handle(Hidden.class)).getClass().getNestHost())
        .as("of() spins where it can: a class in the entity's nest").isSameAs(Hidden.class.getNestHost());
    assertThat(viaHandle.getClass().getNestHost()).isSameAs(InstanceFactory.class);
  }

  @Test
  void aCheckedExceptionFromTheConstructorComesThroughTheHandleWrappedWithTheClassName() throws Exception {
    assertThatThrownBy(() -> InstanceFactory.viaHandle(Failing.class, handle(Failing.class)).get())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(Failing.class.getName())
        .hasRootCauseInstanceOf(IOException.class);
    // the spun supplier throws it as it is; Mapper.newInstance wraps it the same way
    assertThatThrownBy(() -> InstanceFactory.spun(Failing.class).get()).isInstanceOf(IOException.class);
  }
}
