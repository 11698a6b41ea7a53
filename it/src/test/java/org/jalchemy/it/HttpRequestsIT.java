package org.jalchemy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Through real HTTP requests to a JAX-RS resource: one Session per request, closed after it. */
@ExtendWith({DatabaseCondition.class, ArquillianExtension.class})
@RunAsClient
class HttpRequestsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.app("http-it");
  }

  @ArquillianResource
  URL base;

  private String call(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/" + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void eachRequestHasOneSessionThatClosesWithIt() throws Exception {
    call("DELETE", "probe/users/it-http");
    String answer = call("POST", "probe/users/it-http");
    assertThat(answer).matches("\\d+ shared=true");
    assertThat(call("GET", "probe/state/it-http")).as("the first request's session is closed").isEqualTo("DETACHED");
    assertThat(call("GET", "probe/users/it-http/addresses")).isEqualTo("it-http@it.org");
  }
}
