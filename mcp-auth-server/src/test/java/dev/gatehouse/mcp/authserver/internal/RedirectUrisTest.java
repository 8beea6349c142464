package dev.gatehouse.mcp.authserver.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

  @Test
  void httpsAndLoopbackHttpCanBeRegistered() {
    assertNull(RedirectUris.problem("https://app.example/cb", false));
    assertNull(RedirectUris.problem("http://127.0.0.1:8123/cb", false));
    assertNull(RedirectUris.problem("http://localhost/cb", false));
    assertNull(RedirectUris.problem("http://[::1]:9/cb", false));
  }

  @Test
  void httpOnOtherHostsIsRefused() {
    assertNotNull(RedirectUris.problem("http://app.example/cb", false));
    assertNotNull(RedirectUris.problem("http://127.0.0.1.attacker.example/cb", false));
  }

  @Test
  void fragmentsUserInfoAndScriptSchemesAreRefused() {
    assertNotNull(RedirectUris.problem("https://app.example/cb#x", false));
    assertNotNull(RedirectUris.problem("https://me:pw@app.example/cb", false));
    assertNotNull(RedirectUris.problem("javascript:alert(1)", true));
    assertNotNull(RedirectUris.problem("data:text/html,x", true));
    assertNotNull(RedirectUris.problem("/relative/cb", false));
  }

  @Test
  void privateUseSchemesNeedANativeClient() {
    assertNotNull(RedirectUris.problem("com.example.app:/cb", false));
    assertNull(RedirectUris.problem("com.example.app:/cb", true));
  }

  @Test
  void matchingIsExact() {
    List<URI> registered = List.of(URI.create("https://app.example/cb"));
    assertTrue(RedirectUris.matches("https://app.example/cb", registered, false));
    assertFalse(RedirectUris.matches("https://app.example/cb/", registered, false));
    assertFalse(RedirectUris.matches("https://app.example/cb?x=1", registered, false));
    assertFalse(RedirectUris.matches("https://APP.example/cb", registered, false));
  }

  @Test
  void aNativeClientsLoopbackRedirectMatchesAnyPort() {
    List<URI> registered = List.of(URI.create("http://127.0.0.1/callback"));
    assertTrue(RedirectUris.matches("http://127.0.0.1:51234/callback", registered, true));
    assertFalse(RedirectUris.matches("http://127.0.0.1:51234/other", registered, true));
    assertFalse(RedirectUris.matches("http://localhost:51234/callback", registered, true), "same host only");
    assertFalse(RedirectUris.matches("http://127.0.0.1:51234/callback", registered, false), "web clients: exact");
  }
}
