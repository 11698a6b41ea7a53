package org.jalchemy.orm.model;

import java.util.List;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/** A self-referential one-to-many / many-to-one pair. */
@Tablename("orm_node")
public class TreeNode extends OrmBase {
  @MappedColumn(primaryKey = true)
  private Integer id;

  @MappedColumn(foreignKey = "orm_node.id")
  private Integer parentId;

  private String data;

  @Relationship(backPopulates = "parent")
  private List<TreeNode> children;

  @Relationship(backPopulates = "children")
  private TreeNode parent;

  protected TreeNode() {}
}
