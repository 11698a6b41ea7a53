package org.jalchemy.reliability.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** A row holding an arbitrary text, for hostile input and killed connections. */
@Tablename("rel_note")
public class Note extends RelBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  private String body;

  protected Note() {}

  public Note(String body) {
    this.body = body;
  }

  public Integer getId() {
    return id;
  }

  public String getBody() {
    return body;
  }
}
