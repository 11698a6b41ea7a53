package org.jalchemy.examples.webapp.api;

import java.util.List;

/** The body of {@code POST /api/users}: {@code {"name":"patrick","fullname":"Patrick Star","addresses":["p@sea.org"]}}. */
public record NewUser(String name, String fullname, List<String> addresses) {}
