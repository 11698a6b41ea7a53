package org.jalchemy.pool;

/**
 * A snapshot of a pool.
 *
 * @param size the configured maximum number of connections
 * @param total connections currently open
 * @param idle connections open and not checked out
 * @param active connections checked out
 * @param waiting threads waiting for a connection
 */
public record PoolStatus(int size, int total, int idle, int active, int waiting) {}
