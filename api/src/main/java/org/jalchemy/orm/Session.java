package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.result.CursorResult;
import org.jalchemy.result.Result;
import org.jalchemy.result.Row;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SelectItem;

/**
 * A unit of work over one connection: objects added to it are inserted, changed ones updated and
 * deleted ones deleted at the next flush, in foreign key order; an identity map keeps one object
 * per row. Not thread-safe: one session per thread (per request).
 *
 * <pre>{@code
 * try (Session session = sessions.open()) {
 *   session.add(new User("sandy", "Sandy Cheeks"));
 *   session.commit();                                             // INSERT, COMMIT
 *   User u = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
 *   u.setFullname("Sandy C.");                                    // UPDATE at the next flush
 * }
 * }</pre>
 */
public class Session implements AutoCloseable {
  private final Engine engine;
  private final SessionMaker.Options options;
  private final TransactionBinder binder;
  private boolean binding;
  /** A statement that may have written ran in the current transaction (so it cannot be dropped quietly). */
  private boolean wroteInTransaction;
  IdentityMap identityMap = new IdentityMap();
  /** What every object of this session points at; replaced on close so the old objects read as detached. */
  SessionLink link = new SessionLink(this);
  /**
   * Strong references: pending, modified and deleted objects must outlive the caller's references.
   * The pending ones in the order added, in a list rather than a set: only a transient object is
   * appended (so never twice), and hashing 100,000 new objects into a set was a fifth of an ORM
   * bulk insert's time; removing one (expunge of a pending object) is a scan, and rare.
   */
  final ArrayList<InstanceState> pendingStates = new ArrayList<>();
  final Set<InstanceState> modifiedStates = new LinkedHashSet<>();
  final Set<InstanceState> deletedStates = new LinkedHashSet<>();
  /** What this transaction flushed, to undo in the objects on rollback. */
  final ArrayList<InstanceState> insertedInTransaction = new ArrayList<>();
  final List<InstanceState> deletedInTransaction = new ArrayList<>();
  private Connection connection;
  private RuntimeException failedFlush;
  private boolean flushing;
  private boolean autoflushSuppressed;
  private String externalOwner;
  /** The connection of a read-only transaction the session had when it joined an external one. */
  private Connection suspendedConnection;

  Session(Engine engine, SessionMaker.Options options, TransactionBinder binder) {
    this.engine = engine;
    this.options = options;
    this.binder = binder;
  }

  /**
   * For CDI client proxies of a request-scoped Session bean only (a proxy delegates every call to
   * the real session); never use a session made this way.
   */
  protected Session() {
    this(null, null, null);
  }

  public Engine engine() {
    return engine;
  }

  // ---- adding, deleting ---------------------------------------------------------------------

  /** Makes a transient object pending (INSERT at the next flush), with what it cascades to. */
  public void add(Object object) {
    checkUsable();
    InstanceState s = InstanceState.of(object);
    if (s.session() != null && s.session() != this) {
      throw new InvalidRequestError(s.describe() + " belongs to another session; expunge it there (or close that "
          + "session) before adding it here");
    }
    switch (s.state()) {
      case TRANSIENT -> {
        s.attach(this);
        s.pending = true;
        pendingStates.add(s);
      }
      case DETACHED -> {
        Object existing = identityMap.get(s.key);
        if (existing != null && existing != object) {
          throw new InvalidRequestError("cannot add " + s.describe() + ": this session already holds another object "
              + "for the same row; use the session's object (session.get) instead");
        }
        s.attach(this);
        identityMap.put(s.key, object);
        if (s.isModified()) {
          modifiedStates.add(s);
        }
      }
      case DELETED -> throw new InvalidRequestError(s.describe() + " was deleted in this session; it cannot be added again");
      default -> {
        // already pending or persistent here: cascade again below, as SQLAlchemy does
      }
    }
    cascadeFrom(s);
  }

