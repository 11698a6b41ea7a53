/**
 * jalchemy in a CDI container: a portable extension that finds the mapped classes of the deployment
 * from the build-time index, then offers an application-scoped {@code Engine}, a request-scoped
 * {@code Session} that joins JTA transactions, the Core {@code Connection} of the session's
 * transaction and a {@link org.jalchemy.cdi.Rows} helper per mapped class, all configured from
 * MicroProfile Config ({@code jalchemy.url}, {@code jalchemy.datasource}, …; see docs/cdi.md).
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Accounts {
 *   @Inject Session session;
 *   @Transactional public void register(String name) { session.add(new User(name, null)); }
 * }
 * }</pre>
 */
package org.jalchemy.cdi;
