package org.jalchemy.orm.session.model;

import jakarta.annotation.Nonnull;
import org.jalchemy.orm.Lazy;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A note never loads its book from the database (NOLOAD). */
@Tablename("ses_note")
public class SesNote extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @Nonnull
  private String text;

  @MappedColumn(foreignKey = "ses_book.id")
  private Integer bookId;

  @Relationship(backPopulates = "notes", lazy = Lazy.NOLOAD)
  private SesBook book;

  protected SesNote() {}

  public SesNote(String text) {
    this.text = text;
  }

  public Integer getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public Integer getBookId() {
    return bookId;
  }

  public SesBook getBook() {
    return book;
  }

  public void setBook(SesBook book) {
    this.book = book;
  }
}
