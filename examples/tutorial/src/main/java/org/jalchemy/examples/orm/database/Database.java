package org.jalchemy.examples.orm.database;

import static org.jalchemy.Jalchemy.createEngine;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.SessionMaker;

/**
 * The application's database layer: the one engine and the one session maker, created together
 * at startup and handed to the services. Usage:
 * {@code try (Database db = Database.connect(Database.DEFAULT_URL)) { db.sessions().open() ... }}.
 */
public final class Database implements AutoCloseable {
  /** The URL used when none is given: an in-memory SQLite database. */
  public static final String DEFAULT_URL = "sqlite+xerial:///:memory:";

  private final Engine engine;
  private final SessionMaker sessions;

  private Database(Engine engine) {
    this.engine = engine;
    this.sessions = SessionMaker.of(engine);
  }

  /** An engine with echo on, so the tutorial shows every statement it sends, and its session maker. */
  public static Database connect(String url) {
    return of(createEngine(url, Engine.Options.echo(true)));
  }

  /** Wraps an engine configured elsewhere (a test's, echoing into its own stream). */
  public static Database of(Engine engine) {
    return new Database(engine);
  }

  public Engine engine() {
    return engine;
  }

  public SessionMaker sessions() {
    return sessions;
  }

  @Override
  public void close() {
    engine.close();
  }
}
