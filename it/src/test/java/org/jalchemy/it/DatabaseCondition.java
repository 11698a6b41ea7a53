package org.jalchemy.it;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Client side, before Arquillian deploys anything: the PostgreSQL run of the suite (system
 * property {@code it.database=postgresql}) is skipped when the server is unreachable, unless
 * {@code jalchemy.test.requireServers=true} (CI), which makes that a failure.
 */
public final class DatabaseCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!"postgresql".equals(System.getProperty("it.database"))) {
      return ConditionEvaluationResult.enabled("embedded H2");
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
      return ConditionEvaluationResult.enabled("PostgreSQL reachable");
    } catch (java.io.IOException e) {
      if (Boolean.getBoolean("jalchemy.test.requireServers")) {
        throw new AssertionError("PostgreSQL is required (jalchemy.test.requireServers) but 127.0.0.1:5432 is unreachable", e);
      }
      return ConditionEvaluationResult.disabled("PostgreSQL unreachable: " + e.getMessage());
    }
  }
}
