package dev.gatehouse.bench.servers;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MCP Java SDK (2.1.0) serving the echo tool over its own stateful Streamable HTTP
 * servlet transport on Jetty 12 ee10, written by hand the way the SDK documents it: no Gatehouse
 * classes.
 *
 * <pre>
 * java -cp bench.jar dev.gatehouse.bench.servers.SdkEchoServer PORT [default|immediate]
 * </pre>
 *
 * {@code default} keeps every SDK default (sync tool handlers hop to Reactor's boundedElastic
 * scheduler, tool inputs validated against the schema); {@code immediate} adds
 * {@code immediateExecution(true)} so handlers run on the request thread. Both pass the Jackson 3
 * mapper and schema validator explicitly and turn the transport's keep-alive pings off.
 */
public final class SdkEchoServer {

  private SdkEchoServer() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int port = Integer.parseInt(args[0]);
    String variant = args.length > 1 ? args[1] : "default";
    if (!variant.equals("default") && !variant.equals("immediate")) {
      throw new IllegalArgumentException("variant must be default or immediate: " + variant);
    }

    JsonMapper jackson = JsonMapper.builder().build();
    McpJsonMapper jsonMapper = new JacksonMcpJsonMapper(jackson);
    JsonSchemaValidator validator = new DefaultJsonSchemaValidator(jackson);

    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(jsonMapper)
            .mcpEndpoint("/mcp")
            .keepAliveInterval(null) // null = no keep-alive scheduler
            .build();

    McpSchema.Tool tool =
        McpSchema.Tool.builder(
                "echo",
                Map.of(
                    "type", "object",
                    "properties", Map.of("text", Map.of("type", "string")),
                    "required", List.of("text")))
            .description("Echoes the text")
            .build();
    McpServerFeatures.SyncToolSpecification echo =
        McpServerFeatures.SyncToolSpecification.builder()
            .tool(tool)
            .callHandler(
                (exchange, request) ->
                    McpSchema.CallToolResult.builder()
                        .addTextContent(String.valueOf(request.arguments().get("text")))
                        .isError(false)
                        .build())
            .build();

    var builder =
        McpServer.sync(transport)
            .serverInfo("sdk-echo", "1.0")
            .jsonMapper(jsonMapper)
            .jsonSchemaValidator(validator)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .tools(echo);
    if (variant.equals("immediate")) {
      builder.immediateExecution(true);
    }
    McpSyncServer server = builder.build();

    BareJetty.serve(transport, port, server::close);
    // the SDK's stateful transport leaves a non-daemon thread behind
    System.exit(0);
  }
}
