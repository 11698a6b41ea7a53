package org.jalchemy.engine;

import java.util.List;

/**
 * What listeners learn about one execution.
 *
 * @param sql the SQL sent
 * @param parameters the parameter values, one list per row for executemany (empty when parameters are hidden)
 * @param executemany whether the statement ran once per parameter set as a JDBC batch
 * @param cached whether the compiled form came from the engine's statement cache
 */
public record ExecutionContext(String sql, List<?> parameters, boolean executemany, boolean cached) {}
