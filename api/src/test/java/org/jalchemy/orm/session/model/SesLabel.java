package org.jalchemy.orm.session.model;

import java.util.Set;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** The other side of the many-to-many with {@link SesPost}. */
@Tablename("ses_label")
public class SesLabel extends SesBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  private String name;

  @Relationship(secondary = "ses_post_label", backPopulates = "labels")
  private Set<SesPost> posts;

  protected SesLabel() {}

  public SesLabel(String name) {
    this.name = name;
  }

  public Integer getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Set<SesPost> getPosts() {
    return posts;
  }
}
