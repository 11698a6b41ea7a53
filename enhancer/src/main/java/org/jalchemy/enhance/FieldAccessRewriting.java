package org.jalchemy.enhance;

import static org.jalchemy.enhance.EnhancementNames.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * Rewrites the class's own {@code GETFIELD}/{@code PUTFIELD} of its mapped fields into calls of
 * generated accessors ({@code $$jal$get$name()}, {@code $$jal$set$name(v)}) that call the ORM's
 * hooks around the field access, and adds the state slot ({@code ManagedEntity}). The accessors
 * take and leave exactly the operand stack the field instruction did, so every method (constructors
 * included) keeps its shape.
 */
final class FieldAccessRewriting extends AsmVisitorWrapper.AbstractBase {
  private final boolean mixin;
  private final java.util.Set<String> inherited;

  /**
   * {@code mixin}: an unmapped superclass, which gets accessors but no state slot; {@code inherited}:
   * mapped fields of mixin superclasses that this class's code may access directly.
   */
  FieldAccessRewriting(boolean mixin, java.util.Set<String> inherited) {
    this.mixin = mixin;
    this.inherited = inherited;
  }

  /** Mapped fields are the non-static, non-transient ones (synthetic ones such as this$0 are the compiler's). */
  static boolean isMappedField(FieldDescription f) {
    return !f.isStatic() && !f.isTransient() && !f.isSynthetic();
  }

