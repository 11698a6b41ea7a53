package org.jalchemy.enhance;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Boxes the primitive on top of the stack, so the hooks see every value as an Object, and back. */
final class Boxing {
  private Boxing() {}

  static void box(MethodVisitor mv, Type t) {
    String wrapper = wrapper(t);
    if (wrapper != null) {
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf", "(" + t.getDescriptor() + ")L" + wrapper + ";", false);
    }
  }

  /**
   * Turns the Object on top of the stack into a value of type {@code t}: a cast for reference types,
   * a cast to the wrapper and its {@code xxxValue()} for primitives (the caller rules out null).
   */
  static void unbox(MethodVisitor mv, Type t) {
    String wrapper = wrapper(t);
    if (wrapper == null) {
      mv.visitTypeInsn(Opcodes.CHECKCAST, t.getSort() == Type.ARRAY ? t.getDescriptor() : t.getInternalName());
      return;
    }
    mv.visitTypeInsn(Opcodes.CHECKCAST, wrapper);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, wrapper, t.getClassName() + "Value", "()" + t.getDescriptor(), false);
  }

  private static String wrapper(Type t) {
    return switch (t.getSort()) {
      case Type.BOOLEAN -> "java/lang/Boolean";
      case Type.BYTE -> "java/lang/Byte";
      case Type.CHAR -> "java/lang/Character";
      case Type.SHORT -> "java/lang/Short";
      case Type.INT -> "java/lang/Integer";
      case Type.LONG -> "java/lang/Long";
      case Type.FLOAT -> "java/lang/Float";
      case Type.DOUBLE -> "java/lang/Double";
      default -> null;
    };
  }
}
