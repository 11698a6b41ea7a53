package org.jalchemy.examples.core.tables;

import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.types.Types;

/**
 * The tables of the tutorial, declared once as SQLAlchemy's {@code user_table} and
 * {@code address_table}. Imports nothing from the database layer.
 */
public final class Tables {
  private Tables() {}

  public static final MetaData METADATA = new MetaData();

  public static final Table USER_ACCOUNT = METADATA.table("user_account");
  public static final Column<Integer> USER_ID = USER_ACCOUNT.column("id", Types.INTEGER).primaryKey();
  public static final Column<String> USER_NAME = USER_ACCOUNT.column("name", Types.string(30));
  public static final Column<String> USER_FULLNAME = USER_ACCOUNT.column("fullname", Types.STRING);

  public static final Table ADDRESS = METADATA.table("address");
  public static final Column<Integer> ADDRESS_ID = ADDRESS.column("id", Types.INTEGER).primaryKey();
  public static final Column<Integer> ADDRESS_USER_ID =
      ADDRESS.column("user_id", Types.INTEGER).notNull().references("user_account.id");
  public static final Column<String> ADDRESS_EMAIL = ADDRESS.column("email_address", Types.STRING).notNull();
}
