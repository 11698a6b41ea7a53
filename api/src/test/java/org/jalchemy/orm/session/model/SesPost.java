package org.jalchemy.orm.session.model;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** One side of a many-to-many through {@code ses_post_label}. */
@Tablename("ses_post")
public class SesPost extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  private String title;

  @Relationship(secondary = "ses_post_label", backPopulates = "posts")
  private Set<SesLabel> labels = new LinkedHashSet<>();

  protected SesPost() {}

  public SesPost(String title) {
    this.title = title;
  }

  public Integer getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Set<SesLabel> getLabels() {
    return labels;
  }
}
