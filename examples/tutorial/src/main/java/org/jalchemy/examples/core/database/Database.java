package org.jalchemy.examples.core.database;

import static org.jalchemy.Jalchemy.createEngine;

import org.jalchemy.engine.Engine;

/**
 * The application's database layer: the one engine, created once. Everything else imports this
 * class, never the other way round.
 */
public final class Database {
  private Database() {}

  /** The URL used when none is given: an in-memory SQLite database. */
  public static final String DEFAULT_URL = "sqlite+xerial:///:memory:";

  /** An engine with echo on, so the tutorial shows every statement it sends. */
  public static Engine engine(String url) {
    return createEngine(url, Engine.Options.echo(true));
  }
}
