package org.jalchemy.engine.internal;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jalchemy.types.ValueCodec;
import org.jalchemy.types.internal.ReadsAsStandard;
import org.jalchemy.types.internal.StandardCodecs;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The {@link RowReader} for each pattern of column kinds: a small class written at run time (a
 * hidden class of this package) whose one method reads column 1, 2, … in turn with the driver's
 * getter for the column's kind and a constant column index, with no loop and no branch on the kind.
 *
 * <p>Why not one loop over the columns: a loop shared by every query of the application branches on
 * each column's kind and calls the driver's getters from call sites that every query's result sets
 * pass through. Measured on H2 over 100,000 rows (bench/README, tenth session), such a loop costs
 * 4-6% over a loop written for the one query, and a reader written for the columns, called once per
 * row through this interface, costs nothing measurable over it. Each reader is compiled on its own,
 * with the profile of the queries of its pattern alone.
 *
 * <p>Readers are shared by every statement (of every engine) with the same pattern: STRING, INTEGER
 * and BIG_INTEGER columns are read with {@code getString}, {@code getInt} and {@code getLong} as their
 * standard codecs read them; every other column calls its codec, taken from the statement's own
 * codecs. Past {@value #MAX_PATTERNS} patterns, for more than {@value #MAX_GENERATED_COLUMNS}
 * columns, where classes cannot be defined at run time, or with the system property
 * {@code jalchemy.rowReaders=generic}, a {@link Loop} over the columns reads the row instead, with the
 * same results.
 */
public final class RowReaders {
  static final byte OTHER = 0;
  static final byte STRING = 1;
  static final byte INTEGER = 2;
  static final byte BIG_INTEGER = 3;

  /**
   * Distinct patterns an application's queries have: tens to hundreds; past this, the loop. Checked
   * without a lock, so racing threads may each define one more: a bound on memory, not an exact count.
   */
  static final int MAX_PATTERNS = 1024;
  /** Keeps a reader's method well under HotSpot's HugeMethodLimit (8,000 bytes): about 15 bytes a column. */
  static final int MAX_GENERATED_COLUMNS = 256;

  private static final boolean GENERATE = !"generic".equals(System.getProperty("jalchemy.rowReaders"));
  private static final Map<String, RowReader> BY_PATTERN = new ConcurrentHashMap<>();
  /** Set when defining a class failed once (a runtime without class definition): the loop from then on. */
  private static volatile boolean generationFailed;

  private static final String RESULT_SET = Type.getInternalName(ResultSet.class);
  private static final String CODEC = Type.getInternalName(ValueCodec.class);
  private static final String SELF = Type.getInternalName(RowReaders.class);
  private static final String READ = "(" + Type.getDescriptor(ResultSet.class) + "[" + Type.getDescriptor(ValueCodec.class)
      + "[Ljava/lang/Object;)V";

  /** The locals of the written {@code read(rs, codecs, values)}; 0 is {@code this}. */
  private static final int RS_LOCAL = 1;
  private static final int CODECS_LOCAL = 2;
  private static final int VALUES_LOCAL = 3;

  private RowReaders() {}

  /** The reader for columns of these codecs (in order). */
  public static RowReader forCodecs(ValueCodec<?>[] codecs) {
    return forKinds(readKinds(codecs));
  }

  /** The reader for a pattern of {@link #readKinds}; the same instance for the same pattern. */
  static RowReader forKinds(byte[] kinds) {
    if (!GENERATE || generationFailed || kinds.length > MAX_GENERATED_COLUMNS) {
      return new Loop(kinds);
    }
    String pattern = new String(kinds, StandardCharsets.ISO_8859_1);
    RowReader reader = BY_PATTERN.get(pattern);
    if (reader != null) {
      return reader;
    }
    if (BY_PATTERN.size() >= MAX_PATTERNS) {
      return new Loop(kinds);
    }
    return BY_PATTERN.computeIfAbsent(pattern, p -> define(kinds));
  }

  /** How each column is read: which standard codec it has ({@link #STRING}, …), or {@link #OTHER} to call its codec. */
  static byte[] readKinds(ValueCodec<?>[] codecs) {
    byte[] kinds = new byte[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      ValueCodec<?> c = codecs[i] instanceof ReadsAsStandard same ? same.standardRead() : codecs[i];
      kinds[i] = c == StandardCodecs.STRING ? STRING
          : c == StandardCodecs.INTEGER ? INTEGER
          : c == StandardCodecs.BIG_INTEGER ? BIG_INTEGER
          : OTHER;
    }
    return kinds;
  }

  // Called by the generated readers with the value their own getter call read: NULL reads as 0,
  // so only then is wasNull asked, as StandardCodecs.INTEGER and BIG_INTEGER do. The codecs' own
  // read is not called for these kinds: it is shared by every statement, so C2 compiles it once
  // with the getter inlined for every result-set class it met and then refuses to inline it
  // ("already compiled into a big method", H2, -XX:+PrintInlining), a call per column.

  static Integer integer(int v, ResultSet rs) throws SQLException {
    return v != 0 || !rs.wasNull() ? Integer.valueOf(v) : null;
  }

  static Long bigInteger(long v, ResultSet rs) throws SQLException {
    return v != 0 || !rs.wasNull() ? Long.valueOf(v) : null;
  }

  private static RowReader define(byte[] kinds) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup()
          .defineHiddenClass(classBytes(kinds), true);
      return (RowReader) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) { // a runtime that cannot define classes (a native image): the loop reads as well
      generationFailed = true;
      return new Loop(kinds);
    }
  }

  /**
   * {@code final class RowReader$Columns implements RowReader}, whose {@code read} is, per column
   * {@code i} (0-based), one of: {@code values[i] = rs.getString(i + 1)};
   * {@code values[i] = integer(rs.getInt(i + 1), rs)}; {@code values[i] = bigInteger(rs.getLong(i + 1), rs)};
   * {@code values[i] = codecs[i].read(rs, i + 1)}. Straight-line code: no stack map frames needed.
   */
  static byte[] classBytes(byte[] kinds) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    String name = SELF.substring(0, SELF.lastIndexOf('/') + 1) + "RowReader$Columns";
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, name, null, "java/lang/Object",
        new String[] {Type.getInternalName(RowReader.class)});

    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "read", READ, null, new String[] {"java/sql/SQLException"});
    m.visitCode();
    for (int i = 0; i < kinds.length; i++) {
      m.visitVarInsn(ALOAD, VALUES_LOCAL);
      m.visitLdcInsn(i);
      switch (kinds[i]) {
        case STRING -> getter(m, i + 1, "getString", "Ljava/lang/String;");
        case INTEGER -> {
          getter(m, i + 1, "getInt", "I");
          boxed(m, "integer", "I", "Ljava/lang/Integer;");
        }
        case BIG_INTEGER -> {
          getter(m, i + 1, "getLong", "J");
          boxed(m, "bigInteger", "J", "Ljava/lang/Long;");
        }
        default -> {
          m.visitVarInsn(ALOAD, CODECS_LOCAL);
          m.visitLdcInsn(i);
          m.visitInsn(AALOAD);
          m.visitVarInsn(ALOAD, RS_LOCAL);
          m.visitLdcInsn(i + 1);
          m.visitMethodInsn(INVOKEINTERFACE, CODEC, "read", "(L" + RESULT_SET + ";I)Ljava/lang/Object;", true);
        }
      }
      m.visitInsn(AASTORE);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** Pushes {@code rs.<getter>(column)}. */
  private static void getter(MethodVisitor m, int column, String getter, String returns) {
    m.visitVarInsn(ALOAD, RS_LOCAL);
    m.visitLdcInsn(column);
    m.visitMethodInsn(INVOKEINTERFACE, RESULT_SET, getter, "(I)" + returns, true);
  }

  /** Replaces the primitive on the stack by {@code <boxer>(value, rs)}: null where the column was NULL. */
  private static void boxed(MethodVisitor m, String boxer, String primitive, String box) {
    m.visitVarInsn(ALOAD, RS_LOCAL);
    m.visitMethodInsn(INVOKESTATIC, SELF, boxer, "(" + primitive + "L" + RESULT_SET + ";)" + box, false);
  }

  /** The loop over the columns of one pattern, for whatever has no class of its own (see the class comment). */
  static final class Loop implements RowReader {
    private final byte[] kinds;

    Loop(byte[] kinds) {
      this.kinds = kinds;
    }

    @Override
    public void read(ResultSet rs, ValueCodec<?>[] codecs, Object[] values) throws SQLException {
      byte[] k = kinds;
      for (int i = 0; i < k.length; i++) {
        int column = i + 1;
        switch (k[i]) {
          case STRING -> values[i] = rs.getString(column);
          case INTEGER -> values[i] = integer(rs.getInt(column), rs);
          case BIG_INTEGER -> values[i] = bigInteger(rs.getLong(column), rs);
          default -> values[i] = codecs[i].read(rs, column);
        }
      }
    }
  }
}
