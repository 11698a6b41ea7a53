package org.jalchemy.orm.session.model;

/** An unmapped superclass ("mixin"): its field is a column of each mapped subclass, and tracked too. */
public abstract class SesStamped extends SesBase {
  private String stampedBy;

  public String getStampedBy() {
    return stampedBy;
  }

  public void setStampedBy(String stampedBy) {
    this.stampedBy = stampedBy;
  }
}
