package org.jalchemy.orm.session.model;

import jakarta.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.orm.Lazy;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A book's author comes in the same SELECT (JOINED); its notes refuse to load lazily (RAISE). */
@Tablename("ses_book")
public class SesBook extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String title;

  @MappedColumn(foreignKey = "ses_author.id")
  private Integer authorId;

  @Relationship(backPopulates = "books", lazy = Lazy.JOINED)
  private SesAuthor author;

  @Relationship(backPopulates = "book", lazy = Lazy.RAISE)
  private List<SesNote> notes = new ArrayList<>();

  protected SesBook() {}

  public SesBook(String title) {
    this.title = title;
  }

  public Integer getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public SesAuthor getAuthor() {
    return author;
  }

  public void setAuthor(SesAuthor author) {
    this.author = author;
  }

  public List<SesNote> getNotes() {
    return notes;
  }
}
