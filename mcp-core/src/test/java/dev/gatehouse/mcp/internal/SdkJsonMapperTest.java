package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The SDK must see exactly what its own parse would give, whether or not the shortcut is taken. */
class SdkJsonMapperTest {

  private static final JsonMapper GATE = JsonMapper.builder().build();
  private static final McpJsonMapper PLAIN = new JacksonMcpJsonMapper(Json.LENIENT);
  private static final TypeRef<McpSchema.CallToolRequest> CALL = new TypeRef<>() {};

  @AfterEach
  void withdraw() {
    ParsedMessage.withdraw();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hello\"}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"t\",\"arguments\":"
          + "{\"i\":7,\"l\":9007199254740993,\"big\":123456789012345678901234567890,\"d\":1.5,\"e\":-2e-3,"
          + "\"b\":true,\"n\":null,\"s\":\"é \\\"q\\\" \\u263a\",\"list\":[1,[2,{\"x\":[]}],{}],\"o\":{\"deep\":{\"er\":[false]}}},"
          + "\"_meta\":{\"progressToken\":42}}}",
      "{\"jsonrpc\":\"2.0\",\"id\":3000000000,\"method\":\"tools/call\",\"params\":{\"name\":\"no-args\"},\"extra\":1}",
      " {\"method\":\"tools/list\",\"jsonrpc\":\"2.0\",\"id\":2}\n",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5,\"reason\":\"r\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{\"action\":\"accept\",\"content\":{\"a\":1}}}"
  })
  void theShortcutGivesWhatJacksonGives(String text) throws Exception {
    McpSchema.JSONRPCMessage expected = McpSchema.deserializeJsonRpcMessage(PLAIN, text);

    ParsedMessage.offer(text, GATE.readTree(text));
    McpSchema.JSONRPCMessage actual = McpSchema.deserializeJsonRpcMessage(Json.MCP, text);

    assertEquals(expected, actual);
    assertEquals(expected.getClass(), actual.getClass());
    if (expected instanceof McpSchema.JSONRPCRequest request && "tools/call".equals(request.method())) {
      McpSchema.CallToolRequest plainCall = PLAIN.convertValue(request.params(), CALL);
      McpSchema.CallToolRequest fastCall =
          Json.MCP.convertValue(((McpSchema.JSONRPCRequest) actual).params(), CALL);
      assertEquals(plainCall, fastCall);
    }
  }

  @Test
  void theOfferedMessageIsReusedNotParsedAgain() throws Exception {
    String text = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{}}}";
    ParsedMessage.offer(text, GATE.readTree(text));
    McpSchema.JSONRPCRequest first = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(Json.MCP, text);
    McpSchema.JSONRPCRequest second = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(Json.MCP, text);
    assertSame(first.params(), second.params());
  }

  @Test
  void otherTextIsParsedAsUsual() throws Exception {
    String offered = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}";
    String other = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"other\"}}";
    ParsedMessage.offer(offered, GATE.readTree(offered));
    McpSchema.JSONRPCRequest read = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(Json.MCP, other);
    assertEquals("other", ((Map<?, ?>) read.params()).get("name"));
  }

  @Test
  void nothingIsReusedOnceWithdrawnOrOnAnotherThread() throws Exception {
    String text = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}";
    ParsedMessage.offer(text, GATE.readTree(text));
    Object offered = ((McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(Json.MCP, text)).params();

    Object[] elsewhere = new Object[1];
    Thread thread = new Thread(() -> {
      try {
        elsewhere[0] = ((McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(Json.MCP, text)).params();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    thread.start();
    thread.join();
    assertNotSame(offered, elsewhere[0]);

    ParsedMessage.withdraw();
    Object afterwards = ((McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(Json.MCP, text)).params();
    assertNotSame(offered, afterwards);
    assertEquals(offered, afterwards);
  }
}
