package org.jalchemy.it.bad;

import org.jalchemy.orm.Tablename;

/** A mapped class without a primary key: the deployment that carries it must fail. */
@Tablename("it_keyless")
public class Keyless extends BadBase {
  private String label;

  protected Keyless() {}

  public String getLabel() {
    return label;
  }
}