  /** {@link #add} for each object. */
  public void addAll(Collection<?> objects) {
    pendingStates.ensureCapacity(pendingStates.size() + objects.size()); // one array, not ~30 copies for 100,000
    for (Object o : objects) {
      add(o);
    }
  }

  /** Marks a persistent object for DELETE at the next flush; a pending one just leaves the session. */
  public void delete(Object object) {
    checkUsable();
    InstanceState s = InstanceState.of(object);
    if (s.session() != this) {
      throw new InvalidRequestError(s.describe() + " is not persisted in this session (" + s.state()
          + "); add it (or load it) in this session before deleting it");
    }
    if (s.pending) {
      expunge(object);
      return;
    }
    if (s.markedForDelete || s.deletedFlushed) {
      return;
    }
    s.markedForDelete = true;
    deletedStates.add(s);
    // Loading the children must not autoflush: the parent's DELETE would run before theirs.
    boolean wasSuppressed = autoflushSuppressed;
    autoflushSuppressed = true;
    try {
      for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
        if (r.cascades(Cascade.DELETE)) {
          for (Object child : Loading.related(this, s, r)) {
            delete(child);
          }
        } else if (r.direction() != RelationshipProperty.Direction.MANY_TO_ONE) {
          // the flush sets their foreign keys to NULL (one-to-many) or deletes their secondary rows
          // (many-to-many), as SQLAlchemy does
          Loading.related(this, s, r);
        }
      }
    } finally {
      autoflushSuppressed = wasSuppressed;
    }
  }

  /** Objects reached from {@code s} through save-update cascades become pending too. */
  void cascadeFrom(InstanceState s) {
    for (RelationshipProperty<Object, ?> r : s.mapper.relationships()) {
      if (r.cascades(Cascade.SAVE_UPDATE) && !s.unloaded().contains(r.fieldName())) {
        for (Object target : Loading.loadedValues(s, r)) {
          cascadeSave(target);
        }
      }
    }
  }

  /** A related object reached by a save-update cascade: made pending if transient (or re-attached). */
  void cascadeSave(Object target) {
    InstanceState t = InstanceState.of(target);
    if (t.session() == null && !t.deletedFlushed) {
      add(target);
    }
  }

  /** Called by the hooks when a persistent object's column or relationship changed. */
  void modified(InstanceState s) {
    if (!s.pending) {
      modifiedStates.add(s);
    }
  }

  // ---- flush, commit, rollback ----------------------------------------------------------------

  /**
   * Writes pending changes: INSERTs parents first, UPDATEs of changed columns, DELETEs children
   * first. On failure the transaction is rolled back and the session refuses work until
   * {@link #rollback()}.
   */
  public void flush() {
    checkUsable();
    if (flushing) {
      return;
    }
    flushing = true;
    try {
      if (hasChanges()) {
        wroteInTransaction = true;
      }
      new UnitOfWork(this).flush();
    } catch (RuntimeException e) {
      failedFlush = e;
      if (connection != null && externalOwner == null) {
        try {
          connection.rollback();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    } finally {
      flushing = false;
    }
  }

  /** Flushes, then commits; with {@code expireOnCommit}, every object reloads on next access. */
  public void commit() {
    checkUsable();
    refuseInExternalTransaction("commit");
    flush();
    if (connection != null) {
      connection.commit();
      releaseConnection();
    }
    afterCommit();
  }

  /**
   * Rolls the transaction back: pending objects and those inserted in it become transient, those
   * deleted in it persistent again, and every persistent object is expired (it reloads what the
   * database has on next access).
   */
  public void rollback() {
    if (failedFlush == null) {
      checkUsable();
    }
    refuseInExternalTransaction("roll back");
    if (connection != null) {
      try {
        connection.rollback();
      } catch (RuntimeException e) {
        if (!connection.isInvalidated()) {
          throw e;
        }
        // The connection died (killed, network gone) and its transaction with it: there is nothing
        // left to undo on the server; the objects are reset below and the next work takes a fresh one.
      } finally {
        releaseConnection();
      }
    }
    afterRollback();
  }

  private void afterCommit() {
    for (InstanceState s : deletedInTransaction) {
      s.detach();
    }
    insertedInTransaction.clear();
    deletedInTransaction.clear();
    if (options.expireOnCommit()) {
      expireAll();
    }
  }

  private void afterRollback() {
    for (InstanceState s : pendingStates) {
      s.detach();
      s.pending = false;
    }
    for (InstanceState s : insertedInTransaction) {
      identityMap.remove(s.key, s.object);
      s.detach();
      s.pending = false;
      s.key = null;
      s.insertedInTransaction = false;
      s.resetChanges();
    }
    for (InstanceState s : deletedInTransaction) {
      s.deletedFlushed = false;
      identityMap.put(s.key, s.object);
    }
    for (InstanceState s : deletedStates) {
      s.markedForDelete = false;
    }
    pendingStates.clear();
    modifiedStates.clear();
    insertedInTransaction.clear();
    deletedInTransaction.clear();
    deletedStates.clear();
    failedFlush = null;
    expireAll();
  }

  /**
   * Begins the session's transaction explicitly, for try-with-resources: commit it with
   * {@code tx.commit()}; leaving the block without a commit rolls back. Fails when a transaction
   * is already in progress (the session begins one implicitly with its first statement).
   *
   * <pre>{@code
   * try (SessionTransaction tx = session.begin()) { session.add(user); tx.commit(); }
   * }</pre>
   */
  public SessionTransaction begin() {
    checkUsable();
    refuseInExternalTransaction("begin");
    if (connection != null && connection.inTransaction()) {
      throw new InvalidRequestError("a transaction is already begun in this session (its first statement began one "
          + "implicitly); commit() or rollback() it before begin(), or just go on using the session");
    }
    currentConnection().begin();
    return new SessionTransaction(this);
  }

  /**
   * Turns autoflush off until the returned handle is closed, for building objects that must not be
   * flushed half-made by a query in between (SQLAlchemy's {@code no_autoflush}).
   *
   * <pre>{@code
   * try (var paused = session.noAutoflush()) {
   *   Address a = new Address(email); session.add(a);
   *   a.setUser(session.scalars(select(User.class).where(User_.name.eq(name))).one()); // no INSERT yet
   * }
   * }</pre>
   */
  public NoAutoflush noAutoflush() {
    boolean before = autoflushSuppressed;
    autoflushSuppressed = true;
    return () -> autoflushSuppressed = before;
  }

  /** The handle of {@link #noAutoflush()}: closing it restores autoflush. */
  @FunctionalInterface
  public interface NoAutoflush extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Copies the state of an object from outside this session (detached, or built from a request)
   * onto this session's object for the same row, loading it when needed, or onto a new pending
   * object when no such row exists; returns the session's object and leaves the given one as it
   * was. Relationships with the MERGE cascade (the default) are merged too; attributes the given
   * object never loaded are left alone; a stale version column raises {@link StaleDataError}.
   *
   * <pre>{@code
   * User managed = session.merge(userFromRequest);   // SELECT by key if not in the session
   * session.commit();                                // UPDATE of the columns that differ
   * }</pre>
   */
  public <T> T merge(T object) {
    checkUsable();
    // Loading what the merge needs must not flush a half-merged object.
    try (NoAutoflush paused = noAutoflush()) {
      return new Merging(this).merge(object);
    }
  }

  // ---- working inside a container's transaction (JTA) -------------------------------------------

  /**
   * For container integrations: the session's next statements run inside a transaction someone
   * else owns (a JTA transaction), on {@link Engine#connectInExternalTransaction}. The owner calls
   * {@link #beforeExternalCompletion()} (which flushes) and {@link #afterExternalCompletion(boolean)};
   * meanwhile {@link #commit()} and {@link #rollback()} refuse, naming the owner. Objects and the
   * identity map carry over from one transaction to the next, as in SE.
   *
   * <pre>{@code
   * session.joinExternalTransaction("the JTA transaction");
   * tsr.registerInterposedSynchronization(sync);   // beforeCompletion -> session.beforeExternalCompletion()
   * }</pre>
   */
  public void joinExternalTransaction(String owner) {
    requireNoFailedFlush();
    if (externalOwner != null) {
      return;
    }
    if (connection != null && connection.inTransaction() && wroteInTransaction) {
      throw new InvalidRequestError("cannot join " + owner + ": this session has written in its own transaction, "
          + "not committed yet; commit or roll it back first");
    }
    if (connection != null) {
      // Only reads so far. Its connection belongs to the context outside the container's
      // transaction (Liberty's local transaction containment), which must not be touched while
      // that transaction runs: it is set aside and ended at the next use outside it.
      suspendedConnection = connection;
      connection = null;
      wroteInTransaction = false;
    }
    externalOwner = java.util.Objects.requireNonNull(owner, "owner");
  }

  /** True while the session works inside a transaction someone else owns. */
  public boolean inExternalTransaction() {
    return externalOwner != null;
  }

  /** The owner's transaction is about to commit: flush. A failure here must make the owner roll back. */
  public void beforeExternalCompletion() {
    if (externalOwner == null) {
      throw new InvalidRequestError("this session has not joined an external transaction");
    }
    flush();
  }

  /**
   * The owner's transaction ended: after a commit the objects expire (with {@code expireOnCommit}),
   * after a rollback pending and inserted objects become transient again; the connection goes back
   * and the session leaves the transaction, ready for the next one.
   */
  public void afterExternalCompletion(boolean committed) {
    if (externalOwner == null) {
      return;
    }
    try {
      if (connection != null) {
        releaseConnection();
      }
    } finally {
      externalOwner = null;
      if (committed) {
        afterCommit();
      } else {
        afterRollback();
      }
    }
  }

  private void refuseInExternalTransaction(String operation) {
    if (externalOwner != null) {
      throw new InvalidRequestError("session." + (operation.equals("roll back") ? "rollback" : operation) + "() cannot "
          + operation + " " + externalOwner + ": the container owns that transaction and ends it when the "
          + "@Transactional method returns (or throws); use UserTransaction or @Transactional to control it");
    }
  }

  /** Releases the connection (rolling back what was not committed) and detaches every object. */
  @Override
  public void close() {
    try {
      if (suspendedConnection != null) {
        endSuspendedConnection();
      }
      if (connection != null) {
        connection.close();
      }
    } finally {
      connection = null;
      suspendedConnection = null;
      externalOwner = null;
      for (InstanceState s : pendingStates) {
        s.detach();
        s.pending = false;
      }
      // Cutting the shared link detaches every object attached here at once, loaded, flushed or
      // deleted in this transaction alike (no walk over the identity map or those lists).
      link.session = null;
      link = new SessionLink(this);
      identityMap = new IdentityMap();
      pendingStates.clear();
      modifiedStates.clear();
      deletedStates.clear();
      insertedInTransaction.clear();
      deletedInTransaction.clear();
      failedFlush = null;
    }
  }

  private void releaseConnection() {
    Connection c = connection;
    connection = null;
    wroteInTransaction = false;
    c.close();
  }

  // ---- queries -------------------------------------------------------------------------------

  /** The object of a primary key (a value, or a List / array for a composite key): from the identity map without SQL when there. */
  public <T> T get(Class<T> type, Object id) {
    checkUsable();
    Mapper<T> mapper = Mapper.of(type);
    IdentityKey key = Loading.key(mapper, id);
    Object existing = identityMap.get(key);
    if (existing != null) {
      InstanceState s = InstanceState.of(existing);
      return s.markedForDelete || s.deletedFlushed ? null : type.cast(existing);
    }
    autoflush();
    return Loading.byKey(this, mapper, key.key());
  }

  /** Executes a statement on the session's connection, after autoflush. */
  public <T> CursorResult<T> execute(Executable<T> statement) {
    return execute(statement, List.of());
  }

  /** Executes a statement with one set of parameters, after autoflush. */
  public <T> CursorResult<T> execute(Executable<T> statement, Map<String, ?> parameters) {
    return execute(statement, List.of(parameters));
  }

  /**
   * Executes a statement with parameter sets (executemany), after autoflush; for
   * {@code insert(User.class)} and {@code update(User.class)} an ORM bulk operation.
   */
  public <T> CursorResult<T> execute(Executable<T> statement, List<? extends Map<String, ?>> parameterSets) {
    checkUsable();
    autoflush();
    if (!(statement instanceof Select<?>)) {
      wroteInTransaction = true;
    }
    if (OrmDml.isOrmEnabled(statement)) {
      return OrmDml.execute(this, statement, parameterSets);
    }
    if (statement instanceof Select<?> select && parameterSets.isEmpty() && OrmQuery.isOrm(select)) {
      @SuppressWarnings("unchecked")
      CursorResult<T> rows = (CursorResult<T>) OrmQuery.execute(this, select);
      return rows;
    }
    return switch (parameterSets.size()) {
      case 0 -> currentConnection().execute(statement);
      case 1 -> currentConnection().execute(statement, parameterSets.get(0));
      default -> currentConnection().execute(statement, parameterSets);
    };
  }

  /**
   * The first item of each row: for {@code select(User.class)} the mapped objects, merged into the
   * identity map (the same instance for the same row, every time), with the relationships its
   * loader options ({@code selectinload}, {@code joinedload}, …) ask for loaded.
   */
  public <T> Result<T> scalars(Select<T> statement) {
    checkUsable();
    autoflush();
    if (OrmQuery.isOrm(statement)) {
      return OrmQuery.scalars(this, statement);
    }
    return currentConnection().execute(statement).scalars();
  }

  /** The first item of the first row, or null when there is none. */
  public <T> T scalar(Select<T> statement) {
    return scalars(statement).first();
  }

  // ---- object state --------------------------------------------------------------------------

  /** Marks every attribute of a persistent object to reload on next access, discarding its changes. */
  public void expire(Object object) {
    InstanceState s = requireAttached(object, "expire");
    Loading.expire(this, s);
  }

  /** {@link #expire} for every persistent object of the session. */
  public void expireAll() {
    // Counted, not walked: each object applies it when next touched (InstanceState.settleExpiry).
    link.expiries++;
    // Changes not flushed yet are discarded now, as expire(object) does, so a flush never sees them.
    if (!modifiedStates.isEmpty()) {
      for (InstanceState s : new java.util.ArrayList<>(modifiedStates)) {
        s.settleExpiry();
      }
    }
  }

  /** Loads every column of a persistent object from the database now, discarding its changes. */
  public void refresh(Object object) {
    checkUsable();
    InstanceState s = requireAttached(object, "refresh");
    Loading.refresh(this, s);
  }

  /** Removes an object from the session: a pending one becomes transient, a persistent one detached. */
  public void expunge(Object object) {
    InstanceState s = InstanceState.of(object);
    if (s.session() != this) {
      throw new InvalidRequestError(s.describe() + " is not in this session (" + s.state() + ")");
    }
    if (s.pending) {
      pendingStates.remove(s);
    }
    modifiedStates.remove(s);
    deletedStates.remove(s);
    if (s.key != null) {
      identityMap.remove(s.key, object);
    }
    s.detach();
    s.pending = false;
    s.markedForDelete = false;
  }

  /** True when the object has changes not flushed yet. */
  public boolean isModified(Object object) {
    return InstanceState.of(object).isModified();
  }

  /** The pending objects (SQLAlchemy's {@code session.new}). */
  public List<Object> newObjects() {
    return pendingStates.stream().map(s -> s.object).toList();
  }

  /** The persistent objects with changes not flushed yet. */
  public List<Object> dirty() {
    return modifiedStates.stream().filter(s -> s.session() == this && !s.pending && s.isModified()).map(s -> s.object).toList();
  }

  /** The objects marked for deletion, not flushed yet. */
  public List<Object> deleted() {
    return deletedStates.stream().map(s -> s.object).toList();
  }

  /** Whether the object is pending or persistent in this session. */
  public boolean contains(Object object) {
    InstanceState s = InstanceState.of(object);
    return s.session() == this && !s.deletedFlushed;
  }

  /**
   * The connection of the session's current transaction (begun if needed), for Core statements
   * that must commit or roll back together with the session's work (SQLAlchemy's
   * {@code session.connection()}). Commit through the session, not the connection.
   *
   * <pre>{@code
   * session.connection().execute(update(auditLog).values(Map.of("seen", true)));
   * }</pre>
   */
  public Connection connection() {
    checkUsable();
    return currentConnection();
  }

  // ---- for the loading and flushing code ------------------------------------------------------

  Connection currentConnection() {
    if (connection == null) {
      connection = externalOwner != null ? engine.connectInExternalTransaction(externalOwner) : engine.connect();
    }
    return connection;
  }

  void autoflush() {
    if (options.autoflush() && !flushing && !autoflushSuppressed && hasChanges()) {
      flush();
    }
  }

  boolean isFlushing() {
    return flushing;
  }

  private boolean hasChanges() {
    return !pendingStates.isEmpty() || !modifiedStates.isEmpty() || !deletedStates.isEmpty();
  }

  void loadExpired(InstanceState s) {
    checkUsable();
    Loading.loadExpired(this, s);
  }

  void loadRelationship(InstanceState s, RelationshipProperty<Object, ?> r) {
    checkUsable();
    switch (s.loadingOnAccess(r)) {
      case RAISE -> {
        String name = r.owner().getSimpleName() + "." + r.fieldName();
        throw new InvalidRequestError("'" + name + "' is not available due to lazy=RAISE (or raiseload(" + r.owner().getSimpleName()
            + "_." + r.fieldName() + ")): it refuses to emit SQL on access; load it with selectinload(" + r.owner().getSimpleName()
            + "_." + r.fieldName() + ") or joinedload(…) in the query that returns " + s.describe());
      }
      case NOLOAD -> Loading.setLoaded(s, r, List.of());
      default -> Loading.lazyLoad(this, s, r);
    }
  }

  private InstanceState requireAttached(Object object, String operation) {
    InstanceState s = InstanceState.of(object);
    if (s.session() != this || s.key == null) {
      throw new InvalidRequestError("cannot " + operation + " " + s.describe() + ": it is not persistent in this session ("
          + s.state() + ")");
    }
    return s;
  }

  /** Before any work: refuses after a failed flush, then lets the binder join the container's transaction. */
  private void checkUsable() {
    requireNoFailedFlush();
    if (binder != null && !binding) {
      binding = true;
      try {
        binder.beforeUse(this);
      } finally {
        binding = false;
      }
    }
    if (suspendedConnection != null && externalOwner == null) {
      endSuspendedConnection();
    }
  }

  /** Ends the read-only transaction set aside when the session joined an external one. */
  private void endSuspendedConnection() {
    Connection c = suspendedConnection;
    suspendedConnection = null;
    c.close(); // rolls back: it only read
  }

  private void requireNoFailedFlush() {
    if (failedFlush != null) {
      throw new PendingRollbackError("this session's transaction was rolled back because a flush failed ("
          + failedFlush.getMessage() + "); call session.rollback() before using it again", failedFlush);
    }
  }
}
