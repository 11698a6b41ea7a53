package org.jalchemy.orm.session.model;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Lazy;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** Relationship-level loading defaults: an author's books load eagerly with SELECT … IN. */
@Tablename("ses_author")
public class SesAuthor extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String name;

  @Relationship(backPopulates = "author", lazy = Lazy.SELECTIN, orderBy = "title")
  private List<SesBook> books = new ArrayList<>();

  protected SesAuthor() {}

  public SesAuthor(String name) {
    this.name = name;
  }

  public Integer getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<SesBook> getBooks() {
    return books;
  }
}
