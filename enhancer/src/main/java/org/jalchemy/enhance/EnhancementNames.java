package org.jalchemy.enhance;

/**
 * The names the enhanced bytecode uses. The enhancer runs at build time without the ORM on its
 * class path, so the ORM's types are named here, and the ORM checks the same names at run time.
 */
final class EnhancementNames {
  private EnhancementNames() {}

  static final String MANAGED_ENTITY_BINARY = "org.jalchemy.orm.ManagedEntity";
  static final String MANAGED_ENTITY = "org/jalchemy/orm/ManagedEntity";
  static final String DECLARATIVE_BASE = "org.jalchemy.orm.DeclarativeBase";
  static final String INSTANCE_STATE_DESC = "Lorg/jalchemy/orm/InstanceState;";
  static final String HOOKS = "org/jalchemy/orm/internal/EntityHooks";
  static final String READ_HOOK_DESC = "(L" + MANAGED_ENTITY + ";Ljava/lang/String;)V";
  static final String WRITE_HOOK_DESC = "(L" + MANAGED_ENTITY + ";Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;)V";

  /** The added field holding the ORM's per-object state, and its accessor methods' name. */
  static final String STATE = "$$jal$state";
  static final String GETTER_PREFIX = "$$jal$get$";
  static final String SETTER_PREFIX = "$$jal$set$";

  /**
   * The added {@code boolean $$jal$load(int slot, Object value)}: stores a loaded value straight
   * into the field of that slot, without hooks (the ORM's hydration); false when it cannot (slot
   * unknown, or null for a primitive), and the ORM then sets the field its slower way.
   */
  static final String LOAD = "$$jal$load";
  static final String LOAD_DESC = "(ILjava/lang/Object;)Z";
  /** The added {@code Object $$jal$peek(int slot)}: the field of that slot, boxed, without hooks (the ORM's reads). */
  static final String PEEK = "$$jal$peek";
  static final String PEEK_DESC = "(I)Ljava/lang/Object;";
  /** The added {@code static String[] $$jal$loadOrder()}: the field names in slot order. */
  static final String LOAD_ORDER = "$$jal$loadOrder";
  static final String LOAD_ORDER_DESC = "()[Ljava/lang/String;";
}
