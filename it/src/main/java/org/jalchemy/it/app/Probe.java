package org.jalchemy.it.app;

import static org.jalchemy.Jalchemy.select;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jalchemy.Jalchemy;
import org.jalchemy.orm.Session;

/**
 * A JAX-RS resource with the Session injected, for the tests that go through real HTTP requests:
 * what a request stores, and what became of a previous request's objects.
 */
@Path("probe")
@Produces(MediaType.TEXT_PLAIN)
public class Probe {
  /** Objects kept across requests, to look at their state later. */
  static final Map<String, Object> KEPT = new ConcurrentHashMap<>();

  @Inject Session session;
  @Inject Accounts accounts;

  /** Registers a user in a transaction; answers the user's id and whether both beans share one Session. */
  @POST
  @Path("users/{name}")
  public String register(@PathParam("name") String name) {
    // a read before the transaction: its connection comes from outside the JTA transaction
    // (Liberty's local transaction containment) and must be set aside, not ended, while it runs
    if (!accounts.named(name).isEmpty()) {
      return "exists";
    }
    ItUser u = accounts.register(name, name + "@it.org");
    KEPT.put(name, u);
    boolean shared = session.contains(u) && accounts.session().contains(u);
    return u.getId() + " shared=" + shared;
  }

  /** Deletes a user, for a clean start on a database that outlives the test run. */
  @jakarta.ws.rs.DELETE
  @Path("users/{name}")
  public String remove(@PathParam("name") String name) {
    KEPT.remove(name);
    return String.valueOf(accounts.remove(name));
  }

  /** The state of an object a previous request registered: DETACHED once that request's session closed. */
  @GET
  @Path("state/{name}")
  public String state(@PathParam("name") String name) {
    Object o = KEPT.get(name);
    return o == null ? "none" : Jalchemy.inspect(o).state().name();
  }

  /** Loads the user in this request and touches its addresses lazily. */
  @GET
  @Path("users/{name}/addresses")
  public String addresses(@PathParam("name") String name) {
    ItUser u = session.scalars(select(ItUser.class).where(ItUser_.name.eq(name))).one();
    return String.join(",", u.getAddresses().stream().map(ItAddress::getEmailAddress).toList());
  }

  /** JAX-RS under /api of the test WAR. */
  @ApplicationPath("api")
  public static class Api extends Application {}
}
