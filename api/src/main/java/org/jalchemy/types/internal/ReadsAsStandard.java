package org.jalchemy.types.internal;

import org.jalchemy.types.ValueCodec;

/**
 * A dialect's codec whose {@code read} is exactly a standard codec's, only its {@code bind} its own
 * (PostgreSQL's text: NUL characters refused before they reach the driver). The row loop reads such
 * a column with the driver's getter itself, as it reads the standard codec's, instead of calling
 * the codec: a codec's {@code read} shared by every statement is not inlined into the loop
 * (engine.internal.JdbcRowSource says why).
 *
 * <pre>{@code
 * final class TextCodec implements ValueCodec<String>, ReadsAsStandard {
 *   public ValueCodec<?> standardRead() { return StandardCodecs.STRING; }
 *   …
 * }
 * }</pre>
 */
public interface ReadsAsStandard {
  /** The standard codec ({@link StandardCodecs#STRING}, …) whose {@code read} this codec's equals. */
  ValueCodec<?> standardRead();
}
