package org.jalchemy.examples.webapp.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the context root: the page at {@code /}, the JSON API under {@code /api}. */
@ApplicationPath("/")
public class SampleApplication extends Application {}
