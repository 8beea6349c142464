package dev.gatehouse.examples.conformance;

import dev.gatehouse.mcp.Completion;
import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.PromptMessage;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.Role;
import java.util.List;
import java.util.stream.Stream;

/** The resources and prompts the conformance suite reads. */
public final class ConformanceResources {

  @Resource(
      uri = "test://static-text",
      name = "static-text",
      title = "Static text",
      mimeType = "text/plain",
      description = "A static text resource")
  public String staticText() {
    return "This is the content of the static text resource.";
  }

  @Resource(
      uri = "test://static-binary",
      name = "static-binary",
      title = "Static binary",
      mimeType = "image/png",
      description = "A static binary resource (a 1x1 PNG)")
  public byte[] staticBinary() {
    return Media.PNG;
  }

  @Resource(
      uri = "test://watched-resource",
      name = "watched-resource",
      title = "Watched resource",
      mimeType = "text/plain",
      description = "A resource clients may subscribe to")
  public String watched() {
    return "Watched resource content";
  }

  @Resource(
      uri = "test://template/{id}/data",
      name = "template-data",
      title = "Templated data",
      mimeType = "application/json",
      description = "Data for an id")
  public String templateData(String id) {
    return "{\"id\":\"" + id.replace("\"", "") + "\",\"templateTest\":true,\"data\":\"Data for ID: "
        + id.replace("\"", "") + "\"}";
  }

  @Prompt(name = "test_simple_prompt", description = "A prompt without arguments")
  public String simplePrompt() {
    return "This is a simple prompt for testing.";
  }

  @Prompt(name = "test_prompt_with_arguments", description = "A prompt with two arguments")
  public String promptWithArguments(
      @Param(description = "First test argument") String arg1,
      @Param(description = "Second test argument") String arg2) {
    return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
  }

  @Completion(prompt = "test_prompt_with_arguments", argument = "arg1")
  public List<String> completeArg1(String prefix) {
    return Stream.of("testValue1", "testValue2", "other").filter(v -> v.startsWith(prefix)).toList();
  }

  @Prompt(name = "test_prompt_with_embedded_resource", description = "A prompt embedding a resource")
  public List<PromptMessage> promptWithEmbeddedResource(
      @Param(description = "URI of the resource to embed") String resourceUri) {
    return List.of(
        new PromptMessage(
            Role.USER,
            Content.embedded(
                ResourceContent.text(resourceUri, "text/plain", "Embedded resource content for testing."))),
        PromptMessage.user("Please process the embedded resource above."));
  }

  @Prompt(name = "test_prompt_with_image", description = "A prompt with an image")
  public List<PromptMessage> promptWithImage() {
    return List.of(
        new PromptMessage(Role.USER, Content.image(Media.PNG, "image/png")),
        PromptMessage.user("Please analyze the image above."));
  }
}
