package org.jalchemy.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The sample as a user meets it: started on Liberty by the build, called over HTTP. */
class SampleAppIT {
  private static final String BASE = System.getProperty("sample.url", "http://localhost:9080/");
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path));
  }

  @Test
  void theSeededUsersAreListedAsJsonAndOnThePage() throws Exception {
    HttpResponse<String> list = send(to("api/users"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    assertThat(list.body()).contains("\"name\":\"sandy\"").contains("\"sandy@squirrelpower.org\"")
        .contains("\"name\":\"spongebob\"");

    HttpResponse<String> page = send(to(""));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Users</h1>").contains("<td>Sandy Cheeks</td>").contains("sandy@sqlalchemy.org");
  }

  @Test
  void aPostedUserIsStoredWithItsAddressesAndADuplicateIsRefused() throws Exception {
    String body = "{\"name\":\"patrick\",\"fullname\":\"Patrick Star\",\"addresses\":[\"patrick@sea.org\",\"star@sea.org\"]}";
    HttpResponse<String> created = send(to("api/users").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"name\":\"patrick\"").contains("\"id\":");

    HttpResponse<String> again = send(to("api/users").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(again.statusCode()).isEqualTo(409);

    HttpResponse<String> one = send(to("api/users/patrick"));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains("\"addresses\":[\"patrick@sea.org\",\"star@sea.org\"]");
    assertThat(send(to("")).body()).contains("<td>Patrick Star</td>");

    assertThat(send(to("api/users/patrick").DELETE()).statusCode()).isEqualTo(204);
    assertThat(send(to("api/users/patrick")).statusCode()).isEqualTo(404);
  }
}
