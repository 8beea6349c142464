package dev.gatehouse.mcp.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthGateTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL, false",
        "'', false",
        "access_token=abc, true",
        "a=1&access_token=abc, true",
        "access_token, true",
        "access%5Ftoken=abc, true",
        "x_access_token=1, false",
        "access_tokens=1, false",
        "a=access_token, false",
        "%ZZ=1&access_token=abc, true",
        "access%ZZtoken=1, false",
        "%=1, false"
      })
  void tokensInTheQueryAreFound(String query, boolean found) {
    assertEquals(found, AuthGate.tokenInQuery(query));
  }
}