  static Map<String, String> mappedFields(TypeDescription type) {
    Map<String, String> mapped = new LinkedHashMap<>();
    for (FieldDescription.InDefinedShape f : type.getDeclaredFields()) {
      if (isMappedField(f)) {
        mapped.put(f.getName(), f.getDescriptor());
      }
    }
    return mapped;
  }

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_MAXS;
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor, Implementation.Context context,
      TypePool typePool, FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
      int readerFlags) {
    Map<String, String> mapped = new LinkedHashMap<>();
    for (FieldDescription.InDefinedShape f : fields) {
      if (isMappedField(f)) {
        mapped.put(f.getName(), f.getDescriptor());
      }
    }
    return new EnhancingClassVisitor(classVisitor, instrumentedType.getInternalName(), mapped, mixin, inherited);
  }

  private static final class EnhancingClassVisitor extends ClassVisitor {
    private final String owner;
    private final Map<String, String> mapped;
    private final boolean mixin;
    private final java.util.Set<String> inherited;

    EnhancingClassVisitor(ClassVisitor cv, String owner, Map<String, String> mapped, boolean mixin,
        java.util.Set<String> inherited) {
      super(Opcodes.ASM9, cv);
      this.owner = owner;
      this.mapped = mapped;
      this.mixin = mixin;
      this.inherited = inherited;
    }

    private boolean rewrites(String fieldOwner, String field) {
      return fieldOwner.equals(owner) && (mapped.containsKey(field) || inherited.contains(field));
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      if (mixin) {
        super.visit(version, access, name, signature, superName, interfaces);
        return;
      }
      String[] all = interfaces == null ? new String[1] : Arrays.copyOf(interfaces, interfaces.length + 1);
      all[all.length - 1] = MANAGED_ENTITY;
      super.visit(version, access, name, signature, superName, all);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
      return new MethodVisitor(Opcodes.ASM9, mv) {
        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDesc) {
          if (rewrites(fieldOwner, field) && opcode == Opcodes.GETFIELD) {
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, GETTER_PREFIX + field, "()" + fieldDesc, false);
          } else if (rewrites(fieldOwner, field) && opcode == Opcodes.PUTFIELD) {
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, SETTER_PREFIX + field, "(" + fieldDesc + ")V", false);
          } else {
            super.visitFieldInsn(opcode, fieldOwner, field, fieldDesc);
          }
        }
      };
    }

    @Override
    public void visitEnd() {
      if (!mixin) {
        addStateSlot();
        addLoader();
        addPeek();
        addLoadOrder();
      }
      for (Map.Entry<String, String> e : mapped.entrySet()) {
        addGetter(e.getKey(), e.getValue());
        addSetter(e.getKey(), e.getValue());
      }
      super.visitEnd();
    }

    private void addStateSlot() {
      super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, STATE,
          INSTANCE_STATE_DESC, null, null).visitEnd();
      MethodVisitor get = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, STATE,
          "()" + INSTANCE_STATE_DESC, null, null);
      get.visitCode();
      get.visitVarInsn(Opcodes.ALOAD, 0);
      get.visitFieldInsn(Opcodes.GETFIELD, owner, STATE, INSTANCE_STATE_DESC);
      get.visitInsn(Opcodes.ARETURN);
      get.visitMaxs(0, 0);
      get.visitEnd();
      MethodVisitor set = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, STATE,
          "(" + INSTANCE_STATE_DESC + ")V", null, null);
      set.visitCode();
      set.visitVarInsn(Opcodes.ALOAD, 0);
      set.visitVarInsn(Opcodes.ALOAD, 1);
      set.visitFieldInsn(Opcodes.PUTFIELD, owner, STATE, INSTANCE_STATE_DESC);
      set.visitInsn(Opcodes.RETURN);
      set.visitMaxs(0, 0);
      set.visitEnd();
    }

    /**
     * {@code boolean $$jal$load(int slot, Object v) { switch (slot) { case 0: this.f0 = (T0) v; return true; … } return false; }},
     * one case per own mapped field in {@link #mapped} order; a null for a primitive field returns
     * false. Loading 100,000 objects sets each field through this one monomorphic call instead of
     * a method handle per field.
     */
    private void addLoader() {
      MethodVisitor m = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, LOAD, LOAD_DESC, null, null);
      switchOverSlots(m, (field, t, refuse) -> {
        if (t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY) {
          m.visitVarInsn(Opcodes.ALOAD, 2);
          m.visitJumpInsn(Opcodes.IFNULL, refuse);
        }
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitVarInsn(Opcodes.ALOAD, 2);
        Boxing.unbox(m, t);
        m.visitFieldInsn(Opcodes.PUTFIELD, owner, field, t.getDescriptor());
        m.visitInsn(Opcodes.ICONST_1);
        m.visitInsn(Opcodes.IRETURN);
      }, () -> {
        m.visitInsn(Opcodes.ICONST_0);
        m.visitInsn(Opcodes.IRETURN);
      });
    }

    /**
     * {@code Object $$jal$peek(int slot) { switch (slot) { case 0: return this.f0; … } return null; }}
     * (primitives boxed), in the slot order of {@link #addLoader}: how the ORM reads fields at flush.
     */
    private void addPeek() {
      MethodVisitor m = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, PEEK, PEEK_DESC, null, null);
      switchOverSlots(m, (field, t, none) -> {
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitFieldInsn(Opcodes.GETFIELD, owner, field, t.getDescriptor());
        Boxing.box(m, t);
        m.visitInsn(Opcodes.ARETURN);
      }, () -> {
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitInsn(Opcodes.ARETURN);
      });
    }

    /** The code of one case of {@link #switchOverSlots}: it must end in a return. */
    private interface SlotCase {
      void emit(String field, Type type, Label otherwise);
    }

    /**
     * The body of a method whose {@code int} first argument picks a mapped field: a
     * {@code tableswitch} with one case per field in {@link #mapped} order, and {@code otherwise}
     * for any other slot (a case may jump there too). Each jump target gets its stack-map frame (the
     * arguments, an empty stack), as the class is written without computed frames.
     */
    private void switchOverSlots(MethodVisitor m, SlotCase eachField, Runnable otherwise) {
      m.visitCode();
      Label fallback = new Label();
      if (!mapped.isEmpty()) {
        Label[] cases = new Label[mapped.size()];
        for (int i = 0; i < cases.length; i++) {
          cases[i] = new Label();
        }
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitTableSwitchInsn(0, cases.length - 1, fallback, cases);
        int i = 0;
        for (Map.Entry<String, String> e : mapped.entrySet()) {
          m.visitLabel(cases[i++]);
          m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
          eachField.emit(e.getKey(), Type.getType(e.getValue()), fallback);
        }
        m.visitLabel(fallback);
        m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
      }
      otherwise.run();
      m.visitMaxs(0, 0);
      m.visitEnd();
    }

    /** {@code static String[] $$jal$loadOrder() { return new String[] {"f0", "f1", …}; }} */
    private void addLoadOrder() {
      MethodVisitor m = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, LOAD_ORDER,
          LOAD_ORDER_DESC, null, null);
      m.visitCode();
      m.visitLdcInsn(mapped.size());
      m.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
      int i = 0;
      for (String name : mapped.keySet()) {
        m.visitInsn(Opcodes.DUP);
        m.visitLdcInsn(i++);
        m.visitLdcInsn(name);
        m.visitInsn(Opcodes.AASTORE);
      }
      m.visitInsn(Opcodes.ARETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }

    /** {@code T $$jal$get$f() { EntityHooks.read(this, "f"); return this.f; }} */
    private void addGetter(String field, String desc) {
      Type t = Type.getType(desc);
      MethodVisitor g = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, GETTER_PREFIX + field,
          "()" + desc, null, null);
      g.visitCode();
      g.visitVarInsn(Opcodes.ALOAD, 0);
      g.visitTypeInsn(Opcodes.CHECKCAST, MANAGED_ENTITY); // a mixin is not one itself; its mapped subclass is
      g.visitLdcInsn(field);
      g.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "read", READ_HOOK_DESC, false);
      g.visitVarInsn(Opcodes.ALOAD, 0);
      g.visitFieldInsn(Opcodes.GETFIELD, owner, field, desc);
      g.visitInsn(t.getOpcode(Opcodes.IRETURN));
      g.visitMaxs(0, 0);
      g.visitEnd();
    }

    /** {@code void $$jal$set$f(T v) { EntityHooks.write(this, "f", this.f, v); this.f = v; }} */
    private void addSetter(String field, String desc) {
      Type t = Type.getType(desc);
      MethodVisitor s = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, SETTER_PREFIX + field,
          "(" + desc + ")V", null, null);
      s.visitCode();
      s.visitVarInsn(Opcodes.ALOAD, 0);
      s.visitTypeInsn(Opcodes.CHECKCAST, MANAGED_ENTITY);
      s.visitLdcInsn(field);
      s.visitVarInsn(Opcodes.ALOAD, 0);
      s.visitFieldInsn(Opcodes.GETFIELD, owner, field, desc);
      Boxing.box(s, t);
      s.visitVarInsn(t.getOpcode(Opcodes.ILOAD), 1);
      Boxing.box(s, t);
      s.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "write", WRITE_HOOK_DESC, false);
      s.visitVarInsn(Opcodes.ALOAD, 0);
      s.visitVarInsn(t.getOpcode(Opcodes.ILOAD), 1);
      s.visitFieldInsn(Opcodes.PUTFIELD, owner, field, desc);
      s.visitInsn(Opcodes.RETURN);
      s.visitMaxs(0, 0);
      s.visitEnd();
    }
  }
}
