package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.PromptResult;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.Role;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.internal.Json;
import dev.gatehouse.mcp.test.internal.Convert;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;

/**
 * A real MCP client (the official SDK's, over Streamable HTTP) with assertion-friendly results.
 *
 * <pre>{@code
 * try (TestClient client = TestClient.connect(server.url())) {
 *   ToolResult result = client.callTool("addTodo", Map.of("title", "milk"));
 *   assertFalse(result.isError());
 * }
 * }</pre>
 */
public final class TestClient implements AutoCloseable {

  private final McpSyncClient client;
  private final List<String> logs;
  private final List<Double> progress;

  private TestClient(McpSyncClient client, List<String> logs, List<Double> progress) {
    this.client = client;
    this.logs = logs;
    this.progress = progress;
  }

  /** Connects and initializes with default settings. */
  public static TestClient connect(URI url) {
    return builder(url).connect();
  }

  /** Starts configuring a client for the MCP endpoint {@code url}. */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  /** Every tool descriptor from {@code tools/list}, as JSON objects (maps and lists). */
  public List<Map<String, Object>> listTools() {
    return rpc(() -> Json.LENIENT.convertValue(client.listTools().tools(), new TypeReference<>() {}));
  }

  /** The names of the listed tools, in order. */
  public List<String> toolNames() {
    return rpc(() -> client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
  }

  /** Calls a tool; JSON-RPC errors are thrown as {@link RpcException}. */
  public ToolResult callTool(String name, Map<String, Object> arguments) {
    return rpc(
        () ->
            Convert.toolResult(
                client.callTool(
                    McpSchema.CallToolRequest.builder(name).arguments(arguments).progressToken("p-" + name).build())));
  }

  /** Reads a resource. */
  public List<ResourceContent> readResource(String uri) {
    return rpc(
        () ->
            client.readResource(new McpSchema.ReadResourceRequest(uri, null)).contents().stream()
                .map(Convert::resource)
                .toList());
  }

  /** The listed resources' URIs, then the listed templates' URI templates. */
  public List<String> resourceUris() {
    return rpc(
        () -> {
          List<String> uris = new ArrayList<>();
          client.listResources().resources().forEach(r -> uris.add(r.uri()));
          client.listResourceTemplates().resourceTemplates().forEach(t -> uris.add(t.uriTemplate()));
          return uris;
        });
  }

  /** Gets a prompt. */
  public PromptResult getPrompt(String name, Map<String, String> arguments) {
    return rpc(
        () ->
            Convert.prompt(
                client.getPrompt(
                    new McpSchema.GetPromptRequest(name, new LinkedHashMap<>(arguments), null))));
  }

  /** Completes a prompt argument. */
  public List<String> completePrompt(String prompt, String argument, String value) {
    return rpc(
        () ->
            client.completeCompletion(
                    new McpSchema.CompleteRequest(
                        new McpSchema.PromptReference(prompt),
                        new McpSchema.CompleteRequest.CompleteArgument(argument, value),
                        null,
                        null))
                .completion()
                .values());
  }

  /** Sets the level of log messages the server sends to this client. */
  public void setLogLevel(LogLevel level) {
    rpc(
        () -> {
          client.setLoggingLevel(McpSchema.LoggingLevel.valueOf(level.name()));
          return null;
        });
  }

  /** Log messages received so far, as "LEVEL: message". */
  public List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** Progress values received so far. */
  public List<Double> progress() {
    synchronized (progress) {
      return List.copyOf(progress);
    }
  }

  /** Sends a ping. */
  public void ping() {
    rpc(client::ping);
  }

  @Override
  public void close() {
    client.closeGracefully();
  }

  private static <T> T rpc(Supplier<T> call) {
    try {
      return call.get();
    } catch (McpHttpClientTransportAuthorizationException e) {
      var info = e.getResponseInfo();
      throw new AuthorizationException(
          info == null ? 0 : info.statusCode(),
          info == null ? null : info.headers().firstValue("WWW-Authenticate").orElse(null));
    } catch (McpError e) {
      McpSchema.JSONRPCResponse.JSONRPCError error = e.getJsonRpcError();
      throw new RpcException(error == null ? 0 : error.code(), error == null ? e.getMessage() : error.message());
    }
  }

  /** Configures a {@link TestClient}. */
  public static final class Builder {
    private final URI url;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Function<ElicitationRequest, Elicitation> elicitation;
    private Function<Sampling, Sampling.Result> sampling;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(URI url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Answers the server's elicitation requests (and declares the capability). */
    public Builder onElicitation(Function<ElicitationRequest, Elicitation> handler) {
      this.elicitation = handler;
      return this;
    }

    /** Answers the server's sampling requests (and declares the capability). */
    public Builder onSampling(Function<Sampling, Sampling.Result> handler) {
      this.sampling = handler;
      return this;
    }

    /** A header sent with every request, e.g. {@code Authorization}. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Connects and initializes. */
    public TestClient connect() {
      String base = url.getScheme() + "://" + url.getRawAuthority();
      HttpClientStreamableHttpTransport.Builder transport =
          HttpClientStreamableHttpTransport.builder(base).endpoint(url.getRawPath()).jsonMapper(Json.MCP);
      if (!headers.isEmpty()) {
        transport.httpRequestCustomizer(
            (request, method, uri, body, context) -> headers.forEach(request::header));
      }
      List<String> logs = Collections.synchronizedList(new ArrayList<>());
      List<Double> progress = Collections.synchronizedList(new ArrayList<>());
      McpClient.SyncSpec spec =
          McpClient.sync(transport.build())
              .requestTimeout(requestTimeout)
              .jsonSchemaValidator(Json.VALIDATOR)
              .clientInfo(McpSchema.Implementation.builder("gatehouse-test", "1").build())
              .loggingConsumer(n -> logs.add(n.level().name() + ": " + n.data()))
              .progressConsumer(n -> progress.add(n.progress()));
      McpSchema.ClientCapabilities.Builder caps = McpSchema.ClientCapabilities.builder();
      if (elicitation != null) {
        caps.elicitation();
        spec.elicitation(
            request -> {
              Elicitation answer =
                  elicitation.apply(new ElicitationRequest(request.message(), request.requestedSchema()));
              return new McpSchema.ElicitResult(
                  McpSchema.ElicitResult.Action.valueOf(answer.action().name()),
                  answer.accepted() ? answer.content() : null,
                  null);
            });
      }
      if (sampling != null) {
        caps.sampling();
        spec.sampling(
            request -> {
              List<Sampling.Message> messages =
                  request.messages().stream()
                      .map(
                          m ->
                              new Sampling.Message(
                                  m.role() == McpSchema.Role.USER ? Role.USER : Role.ASSISTANT,
                                  m.content() instanceof McpSchema.TextContent t ? t.text() : ""))
                      .toList();
              Sampling.Result answer =
                  sampling.apply(new Sampling(messages, request.systemPrompt(), request.maxTokens()));
              return McpSchema.CreateMessageResult.builder()
                  .role(answer.role() == Role.USER ? McpSchema.Role.USER : McpSchema.Role.ASSISTANT)
                  .content(new McpSchema.TextContent(null, answer.text(), null))
                  .model(answer.model())
                  .build();
            });
      }
      McpSyncClient client = spec.capabilities(caps.build()).build();
      client.initialize();
      return new TestClient(client, logs, progress);
    }
  }
}
