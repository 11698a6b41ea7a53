package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.DdlCompiler;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.types.TypeKind;

/** MySQL/MariaDB: AUTO_INCREMENT keys, native ENUM (no CHECK needed), DROP INDEX … ON table. */
public class MySQLDdlCompiler extends DdlCompiler {
  public MySQLDdlCompiler(Dialect dialect) {
    super(dialect);
  }

  @Override
  protected String autoincrementClause(Column<?> c) {
    return "AUTO_INCREMENT";
  }

  /**
   * Timestamps are DATETIME(6), and MySQL refuses {@code DEFAULT CURRENT_TIMESTAMP} (precision 0)
   * on them; the same default at precision 6 means what the application asked for.
   */
  @Override
  protected String serverDefault(Column<?> c) {
    String sql = c.serverDefault();
    boolean timestamp = c.type().kind() == TypeKind.DATETIME || c.type().kind() == TypeKind.DATETIME_TZ;
    String bare = sql.trim().toUpperCase(java.util.Locale.ROOT);
    if (timestamp && (bare.equals("CURRENT_TIMESTAMP") || bare.equals("CURRENT_TIMESTAMP()") || bare.equals("NOW()"))) {
      return "CURRENT_TIMESTAMP(6)";
    }
    return sql;
  }

  @Override
  protected String enumCheck(Column<?> c) {
    return null;
  }

  /**
   * MySQL names an unnamed foreign key {@code <table>_ibfk_<n>} and refuses the table when that
   * passes 64 characters; such keys get jalchemy's generated (shortened) name instead.
   */
  @Override
  protected String foreignKeyClause(ForeignKeyConstraint fk) {
    boolean autoNameTooLong = fk.name() == null && fk.table().name().length() + "_ibfk_99".length() > 64;
    return super.foreignKeyClause(autoNameTooLong ? withName(fk) : fk);
  }

  /** MySQL spells it DROP FOREIGN KEY; only MariaDB knows IF EXISTS there. */
  @Override
  public String dropForeignKey(ForeignKeyConstraint fk) {
    boolean mariadb = !(dialect instanceof MySQLDialect m) || m.isMariaDb();
    return "ALTER TABLE " + tableName(fk.table()) + " DROP FOREIGN KEY " + (mariadb ? "IF EXISTS " : "")
        + quote(withName(fk).name());
  }

  @Override
  public String dropIndex(Index index) {
    return "DROP INDEX " + quote(index.name()) + " ON " + tableName(index.table());
  }
}
