package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.spi.HttpReply;
import java.util.List;
import java.util.Map;

/**
 * The login, consent, consents and error pages: plain server-rendered HTML, no scripts, labelled
 * fields, never framed.
 */
public final class Pages {

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

  private final String serverName;
  private final Map<String, String> scopeDescriptions;

  public Pages(String serverName, Map<String, String> scopeDescriptions) {
    this.serverName = serverName;
    this.scopeDescriptions = Map.copyOf(scopeDescriptions);
  }

  /** The login form for a pending request. */
  public HttpReply login(PendingRequests.Pending p, String path, String error) {
    String client = clientLabel(p.request());
    StringBuilder body = new StringBuilder();
    body.append("<h1>Sign in to ").append(esc(serverName)).append("</h1>\n");
    body.append("<p><strong>").append(esc(client)).append("</strong> wants to connect to your account.")
        .append(" You will be sent back to <strong>").append(esc(host(p.request().redirectUri()))).append("</strong>.</p>\n");
    if (error != null) {
      body.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>\n");
    }
    body.append("<form method=\"post\" action=\"").append(esc(path)).append("\">\n");
    hidden(body, p);
    body.append("<input type=\"hidden\" name=\"action\" value=\"login\">\n");
    body.append("<label for=\"username\">User name</label>\n")
        .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>\n");
    body.append("<label for=\"password\">Password</label>\n")
        .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n");
    body.append("<div class=\"buttons\"><button type=\"submit\">Sign in</button></div>\n</form>\n");
    return page(error == null ? 200 : 401, "Sign in", body.toString());
  }

  /** The consent form: who asks, where the answer goes, and what each scope allows. */
  public HttpReply consent(PendingRequests.Pending p, String path, String userName) {
    PendingRequests.Request r = p.request();
    StringBuilder body = new StringBuilder();
    body.append("<h1>Allow access?</h1>\n");
    body.append("<p>Signed in as <strong>").append(esc(userName)).append("</strong>.</p>\n");
    body.append("<p><strong>").append(esc(clientLabel(r))).append("</strong> wants to use <strong>")
        .append(esc(serverName)).append("</strong> on your behalf.</p>\n");
    body.append("<p>If you allow it, you will be sent to <strong class=\"host\">")
        .append(esc(host(r.redirectUri()))).append("</strong>.</p>\n");
    if (r.client().clientId().startsWith("https://")) {
      body.append("<p class=\"small\">Client identified by <code>").append(esc(r.client().clientId())).append("</code></p>\n");
    }
    body.append("<h2>It will be able to</h2>\n<ul class=\"scopes\">\n");
    if (r.scopes().isEmpty()) {
      body.append("<li>confirm who you are (no other access)</li>\n");
    }
    for (String scope : r.scopes()) {
      body.append("<li><code>").append(esc(scope)).append("</code> ").append(esc(describe(scope))).append("</li>\n");
    }
    body.append("</ul>\n<form method=\"post\" action=\"").append(esc(path)).append("\">\n");
    hidden(body, p);
    body.append("<input type=\"hidden\" name=\"action\" value=\"consent\">\n");
    body.append("<div class=\"buttons\"><button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\n")
        .append("<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">Deny</button></div>\n</form>\n");
    return page(200, "Allow access", body.toString());
  }

  /** The consents a user gave, each with a revoke button. */
  public HttpReply consents(String userName, List<Consent> consents, String csrf, String path) {
    StringBuilder body = new StringBuilder("<h1>Connected apps</h1>\n<p>Signed in as <strong>")
        .append(esc(userName)).append("</strong>.</p>\n");
    if (consents.isEmpty()) {
      body.append("<p>No app has access.</p>\n");
    }
    for (Consent c : consents) {
      body.append("<form method=\"post\" action=\"").append(esc(path)).append("\" class=\"consent\">\n")
          .append("<p><code>").append(esc(c.clientId())).append("</code>: ")
          .append(esc(String.join(", ", c.scopes().stream().sorted().toList()))).append("</p>\n")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(csrf)).append("\">\n")
          .append("<input type=\"hidden\" name=\"client_id\" value=\"").append(esc(c.clientId())).append("\">\n")
          .append("<button type=\"submit\" class=\"secondary\">Revoke</button>\n</form>\n");
    }
    return page(200, "Connected apps", body.toString());
  }

  /** An error shown to the person (when it cannot safely go back to the client). */
  public HttpReply error(int status, String message) {
    return page(status, "Cannot continue",
        "<h1>Cannot continue</h1>\n<p role=\"alert\">" + esc(message) + "</p>\n"
            + "<p>Go back to the application and try again.</p>\n");
  }

  private static void hidden(StringBuilder body, PendingRequests.Pending p) {
    body.append("<input type=\"hidden\" name=\"request_id\" value=\"").append(esc(p.id())).append("\">\n");
    body.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(p.csrf())).append("\">\n");
  }

  private String describe(String scope) {
    String text = scopeDescriptions.get(scope);
    if (text != null) {
      return "– " + text;
    }
    return scope.equals("offline_access") ? "– stay connected without asking you again" : "";
  }

  private static String clientLabel(PendingRequests.Request r) {
    String name = r.client().name();
    return name.isBlank() ? "An application (" + host(r.redirectUri()) + ")" : name;
  }

  /** The redirect URI's host (with port), or its scheme for private-use schemes. */
  static String host(String redirectUri) {
    try {
      java.net.URI uri = java.net.URI.create(redirectUri);
      if (uri.getHost() != null) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      }
      return uri.getScheme() + ":";
    } catch (IllegalArgumentException e) {
      return redirectUri;
    }
  }

  private HttpReply page(int status, String title, String content) {
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + esc(title) + " – " + esc(serverName) + "</title>\n<style>" + STYLE + "</style>\n</head>\n"
        + "<body>\n<main>\n" + content + "</main>\n</body>\n</html>\n";
    return HttpReply.html(status, html)
        .with("Content-Security-Policy", CSP)
        .with("X-Frame-Options", "DENY")
        .with("X-Content-Type-Options", "nosniff")
        .with("Referrer-Policy", "same-origin");
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  public static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f4f5f7;color:#1d2330;margin:0}"
          + "main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:10px;"
          + "box-shadow:0 1px 4px rgba(0,0,0,.12)}h1{font-size:1.4rem;margin-top:0}h2{font-size:1.05rem}"
          + "label{display:block;margin:1rem 0 .3rem;font-weight:600}"
          + "input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #8a93a6;border-radius:6px}"
          + "input:focus,button:focus{outline:3px solid #4c7cf0;outline-offset:2px}"
          + ".buttons{display:flex;gap:.6rem;margin-top:1.4rem}"
          + "button{padding:.6rem 1.2rem;font-size:1rem;border-radius:6px;border:0;background:#2452c8;color:#fff;cursor:pointer}"
          + "button.secondary{background:#e4e7ee;color:#1d2330}.error{color:#a40e26;font-weight:600}"
          + ".scopes li{margin:.4rem 0}code{background:#eef0f4;padding:.1rem .3rem;border-radius:4px}"
          + ".small{font-size:.85rem;color:#4a5263;word-break:break-all}.host{overflow-wrap:anywhere}";
}
