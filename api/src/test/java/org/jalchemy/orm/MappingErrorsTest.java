package org.jalchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * Each mapping mistake fails when the base is configured, naming the class, the field and the fix.
 * Every broken class has a base of its own, so it breaks only that base.
 */
class MappingErrorsTest {

  private static MappingError configure(Class<? extends DeclarativeBase> base, Kind kind, Class<?> cls, String field,
      String... messageParts) {
    ThrowingCallable call = () -> DeclarativeBase.metadata(base);
    var thrown = assertThatThrownBy(call).isInstanceOf(MappingError.class);
    thrown.hasMessageContaining(cls.getName()).hasMessageContaining("Fix: ").hasMessageContaining(kind.code());
    if (field != null) {
      thrown.hasMessageContaining("field '" + field + "'");
    }
    for (String p : messageParts) {
      thrown.hasMessageContaining(p);
    }
    MappingError e = catchMappingError(call);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.mappedClass()).isEqualTo(cls);
    assertThat(e.field()).isEqualTo(field);
    return e;
  }

  private static MappingError catchMappingError(ThrowingCallable call) {
    try {
      call.call();
    } catch (MappingError e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    throw new AssertionError("no MappingError");
  }

  // ---- no primary key ----------------------------------------------------------------------
  abstract static class NoPkBase extends DeclarativeBase {}

  @Tablename("orm_err_nopk")
  static class NoPrimaryKey extends NoPkBase {
    Integer id;
    String name;
  }

  @Test
  void noPrimaryKey() {
    configure(NoPkBase.class, Kind.NO_PRIMARY_KEY, NoPrimaryKey.class, null,
        "no field is part of the primary key", "@MappedColumn(primaryKey = true)");
    // All or nothing: the base stays unconfigured and says so again.
    configure(NoPkBase.class, Kind.NO_PRIMARY_KEY, NoPrimaryKey.class, null);
  }

  // ---- back-populates to a missing field ---------------------------------------------------
  abstract static class BackBase extends DeclarativeBase {}

  @Tablename("orm_err_back_parent")
  static class BackParent extends BackBase {
    @MappedColumn(primaryKey = true) Integer id;
    @Relationship(backPopulates = "owner") List<BackChild> children;
  }

  @Tablename("orm_err_back_child")
  static class BackChild extends BackBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(foreignKey = "orm_err_back_parent.id") Integer parentId;
    @Relationship(backPopulates = "children") BackParent parent;
  }

  @Test
  void unknownBackPopulatesTarget() {
    configure(BackBase.class, Kind.BACK_POPULATES, BackParent.class, "children",
        "backPopulates = \"owner\" names no relationship of " + BackChild.class.getName(), "its relationships are [parent]");
  }

  // ---- foreign key to a missing table / column ---------------------------------------------
  abstract static class FkTableBase extends DeclarativeBase {}

  @Tablename("orm_err_fk_table")
  static class FkToMissingTable extends FkTableBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(foreignKey = "orm_nowhere.id") Integer ownerId;
  }

  @Test
  void foreignKeyToMissingTable() {
    configure(FkTableBase.class, Kind.FOREIGN_KEY_TARGET, FkToMissingTable.class, "ownerId",
        "orm_nowhere", "name an existing \"table.column\"");
  }

  abstract static class FkColumnBase extends DeclarativeBase {}

  @Tablename("orm_err_fk_target")
  static class FkTarget extends FkColumnBase {
    @MappedColumn(primaryKey = true) Integer id;
  }

  @Tablename("orm_err_fk_column")
  static class FkToMissingColumn extends FkColumnBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(foreignKey = "orm_err_fk_target.ident") Integer targetId;
  }

  @Test
  void foreignKeyToMissingColumn() {
    configure(FkColumnBase.class, Kind.FOREIGN_KEY_TARGET, FkToMissingColumn.class, "targetId",
        "'ident'", "[id]");
  }

  // ---- relationship without a foreign key path --------------------------------------------
  abstract static class NoPathBase extends DeclarativeBase {}

  @Tablename("orm_err_nopath_a")
  static class NoPathA extends NoPathBase {
    @MappedColumn(primaryKey = true) Integer id;
    List<NoPathB> bs;
  }

  @Tablename("orm_err_nopath_b")
  static class NoPathB extends NoPathBase {
    @MappedColumn(primaryKey = true) Integer id;
    Integer aId;
  }

  @Test
  void relationshipWithoutForeignKey() {
    configure(NoPathBase.class, Kind.NO_FOREIGN_KEY_PATH, NoPathA.class, "bs",
        "no foreign key links table orm_err_nopath_a and table orm_err_nopath_b",
        "@MappedColumn(foreignKey = \"orm_err_nopath_a.id\")");
  }

  // ---- two foreign key paths: ambiguous, and resolved by foreignKeys ----------------------
  abstract static class TwoPathBase extends DeclarativeBase {}

  @Tablename("orm_err_two_customer")
  static class Customer extends TwoPathBase {
    @MappedColumn(primaryKey = true) Integer id;
    List<Invoice> invoices;
  }

  @Tablename("orm_err_two_invoice")
  static class Invoice extends TwoPathBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(foreignKey = "orm_err_two_customer.id") Integer billingId;
    @MappedColumn(foreignKey = "orm_err_two_customer.id") Integer shippingId;
  }

  @Test
  void twoForeignKeysAreAmbiguous() {
    configure(TwoPathBase.class, Kind.AMBIGUOUS_FOREIGN_KEYS, Customer.class, "invoices",
        "2 foreign keys link", "@Relationship(foreignKeys = \"orm_err_two_invoice.<column>\")");
  }

  abstract static class ChosenPathBase extends DeclarativeBase {}

  @Tablename("orm_err_chosen_customer")
  static class ChosenCustomer extends ChosenPathBase {
    @MappedColumn(primaryKey = true) Integer id;
    @Relationship(foreignKeys = "orm_err_chosen_invoice.shipping_id") List<ChosenInvoice> shipped;
  }

  @Tablename("orm_err_chosen_invoice")
  static class ChosenInvoice extends ChosenPathBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(foreignKey = "orm_err_chosen_customer.id") Integer billingId;
    @MappedColumn(foreignKey = "orm_err_chosen_customer.id") Integer shippingId;
  }

  @Test
  void foreignKeysChoosesBetweenTwoPaths() {
    RelationshipProperty<ChosenCustomer, ?> r = Mapper.of(ChosenCustomer.class).relationship("shipped");
    assertThat(r.pairs()).singleElement().satisfies(p -> assertThat(p.remote().name()).isEqualTo("shipping_id"));
  }

  // ---- unsupported field type ---------------------------------------------------------------
  abstract static class TypeBase extends DeclarativeBase {}

  @Tablename("orm_err_type")
  static class UnsupportedType extends TypeBase {
    @MappedColumn(primaryKey = true) Integer id;
    Map<String, String> attributes;
  }

  @Test
  void unsupportedFieldType() {
    configure(TypeBase.class, Kind.UNSUPPORTED_TYPE, UnsupportedType.class, "attributes",
        "no column type for Java type java.util.Map<java.lang.String, java.lang.String>", "mark the field transient");
  }

  abstract static class ListTypeBase extends DeclarativeBase {}

  @Tablename("orm_err_list_type")
  static class ListOfStrings extends ListTypeBase {
    @MappedColumn(primaryKey = true) Integer id;
    List<String> tags;
  }

  @Test
  void collectionOfUnmappedClass() {
    configure(ListTypeBase.class, Kind.UNSUPPORTED_TYPE, ListOfStrings.class, "tags",
        "java.util.List<java.lang.String>", "class annotated @Tablename");
  }

  // ---- final class, final field, constructor -----------------------------------------------
  abstract static class FinalBase extends DeclarativeBase {}

  @Tablename("orm_err_final")
  static final class FinalClass extends FinalBase {
    @MappedColumn(primaryKey = true) Integer id;
  }

  @Test
  void finalClass() {
    configure(FinalBase.class, Kind.FINAL_CLASS, FinalClass.class, null,
        "loading and change tracking need to subclass or enhance mapped classes", "remove 'final'");
  }

  abstract static class FinalFieldBase extends DeclarativeBase {}

  @Tablename("orm_err_final_field")
  static class FinalField extends FinalFieldBase {
    @MappedColumn(primaryKey = true) Integer id;
    final String code = "x";
  }

  @Test
  void finalField() {
    configure(FinalFieldBase.class, Kind.FINAL_FIELD, FinalField.class, "code", "remove 'final'");
  }

  abstract static class CtorBase extends DeclarativeBase {}

  @Tablename("orm_err_ctor")
  static class NoDefaultConstructor extends CtorBase {
    @MappedColumn(primaryKey = true) Integer id;

    NoDefaultConstructor(Integer id) {
      this.id = id;
    }
  }

  @Test
  void missingNoArgumentConstructor() {
    configure(CtorBase.class, Kind.NO_DEFAULT_CONSTRUCTOR, NoDefaultConstructor.class, null,
        "no no-argument constructor", "'protected NoDefaultConstructor() {}'");
  }

  // ---- column options -----------------------------------------------------------------------
  abstract static class OptionBase extends DeclarativeBase {}

  @Tablename("orm_err_option")
  static class LengthOnInteger extends OptionBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(length = 10) Integer amount;
  }

  @Test
  void lengthOnANumber() {
    configure(OptionBase.class, Kind.BAD_COLUMN_OPTION, LengthOnInteger.class, "amount",
        "length = 10 applies to String and byte[] columns", "remove the length option");
  }

  abstract static class DefaultBase extends DeclarativeBase {}

  @Tablename("orm_err_default")
  static class BadDefault extends DefaultBase {
    @MappedColumn(primaryKey = true) Integer id;
    @MappedColumn(defaultValue = "lots") Integer amount;
  }

  @Test
  void defaultValueOfWrongType() {
    configure(DefaultBase.class, Kind.BAD_COLUMN_OPTION, BadDefault.class, "amount",
        "defaultValue \"lots\" is not a Integer");
  }

  // ---- duplicate table, misuse of the API ---------------------------------------------------
  abstract static class DupBase extends DeclarativeBase {}

  @Tablename("orm_err_dup")
  static class DupOne extends DupBase {
    @MappedColumn(primaryKey = true) Integer id;
  }

  @Tablename("orm_err_dup")
  static class DupTwo extends DupBase {
    @MappedColumn(primaryKey = true) Integer id;
  }

  @Test
  void twoClassesOneTable() {
    MappingError e = catchMappingError(() -> DeclarativeBase.metadata(DupBase.class));
    assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_NAME);
    assertThat(e).hasMessageContaining("table 'orm_err_dup' is already mapped by").hasMessageContaining("own @Tablename");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void metadataOfAClassThatIsNotABase() {
    assertThatThrownBy(() -> DeclarativeBase.metadata((Class) User.class))
        .isInstanceOf(MappingError.class)
        .hasMessageContaining(User.class.getName())
        .hasMessageContaining("DeclarativeBase.metadata(Base.class)");
  }

  abstract static class LateBase extends DeclarativeBase {}

  @Tablename("orm_err_late_one")
  static class LateOne extends LateBase {
    @MappedColumn(primaryKey = true) Integer id;
  }

  @Test
  void registeringAfterConfigurationIsRefused() {
    DeclarativeBase.metadata(LateBase.class);
    assertThatThrownBy(() -> DeclarativeBase.register(LateUnindexed.class))
        .isInstanceOf(MappingError.class)
        .hasMessageContaining("already configured")
        .hasMessageContaining("before the first DeclarativeBase.metadata(LateBase.class)");
    // Registering what is already mapped is harmless.
    DeclarativeBase.register(LateOne.class);
  }

  /** Extends LateBase but is not mapped (no @Tablename), so the index never lists it. */
  static class LateUnindexed extends LateBase {}

  @Test
  void relationshipToClassOfAnotherBase() {
    configure(CrossBase.class, Kind.BAD_RELATIONSHIP, Crossing.class, "user",
        "which is not mapped on base", "extend CrossBase");
  }

  abstract static class CrossBase extends DeclarativeBase {}

  @Tablename("orm_err_cross")
  static class Crossing extends CrossBase {
    @MappedColumn(primaryKey = true) Integer id;
    User user;
  }
}
