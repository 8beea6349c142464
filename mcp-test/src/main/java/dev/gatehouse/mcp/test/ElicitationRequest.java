package dev.gatehouse.mcp.test;

import java.util.Map;

/**
 * What a server asked the user, as seen by a {@link TestClient} elicitation handler.
 *
 * <pre>{@code
 * TestClient.builder(url).onElicitation(req -> new Elicitation(Action.ACCEPT, Map.of("name", "Ada")))
 * }</pre>
 *
 * @param message the question
 * @param requestedSchema the JSON Schema of the expected answer
 */
public record ElicitationRequest(String message, Map<String, Object> requestedSchema) {}
