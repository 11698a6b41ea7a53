package org.jalchemy.cdi.internal;

import jakarta.enterprise.context.ContextNotActiveException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionTransaction;
import org.jalchemy.result.CursorResult;
import org.jalchemy.result.Result;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Select;

/**
 * The {@code Session} applications inject: every call goes to the session of the current request
 * (one per request and database), so the same field serves every request. Used where no request
 * is active, it says what to do instead of the container's bare "no active context".
 */
final class RequestSession extends Session {
  private final Supplier<SessionHolder> holder;
  private final String database;

  RequestSession(Supplier<SessionHolder> holder, String database) {
    this.holder = holder;
    this.database = database;
  }

  private Session current() {
    try {
      return holder.get().session();
    } catch (ContextNotActiveException e) {
      throw new InvalidRequestError("the jalchemy Session of " + database + " is request-scoped and no request is active "
          + "on this thread (a startup observer, a scheduled or managed-executor task, a message listener); annotate the "
          + "method that uses it with @jakarta.enterprise.context.control.ActivateRequestContext", e);
    }
  }

  /** Closing is the container's job, at the end of the request: an injected session is not closed by hand. */
  @Override
  public void close() {
    // nothing: the request's end closes the session (try-with-resources on an injected one is harmless)
  }

  @Override
  public Engine engine() {
    return current().engine();
  }

  @Override
  public void add(Object object) {
    current().add(object);
  }

  @Override
  public void addAll(Collection<?> objects) {
    current().addAll(objects);
  }

  @Override
  public void delete(Object object) {
    current().delete(object);
  }

  @Override
  public void flush() {
    current().flush();
  }

  @Override
  public void commit() {
    current().commit();
  }

  @Override
  public void rollback() {
    current().rollback();
  }

  @Override
  public SessionTransaction begin() {
    return current().begin();
  }

  @Override
  public NoAutoflush noAutoflush() {
    return current().noAutoflush();
  }

  @Override
  public <T> T merge(T object) {
    return current().merge(object);
  }

  @Override
  public void joinExternalTransaction(String owner) {
    current().joinExternalTransaction(owner);
  }

  @Override
  public boolean inExternalTransaction() {
    return current().inExternalTransaction();
  }

  @Override
  public void beforeExternalCompletion() {
    current().beforeExternalCompletion();
  }

  @Override
  public void afterExternalCompletion(boolean committed) {
    current().afterExternalCompletion(committed);
  }

  @Override
  public <T> T get(Class<T> type, Object id) {
    return current().get(type, id);
  }

  @Override
  public <T> CursorResult<T> execute(Executable<T> statement) {
    return current().execute(statement);
  }

  @Override
  public <T> CursorResult<T> execute(Executable<T> statement, Map<String, ?> parameters) {
    return current().execute(statement, parameters);
  }

  @Override
  public <T> CursorResult<T> execute(Executable<T> statement, List<? extends Map<String, ?>> parameterSets) {
    return current().execute(statement, parameterSets);
  }

  @Override
  public <T> Result<T> scalars(Select<T> statement) {
    return current().scalars(statement);
  }

  @Override
  public <T> T scalar(Select<T> statement) {
    return current().scalar(statement);
  }

  @Override
  public void expire(Object object) {
    current().expire(object);
  }

  @Override
  public void expireAll() {
    current().expireAll();
  }

  @Override
  public void refresh(Object object) {
    current().refresh(object);
  }

  @Override
  public void expunge(Object object) {
    current().expunge(object);
  }

  @Override
  public boolean isModified(Object object) {
    return current().isModified(object);
  }

  @Override
  public List<Object> newObjects() {
    return current().newObjects();
  }

  @Override
  public List<Object> dirty() {
    return current().dirty();
  }

  @Override
  public List<Object> deleted() {
    return current().deleted();
  }

  @Override
  public boolean contains(Object object) {
    return current().contains(object);
  }

  @Override
  public Connection connection() {
    return current().connection();
  }

  @Override
  public String toString() {
    return "RequestSession(" + database + ")";
  }
}
