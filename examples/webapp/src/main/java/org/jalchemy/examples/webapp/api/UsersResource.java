package org.jalchemy.examples.webapp.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jalchemy.examples.webapp.Directory;

/**
 * The JSON API: {@code GET /api/users}, {@code GET /api/users/{name}}, {@code POST /api/users},
 * {@code DELETE /api/users/{name}}.
 */
@Path("api/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
  @Inject Directory directory;

  @GET
  public List<UserView> list() {
    return directory.all().stream().map(UserView::of).toList();
  }

  @GET
  @Path("{name}")
  public Response one(@PathParam("name") String name) {
    return directory.named(name).map(u -> Response.ok(UserView.of(u)))
        .orElse(Response.status(Response.Status.NOT_FOUND).entity(new Problem("no user named " + name))).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewUser body) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      return Response.status(Response.Status.BAD_REQUEST).entity(new Problem("a user needs a name")).build();
    }
    if (directory.named(body.name()).isPresent()) {
      return Response.status(Response.Status.CONFLICT).entity(new Problem("a user named " + body.name() + " exists")).build();
    }
    UserView created = UserView.of(directory.register(body.name(), body.fullname(), body.addresses()));
    return Response.created(URI.create("api/users/" + created.name())).entity(created).build();
  }

  @DELETE
  @Path("{name}")
  public Response remove(@PathParam("name") String name) {
    return directory.remove(name) ? Response.noContent().build()
        : Response.status(Response.Status.NOT_FOUND).entity(new Problem("no user named " + name)).build();
  }

  /** An error answer: {@code {"error":"…"}}. */
  public record Problem(String error) {}
}
