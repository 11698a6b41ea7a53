package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.select;

import java.sql.SQLException;
import java.util.List;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.ColumnProperty;
import org.jalchemy.orm.ManagedEntity;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.session.model.SesItem;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loading rows into objects: the enhancer's generated {@code $$jal$load} stores each loaded value
 * (one monomorphic call instead of a method handle per field), and what it cannot store falls
 * back to the method-handle path with its clear errors.
 */
class HydrationTest {

  @Test
  void theGeneratedLoaderAndPeekUseTheSlotsOfTheLoadOrderAndTheLoaderRefusesWhatItCannotStore() throws Exception {
    List<String> order = List.of((String[]) SesItem.class.getMethod("$$jal$loadOrder").invoke(null));
    assertThat(order).containsExactly("id", "label", "quantity", "version");
    SesItem item = new SesItem("bolt", 3);
    ManagedEntity loader = (ManagedEntity) (Object) item; // the interface is added by the build-time enhancer

    assertThat(loader.$$jal$load(order.indexOf("quantity"), 7)).isTrue();
    assertThat(loader.$$jal$load(order.indexOf("label"), "nut")).isTrue();
    assertThat(loader.$$jal$load(order.indexOf("id"), 41)).isTrue();
    assertThat(item.getQuantity()).isEqualTo(7);
    assertThat(item.getLabel()).isEqualTo("nut");
    assertThat(item.getId()).isEqualTo(41);
    // and $$jal$peek reads them back by the same slots (a primitive boxed), as the flush does
    assertThat(loader.$$jal$peek(order.indexOf("quantity"))).isEqualTo(7);
    assertThat(loader.$$jal$peek(order.indexOf("label"))).isEqualTo("nut");
    assertThat(loader.$$jal$peek(order.size())).isNull();

    // null for a primitive and slots it does not have: false, so the ORM takes its slower path
    assertThat(loader.$$jal$load(order.indexOf("quantity"), null)).isFalse();
    assertThat(loader.$$jal$load(order.size(), "x")).isFalse();
    assertThat(loader.$$jal$load(-1, "x")).isFalse();
    assertThat(item.getQuantity()).isEqualTo(7);
    assertThatThrownBy(() -> loader.$$jal$load(order.indexOf("quantity"), "seven"))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void whatTheGeneratedLoaderRefusesFallsBackToTheMethodHandleWithItsClearErrors() {
    ColumnProperty quantity = Mapper.of(SesItem.class).columnProperty("quantity");
    SesItem item = new SesItem("bolt", 3);
    quantity.load(item, 9);
    assertThat(item.getQuantity()).isEqualTo(9);
    assertThatThrownBy(() -> quantity.load(item, null))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("SesItem.quantity")
        .hasMessageContaining("Integer");
    assertThatThrownBy(() -> quantity.load(item, "seven"))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("SesItem.quantity")
        .hasMessageContaining("java.lang.String");
    assertThat(item.getQuantity()).isEqualTo(9);
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void loadedObjectsCarryEveryColumn(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session session = db.sessions.open()) {
        session.add(new SesItem("bolt", 3));
        session.add(new SesItem("nut", 5));
        session.commit();
      }
      try (Session session = db.sessions.open()) {
        List<SesItem> items = session.scalars(select(SesItem.class).orderBy(
            Mapper.of(SesItem.class).table().c("label"))).all();
        assertThat(items).extracting(SesItem::getLabel, SesItem::getQuantity, SesItem::getVersion)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("bolt", 3, 1), org.assertj.core.groups.Tuple.tuple("nut", 5, 1));
        assertThat(items).extracting(SesItem::getId).doesNotContainNull().doesNotHaveDuplicates();
      }
    }
  }
}
