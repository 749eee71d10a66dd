package org.peergrid.market.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peergrid.grid.ValidationException;

/**
 * A value of the scenario document (or of any other YAML or JSON input file) with its key path, so
 * that every error can name the file, the line and the path ({@code participants[2].battery.capacity_kwh}).
 */
public final class ScenarioNode {
  private final JsonNode json;
  private final String path;
  private final LocatedTree tree;
  private final String source;

  ScenarioNode(JsonNode json, String path, LocatedTree tree, String source) {
    this.json = json;
    this.path = path;
    this.tree = tree;
    this.source = source;
  }

  /**
   * The root of a YAML or JSON document.
   *
   * @throws ValidationException naming the file and line where the text is not valid YAML or JSON
   */
  public static ScenarioNode parse(String text, boolean json, String source) {
    LocatedTree tree = LocatedTree.parse(text, json, source);
    return new ScenarioNode(tree.root(), "", tree, source);
  }

  public String path() {
    return path;
  }

  public JsonNode json() {
    return json;
  }

  /** An error at this value: {@code file:line: path: detail}. */
  public ValidationException error(String detail) {
    return new ValidationException(source, line(), (path.isEmpty() ? "" : path + ": ") + detail);
  }

  public int line() {
    // The nearest enclosing path that has a recorded line.
    for (String p = path; !p.isEmpty(); p = parentPath(p)) {
      Integer line = tree.lines().get(p);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  private static String parentPath(String p) {
    int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    return cut < 0 ? "" : p.substring(0, cut);
  }

  /** Requires an object whose keys are all among {@code allowed}. */
  public ScenarioNode requireObject(Set<String> allowed) {
    if (!json.isObject()) {
      throw error("expected a mapping with keys " + new TreeSet<>(allowed) + ", got " + describe(json));
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw child(key).error("unknown key; " + KeySuggestion.suggest(key, allowed));
      }
    }
    return this;
  }

  public ScenarioNode child(String key) {
    return new ScenarioNode(json.get(key), path.isEmpty() ? key : path + "." + key, tree, source);
  }

  public boolean has(String key) {
    return json.has(key) && !json.get(key).isNull();
  }

  public Optional<ScenarioNode> optional(String key) {
    return has(key) ? Optional.of(child(key)) : Optional.empty();
  }

  public ScenarioNode required(String key) {
    if (!has(key)) {
      throw error("missing required key " + key);
    }
    return child(key);
  }

  public List<ScenarioNode> elements() {
    if (!json.isArray()) {
      throw error("expected a list, got " + describe(json));
    }
    List<ScenarioNode> out = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      out.add(new ScenarioNode(json.get(i), path + "[" + i + "]", tree, source));
    }
    return out;
  }

  public double asNumber() {
    if (!json.isNumber()) {
      throw error("expected a number, got " + describe(json));
    }
    double v = json.doubleValue();
    if (!Double.isFinite(v)) {
      throw error("expected a finite number, got " + v);
    }
    return v;
  }

  int asInt() {
    double v = asNumber();
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw error("expected a whole number, got " + v);
    }
    return (int) v;
  }

  String asText() {
    if (!json.isTextual() && !json.isNumber()) {
      throw error("expected text, got " + describe(json));
    }
    return json.asText();
  }

  boolean asBoolean() {
    if (!json.isBoolean()) {
      throw error("expected true or false, got " + describe(json));
    }
    return json.booleanValue();
  }

  double number(String key, double defaultValue) {
    return has(key) ? child(key).asNumber() : defaultValue;
  }

  public static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "text \"" + node.asText() + "\"";
    }
    return node.toString();
  }
}
