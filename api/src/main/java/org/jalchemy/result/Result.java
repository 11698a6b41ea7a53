package org.jalchemy.result;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;

/**
 * The rows of an execution, read on demand: iterate it, stream it, or take {@link #all()},
 * {@link #first()}, {@link #one()}. Closing it (or reading it to the end) releases the cursor.
 *
 * <pre>{@code
 * try (Result<Row> result = conn.execute(select(users.id, users.name))) {
 *   for (Row row : result) { System.out.println(row.get(users.name)); }
 * }
 * List<String> names = conn.execute(select(users.name)).scalars().all();
 * }</pre>
 *
 * @param <R> the row type: {@link Row}, or a column's type after {@code scalars()}
 */
public class Result<R> implements Iterable<R>, AutoCloseable {
  private final RowSource<R> source;
  private boolean consumed;

  public Result(RowSource<R> source) {
    this.source = source;
  }

  /** A result over rows already in memory. */
  public static <R> Result<R> of(List<R> rows) {
    return new Result<>(new ListSource<>(rows));
  }

  /** This result with each row transformed; reading one reads the other. */
  public <S> Result<S> map(Function<? super R, ? extends S> f) {
    claim();
    RowSource<R> inner = source;
    return new Result<>(
        new RowSource<>() {
          @Override
          public boolean next() {
            return inner.next();
          }

          @Override
          public S current() {
            return f.apply(inner.current());
          }

          @Override
          public void drainTo(Collection<? super S> out) {
            inner.forEachRemaining(r -> out.add(f.apply(r)));
          }

          @Override
          public void forEachRemaining(Consumer<? super S> action) {
            inner.forEachRemaining(r -> action.accept(f.apply(r)));
          }

          @Override
          public void close() {
            inner.close();
          }
        });
  }

  /** Takes the whole remaining result for one reader; a second reader is refused. */
  private void claim() {
    checkNotConsumed();
    consumed = true;
  }

  private void checkNotConsumed() {
    if (consumed) {
      throw new InvalidRequestError(
          "this result was already consumed (by all(), first(), one(), scalars(), mappings(), iteration or close());"
              + " a result is read once: keep the list all() returned, or execute the statement again");
    }
  }

  /** Every remaining row; the cursor is closed afterwards. */
  public List<R> all() {
    claim();
    try {
      if (source instanceof ListSource<R> listed && listed.index == -1) {
        return new ArrayList<>(listed.rows); // rows already in memory: one copy of the right size
      }
      List<R> rows = new ArrayList<>();
      source.drainTo(rows);
      return rows;
    } finally {
      source.close();
    }
  }

  /** The first row or null when there is none; the rest are discarded and the cursor closed. */
  public R first() {
    claim();
    try {
      return source.next() ? source.current() : null;
    } finally {
      source.close();
    }
  }

  /** Exactly one row: {@link NoResultFound} when none, {@link MultipleResultsFound} when more. */
  public R one() {
    R row = oneOrNullInternal();
    if (row == null && !sawRow) {
      throw new NoResultFound("no row was found when one was required");
    }
    return row;
  }

  /** The one row, or null when there is none; {@link MultipleResultsFound} when more. */
  public R oneOrNull() {
    return oneOrNullInternal();
  }

  private boolean sawRow;

  private R oneOrNullInternal() {
    claim();
    try {
      if (!source.next()) {
        return null;
      }
      sawRow = true;
      R row = source.current();
      if (source.next()) {
        throw new MultipleResultsFound("multiple rows were found when exactly one was required");
      }
      return row;
    } finally {
      source.close();
    }
  }

  /** Up to {@code size} further rows; an empty list once exhausted. Does not close early. */
  public List<R> fetchMany(int size) {
    checkNotConsumed();
    List<R> rows = new ArrayList<>(Math.min(size, 1024));
    while (rows.size() < size && source.next()) {
      rows.add(source.current());
    }
    if (rows.size() < size) {
      source.close();
    }
    return rows;
  }

  /** The rows in lists of {@code size}, read lazily: for processing large results in batches. */
  public Iterable<List<R>> partitions(int size) {
    return () ->
        new Iterator<>() {
          List<R> next = fetchMany(size);

          @Override
          public boolean hasNext() {
            return !next.isEmpty();
          }

          @Override
          public List<R> next() {
            if (next.isEmpty()) {
              throw new NoSuchElementException();
            }
            List<R> current = next;
            next = current.size() < size ? List.of() : fetchMany(size);
            return current;
          }
        };
  }

  @Override
  public Iterator<R> iterator() {
    claim();
    return new Iterator<>() {
      Boolean ready;

      @Override
      public boolean hasNext() {
        if (ready == null) {
          ready = source.next();
          if (!ready) {
            source.close();
          }
        }
        return ready;
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = null;
        return source.current();
      }
    };
  }

  /** Hands every remaining row to {@code action}, then closes the cursor (as iterating does, in one loop). */
  @Override
  public void forEach(Consumer<? super R> action) {
    claim();
    try {
      source.forEachRemaining(action);
    } finally {
      source.close();
    }
  }

  /** The rows as a lazy stream; close the stream (or this result) when not read to the end. */
  public Stream<R> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
        .onClose(source::close);
  }

  /** Releases the cursor; the rest of the rows are discarded and the result cannot be read again. */
  @Override
  public void close() {
    consumed = true;
    source.close();
  }

  private static final class ListSource<R> implements RowSource<R> {
    private final List<R> rows;
    private int index = -1;

    ListSource(List<R> rows) {
      this.rows = rows;
    }

    @Override
    public boolean next() {
      if (index + 1 < rows.size()) {
        index++;
        return true;
      }
      index = rows.size();
      return false;
    }

    @Override
    public R current() {
      return rows.get(index);
    }

    @Override
    public void close() {
      index = rows.size();
    }
  }
}
