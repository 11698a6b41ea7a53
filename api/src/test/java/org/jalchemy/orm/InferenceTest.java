package org.jalchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jalchemy.orm.RelationshipProperty.Direction;
import org.jalchemy.orm.internal.Names;
import org.jalchemy.orm.model.Address;
import org.jalchemy.orm.model.Keyword;
import org.jalchemy.orm.model.OrderLine;
import org.jalchemy.orm.model.OrmBase;
import org.jalchemy.orm.model.Sample;
import org.jalchemy.orm.model.Status;
import org.jalchemy.orm.model.TreeNode;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.UserKeyword;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.Table;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.TypeKind;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.Test;

/** What the mapper infers from fields: names, types, nullability, keys, options, relationships. */
class InferenceTest {
  private static Column<?> col(Class<?> cls, String column) {
    return (Column<?>) Mapper.of(cls).table().c(column);
  }

  @Test
  void namesAreSnakeCaseUnlessGiven() {
    assertThat(Mapper.of(Address.class).table().columns()).extracting(Column::name)
        .containsExactly("id", "email_address", "user_id");
    assertThat(Mapper.of(Sample.class).columnProperty("label").column().name()).isEqualTo("label_text");
    assertThat(Mapper.of(Sample.class).columnProperty("httpURLValue").column().name()).isEqualTo("http_url_value");
    assertThat(Names.snakeCase("emailAddress")).isEqualTo("email_address");
    assertThat(Names.snakeCase("userID")).isEqualTo("user_id");
    assertThat(Names.snakeCase("HTTPCode")).isEqualTo("http_code");
    assertThat(Names.snakeCase("line2Text")).isEqualTo("line2_text");
    assertThat(Names.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void typesFollowJavaTypes() {
    assertThat(col(Sample.class, "id").type()).isEqualTo(Types.BIG_INTEGER);
    assertThat(col(Sample.class, "count").type()).isEqualTo(Types.INTEGER);
    assertThat(col(Sample.class, "total").type()).isEqualTo(Types.BIG_INTEGER);
    assertThat(col(Sample.class, "small").type()).isEqualTo(Types.SMALL_INTEGER);
    assertThat(col(Sample.class, "active").type()).isEqualTo(Types.BOOLEAN);
    assertThat(col(Sample.class, "flag").type()).isEqualTo(Types.BOOLEAN);
    assertThat(col(Sample.class, "price").type()).isEqualTo(Types.numeric(10, 2));
    assertThat(col(Sample.class, "ratio").type()).isEqualTo(Types.DOUBLE);
    assertThat(col(Sample.class, "weight").type()).isEqualTo(Types.FLOAT);
    assertThat(col(Sample.class, "day").type()).isEqualTo(Types.DATE);
    assertThat(col(Sample.class, "clock").type()).isEqualTo(Types.TIME);
    assertThat(col(Sample.class, "local_stamp").type()).isEqualTo(Types.DATETIME);
    assertThat(col(Sample.class, "zoned_stamp").type()).isEqualTo(Types.DATETIME_TZ);
    assertThat(col(Sample.class, "created_at").type().kind()).isEqualTo(TypeKind.DATETIME_TZ);
    assertThat(col(Sample.class, "created_at").type().javaType()).isEqualTo(Instant.class);
    assertThat(col(Sample.class, "token").type()).isEqualTo(Types.UUID);
    assertThat(col(Sample.class, "payload").type()).isEqualTo(Types.LARGE_BINARY);
    assertThat(col(Sample.class, "status").type()).isInstanceOf(EnumType.class);
    assertThat(((EnumType<?>) col(Sample.class, "status").type()).names()).containsExactly("NEW", "ACTIVE", "RETIRED");
    assertThat(col(Sample.class, "body").type()).isEqualTo(Types.TEXT);
    assertThat(col(User.class, "name").type()).isEqualTo(Types.string(30));
    assertThat(col(User.class, "fullname").type()).isEqualTo(Types.STRING);
  }

  @Test
  void nullabilityFollowsPrimitivesNonnullAndOptions() {
    assertThat(col(User.class, "id").isNullable()).isFalse();          // primary key
    assertThat(col(User.class, "name").isNullable()).isFalse();        // @Nonnull
    assertThat(col(User.class, "fullname").isNullable()).isTrue();     // a plain reference type
    assertThat(col(Sample.class, "count").isNullable()).isFalse();     // int
    assertThat(col(Sample.class, "active").isNullable()).isFalse();    // boolean
    assertThat(col(Sample.class, "flag").isNullable()).isTrue();       // Boolean
    assertThat(col(Sample.class, "status").isNullable()).isFalse();    // nullable = false
    assertThat(col(Sample.class, "label_text").isNullable()).isFalse();
  }

  @Test
  void keysConstraintsAndDefaults() {
    assertThat(col(User.class, "id").isAutoincrement()).isTrue();
    assertThat(col(User.class, "name").isUnique()).isTrue();
    assertThat(col(Address.class, "user_id").isIndexed()).isTrue();
    ForeignKey fk = col(Address.class, "user_id").foreignKeys().get(0);
    assertThat(fk.column()).isSameAs(col(User.class, "id"));
    assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
    assertThat(col(Sample.class, "label_text").serverDefault()).isEqualTo("'none'");
    assertThat(col(Sample.class, "status").defaultValue().get()).isEqualTo(Status.NEW);
    Object first = col(Sample.class, "token").defaultValue().get();
    assertThat(first).isNotNull().isNotEqualTo(col(Sample.class, "token").defaultValue().get());
    assertThat(Mapper.of(Sample.class).version().fieldName()).isEqualTo("version");
    assertThat(Mapper.of(User.class).version()).isNull();
  }

  @Test
  void compositePrimaryKey() {
    Mapper<OrderLine> m = Mapper.of(OrderLine.class);
    assertThat(m.primaryKey()).extracting(ColumnProperty::fieldName).containsExactly("orderId", "lineNo");
    assertThat(m.table().primaryKeyColumns()).allSatisfy(c -> assertThat(c.isAutoincrement()).isFalse());
    assertThat(Mapper.of(UserKeyword.class).primaryKey()).hasSize(2);
  }

  @Test
  void transientStaticAndMixinFields() {
    assertThat(Mapper.of(Sample.class).columnProperties()).extracting(ColumnProperty::fieldName)
        .startsWith("createdAt")          // the unmapped superclass's fields come first
        .doesNotContain("scratch", "made");
  }

  @Test
  void relationshipsResolveToForeignKeys() {
    Mapper<User> user = Mapper.of(User.class);
    RelationshipProperty<User, ?> addresses = user.relationship("addresses");
    assertThat(addresses.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(addresses.isCollection()).isTrue();
    assertThat(addresses.collectionType()).isEqualTo(List.class);
    assertThat(addresses.targetClass()).isEqualTo(Address.class);
    assertThat(addresses.pairs()).singleElement().satisfies(p -> {
      assertThat(p.local()).isSameAs(col(User.class, "id"));
      assertThat(p.remote()).isSameAs(col(Address.class, "user_id"));
    });
    assertThat(addresses.backPopulates().fieldName()).isEqualTo("user");
    assertThat(addresses.cascades(Cascade.DELETE)).isTrue();
    assertThat(addresses.cascades(Cascade.DELETE_ORPHAN)).isTrue();
    assertThat(addresses.orderBy()).hasSize(1);
    assertThat(addresses.lazy()).isEqualTo(Lazy.SELECT);

    RelationshipProperty<Address, ?> back = Mapper.of(Address.class).relationship("user");
    assertThat(back.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(back.isCollection()).isFalse();
    assertThat(back.cascade()).containsExactlyInAnyOrder(Cascade.SAVE_UPDATE, Cascade.MERGE);

    RelationshipProperty<User, ?> keywords = user.relationship("keywords");
    assertThat(keywords.direction()).isEqualTo(Direction.MANY_TO_MANY);
    assertThat(keywords.secondary()).isSameAs(Mapper.of(UserKeyword.class).table());
    assertThat(keywords.targetClass()).isEqualTo(Keyword.class);
    assertThat(keywords.secondaryPairs()).singleElement()
        .satisfies(p -> assertThat(p.remote().name()).isEqualTo("keyword_id"));

    Mapper<TreeNode> node = Mapper.of(TreeNode.class);
    assertThat(node.relationship("children").direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(node.relationship("parent").direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(node.relationship("parent").pairs().get(0).local().name()).isEqualTo("parent_id");
  }

  @Test
  void mapperAccessesFieldsWithoutReflectionPerCall() {
    Mapper<User> m = Mapper.of(User.class);
    User u = m.newInstance();
    @SuppressWarnings("unchecked")
    ColumnProperty<User, String> name = (ColumnProperty<User, String>) m.columnProperty("name");
    name.set(u, "sandy");
    assertThat(u.getName()).isEqualTo("sandy");
    assertThat(name.get(u)).isEqualTo("sandy");
    @SuppressWarnings("unchecked")
    ColumnProperty<Sample, Integer> count = (ColumnProperty<Sample, Integer>) Mapper.of(Sample.class).columnProperty("count");
    Sample s = Mapper.of(Sample.class).newInstance();
    count.set(s, 7);
    assertThat(count.get(s)).isEqualTo(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> count.set(s, null))
        .hasMessageContaining("Sample.count").hasMessageContaining("Integer");
  }

  @Test
  void oneMetaDataPerBase() {
    Table users = Mapper.of(User.class).table();
    assertThat(DeclarativeBase.metadata(OrmBase.class)).isSameAs(users.metadata());
    assertThat(DeclarativeBase.metadata(OrmBase.class).tables()).containsKeys(
        "orm_user_account", "orm_address", "orm_keyword", "orm_user_keyword", "orm_sample", "orm_order_line", "orm_node");
    assertThat(Mapper.of(User.class).base()).isEqualTo(OrmBase.class);
  }
}
