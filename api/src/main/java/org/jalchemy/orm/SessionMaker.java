package org.jalchemy.orm;

import java.util.Objects;
import org.jalchemy.engine.Engine;

/**
 * Makes Sessions bound to one engine; create it once, next to the engine.
 *
 * <pre>{@code
 * SessionMaker sessions = SessionMaker.of(engine);
 * try (Session session = sessions.open()) { session.add(user); session.commit(); }
 * }</pre>
 */
public final class SessionMaker {
  /**
   * Session options: {@code autoflush} (flush before each query, default on) and
   * {@code expireOnCommit} (reload attributes on next access after commit, default on).
   *
   * <pre>{@code
   * SessionMaker.of(engine, SessionMaker.Options.defaults().expireOnCommit(false));
   * }</pre>
   */
  public record Options(boolean autoflush, boolean expireOnCommit) {
    public static Options defaults() {
      return new Options(true, true);
    }

    public Options autoflush(boolean value) {
      return new Options(value, expireOnCommit);
    }

    public Options expireOnCommit(boolean value) {
      return new Options(autoflush, value);
    }
  }

  private final Engine engine;
  private final Options options;
  private final TransactionBinder binder;

  private SessionMaker(Engine engine, Options options, TransactionBinder binder) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.options = Objects.requireNonNull(options, "options");
    this.binder = binder;
  }

  public static SessionMaker of(Engine engine) {
    return new SessionMaker(engine, Options.defaults(), null);
  }

  public static SessionMaker of(Engine engine, Options options) {
    return new SessionMaker(engine, options, null);
  }

  /**
   * For container integrations: sessions from the returned maker call {@code binder} before each
   * piece of work, so that it can join them to the container's current transaction.
   *
   * <pre>{@code
   * SessionMaker.of(engine).withTransactionBinder(session -> { if (jtaActive()) { session.joinExternalTransaction("JTA"); ... } });
   * }</pre>
   */
  public SessionMaker withTransactionBinder(TransactionBinder transactionBinder) {
    return new SessionMaker(engine, options, Objects.requireNonNull(transactionBinder, "transactionBinder"));
  }

  /** A new Session; it takes a connection from the engine only when it first needs one. */
  public Session open() {
    return new Session(engine, options, binder);
  }

  /**
   * Opens a session, runs {@code work}, commits when it returns and rolls back when it throws,
   * then closes the session (SQLAlchemy's {@code with Session.begin() as session}).
   *
   * <pre>{@code
   * long id = sessions.transaction(session -> { User u = new User("sandy", null); session.add(u); session.flush(); return u.getId(); });
   * }</pre>
   */
  public <R> R transaction(java.util.function.Function<Session, R> work) {
    try (Session session = open()) {
      R result = work.apply(session);
      session.commit();
      return result;
    }
  }

  public Engine engine() {
    return engine;
  }

  public Options options() {
    return options;
  }
}
