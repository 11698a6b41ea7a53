package org.jalchemy.orm.session.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/**
 * A class of 67 columns, past the 64 that the unit of work tells rows' column sets apart by a bit
 * mask: its rows compare their column lists instead.
 */
@Tablename("ses_wide")
public class SesWide extends SesWideBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  /** Filled by the database when the object leaves it null. */
  @MappedColumn(serverDefault = "7")
  private Integer stamp;

  private Integer c00;
  private Integer c01;
  private Integer c02;
  private Integer c03;
  private Integer c04;
  private Integer c05;
  private Integer c06;
  private Integer c07;
  private Integer c08;
  private Integer c09;
  private Integer c10;
  private Integer c11;
  private Integer c12;
  private Integer c13;
  private Integer c14;
  private Integer c15;
  private Integer c16;
  private Integer c17;
  private Integer c18;
  private Integer c19;
  private Integer c20;
  private Integer c21;
  private Integer c22;
  private Integer c23;
  private Integer c24;
  private Integer c25;
  private Integer c26;
  private Integer c27;
  private Integer c28;
  private Integer c29;
  private Integer c30;
  private Integer c31;
  private Integer c32;
  private Integer c33;
  private Integer c34;
  private Integer c35;
  private Integer c36;
  private Integer c37;
  private Integer c38;
  private Integer c39;
  private Integer c40;
  private Integer c41;
  private Integer c42;
  private Integer c43;
  private Integer c44;
  private Integer c45;
  private Integer c46;
  private Integer c47;
  private Integer c48;
  private Integer c49;
  private Integer c50;
  private Integer c51;
  private Integer c52;
  private Integer c53;
  private Integer c54;
  private Integer c55;
  private Integer c56;
  private Integer c57;
  private Integer c58;
  private Integer c59;
  private Integer c60;
  private Integer c61;
  private Integer c62;
  private Integer c63;
  private Integer c64;

  protected SesWide() {}

  /** Column {@code cNN} holds {@code base + NN}; {@code stamp} as given (null: the database's 7). */
  public SesWide(int base, Integer stamp) {
    c00 = base + 0;
    c01 = base + 1;
    c02 = base + 2;
    c03 = base + 3;
    c04 = base + 4;
    c05 = base + 5;
    c06 = base + 6;
    c07 = base + 7;
    c08 = base + 8;
    c09 = base + 9;
    c10 = base + 10;
    c11 = base + 11;
    c12 = base + 12;
    c13 = base + 13;
    c14 = base + 14;
    c15 = base + 15;
    c16 = base + 16;
    c17 = base + 17;
    c18 = base + 18;
    c19 = base + 19;
    c20 = base + 20;
    c21 = base + 21;
    c22 = base + 22;
    c23 = base + 23;
    c24 = base + 24;
    c25 = base + 25;
    c26 = base + 26;
    c27 = base + 27;
    c28 = base + 28;
    c29 = base + 29;
    c30 = base + 30;
    c31 = base + 31;
    c32 = base + 32;
    c33 = base + 33;
    c34 = base + 34;
    c35 = base + 35;
    c36 = base + 36;
    c37 = base + 37;
    c38 = base + 38;
    c39 = base + 39;
    c40 = base + 40;
    c41 = base + 41;
    c42 = base + 42;
    c43 = base + 43;
    c44 = base + 44;
    c45 = base + 45;
    c46 = base + 46;
    c47 = base + 47;
    c48 = base + 48;
    c49 = base + 49;
    c50 = base + 50;
    c51 = base + 51;
    c52 = base + 52;
    c53 = base + 53;
    c54 = base + 54;
    c55 = base + 55;
    c56 = base + 56;
    c57 = base + 57;
    c58 = base + 58;
    c59 = base + 59;
    c60 = base + 60;
    c61 = base + 61;
    c62 = base + 62;
    c63 = base + 63;
    c64 = base + 64;
    this.stamp = stamp;
  }

  public Integer getId() {
    return id;
  }

  public Integer getStamp() {
    return stamp;
  }

  public Integer getC64() {
    return c64;
  }
}
