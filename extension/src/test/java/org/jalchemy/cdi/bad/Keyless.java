package org.jalchemy.cdi.bad;

import org.jalchemy.orm.Tablename;

/** No primary key: its deployment must fail naming the class and the fix. */
@Tablename("cdi_keyless")
public class Keyless extends BadBase {
  private String label;

  protected Keyless() {}

  public String getLabel() {
    return label;
  }
}
