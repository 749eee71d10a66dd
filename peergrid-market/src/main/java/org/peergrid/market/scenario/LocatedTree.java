package org.peergrid.market.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.peergrid.grid.ValidationException;

/**
 * A YAML or JSON document as a Jackson tree plus the line of every key path, so that messages can
 * say where a value stands. Jackson's own trees drop locations, hence this small builder on the
 * streaming parser; it also refuses duplicate keys, which YAML parsers otherwise resolve silently.
 */
record LocatedTree(JsonNode root, Map<String, Integer> lines) {

  static LocatedTree parse(String text, boolean json, String source) {
    if (!json) {
      LocatedTree simple = SimpleYaml.parse(text);
      if (simple != null) {
        return simple;
      }
    }
    return parseWithJackson(text, json, source);
  }

  /** Through Jackson's streaming parser (SnakeYAML's for YAML): any text, every error worded. */
  static LocatedTree parseWithJackson(String text, boolean json, String source) {
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new ValidationException(source, 0, "the file is empty; a scenario needs at least network, tariff and participants");
      }
      JsonNode root = read(parser, "", lines, source);
      // a read-only view, not Map.copyOf: copying the 10,000 lines of a 1,000-building scenario
      // took ~8 % of the parse (docs/benchmarks.md, "After yaml17")
      return new LocatedTree(root, Collections.unmodifiableMap(lines));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ValidationException(source, line, "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ValidationException(source, 0, "cannot read: " + e.getMessage());
    }
  }

  private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines, String source) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          String child = path.isEmpty() ? key : path + "." + key;
          int line = p.currentTokenLocation().getLineNr();
          if (object.has(key)) {
            throw new ValidationException(source, line, child + ": duplicate key; each key may appear once");
          }
          lines.put(child, line);
          p.nextToken();
          object.set(key, read(p, child, lines, source));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = path + "[" + i++ + "]";
          lines.put(child, p.currentTokenLocation().getLineNr());
          array.add(read(p, child, lines, source));
        }
        return array;
      }
      case VALUE_NUMBER_INT -> {
        return f.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDoubleValue());
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return f.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> throw new ValidationException(source, p.currentTokenLocation().getLineNr(),
          (path.isEmpty() ? "document" : path) + ": unsupported value " + token);
    }
  }
}
