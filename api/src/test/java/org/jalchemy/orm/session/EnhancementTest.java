package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.ManagedEntity;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Tablename;
import org.jalchemy.orm.session.model.SesItem;
import org.jalchemy.orm.session.model.SesUser;
import org.junit.jupiter.api.Test;

/** Build-time enhancement: present on the test model, and required by the mapping configuration. */
class EnhancementTest {
  /** A base of its own, so the class without enhancement breaks no other model. */
  public abstract static class PlainBase extends DeclarativeBase {}

  @Test
  void mappedClassesAreEnhancedAndToleratePlainConstruction() {
    assertThat(ManagedEntity.class).isAssignableFrom(SesUser.class).isAssignableFrom(SesItem.class);
    SesItem item = new SesItem("bolt", 3); // constructor writes run the hooks with no state yet
    item.increment();
    assertThat(item.getQuantity()).isEqualTo(4);
    assertThat(inspect(item).state()).isEqualTo(ObjectState.TRANSIENT);
  }

  @Test
  void aMappedClassThatWasNotEnhancedIsRefusedWithThePluginToAdd() {
    // Compiled "without the plugin": made at run time, so the build's enhancement never saw it.
    Class<?> plain = new ByteBuddy()
        .subclass(PlainBase.class)
        .name("org.jalchemy.orm.session.NotEnhanced")
        .annotateType(AnnotationDescription.Builder.ofType(Tablename.class).define("value", "ses_not_enhanced").build())
        .defineField("id", Integer.class, Visibility.PRIVATE)
        .annotateField(AnnotationDescription.Builder.ofType(MappedColumn.class).define("primaryKey", true).build())
        .make()
        .load(PlainBase.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
        .getLoaded();
    assertThatThrownBy(() -> Mapper.of(plain))
        .isInstanceOfSatisfying(MappingError.class, e -> {
          assertThat(e.kind()).isEqualTo(MappingError.Kind.NOT_ENHANCED);
          assertThat(e.mappedClass()).isSameAs(plain);
        })
        .hasMessageContaining("org.jalchemy.orm.session.NotEnhanced")
        .hasMessageContaining("byte-buddy-maven-plugin")
        .hasMessageContaining("org.jalchemy.enhance.EntityEnhancer")
        .hasMessageContaining("jalchemy-enhancer");
  }
}
