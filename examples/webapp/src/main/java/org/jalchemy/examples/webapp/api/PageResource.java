package org.jalchemy.examples.webapp.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jalchemy.examples.webapp.Directory;
import org.jalchemy.examples.webapp.models.Address;
import org.jalchemy.examples.webapp.models.User;

/** A plain HTML page listing what is stored, at the context root. */
@Path("")
public class PageResource {
  @Inject Directory directory;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>jalchemy sample</title></head>"
        + "<body><h1>Users</h1>\n<table border=\"1\"><tr><th>name</th><th>full name</th><th>addresses</th></tr>\n");
    for (User u : directory.all()) {
      html.append("<tr><td>").append(escape(u.getName())).append("</td><td>").append(escape(u.getFullname()))
          .append("</td><td>");
      for (Address a : u.getAddresses()) {
        html.append(escape(a.getEmailAddress())).append("<br>");
      }
      html.append("</td></tr>\n");
    }
    return html.append("</table>\n<p>JSON: <a href=\"api/users\">api/users</a></p></body></html>\n").toString();
  }

  private static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
