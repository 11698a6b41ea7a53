package org.jalchemy.orm.session.model;

import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** The association table of posts and labels. */
@Tablename("ses_post_label")
public class SesPostLabel extends SesBase {
  @MappedColumn(primaryKey = true, foreignKey = "ses_post.id")
  private Integer postId;

  @MappedColumn(primaryKey = true, foreignKey = "ses_label.id")
  private Integer labelId;

  protected SesPostLabel() {}
}
