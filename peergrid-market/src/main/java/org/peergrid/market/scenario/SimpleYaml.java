package org.peergrid.market.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A reader for the plain subset of YAML that scenario files are written in, without SnakeYAML:
 * block mappings and sequences by indentation, one-line flow mappings and sequences, comments,
 * quoted strings without escapes, and plain scalars that are unambiguously a whole number
 * ({@code -12}), a decimal ({@code 0.95}), {@code true}/{@code false} or text ({@code R0001_load},
 * {@code ../feeders/case33bw.m}, {@code pem2m+1}, {@code my community}). Reading a 1,000-building scenario through
 * SnakeYAML's scanner and the regular expressions of its scalar resolution was most of the
 * scenario's reading time (docs/benchmarks.md, "After yaml17").
 *
 * <p>{@link #parse} returns the same tree and key lines as {@link LocatedTree}'s reading through
 * Jackson, or null for any text that leaves the subset (anchors, tags, block scalars, escapes,
 * multi-line flow collections, tabs, empty values, duplicate keys, numbers in other notations,
 * YAML 1.1's yes/no/on/off, anything malformed): those are read through Jackson, which also words
 * every error, so no message changes. {@code SimpleYamlTest} holds both readers to the same result
 * on every example and on seeded random edits of them.
 */
final class SimpleYaml {
  /** The text leaves the subset; thrown inside, never out of {@link #parse}. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Plain scalars that YAML 1.1 resolvers read as booleans or null in some spelling. */
  private static final Set<String> SPECIAL_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  // the significant lines: indentation, content without the comment and trailing spaces, line number
  private final List<Integer> indents = new ArrayList<>();
  private final List<String> contents = new ArrayList<>();
  private final List<Integer> lineNumbers = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();
  private int at;

  private SimpleYaml() {}

  /** The document's tree and key lines, or null when the text is not in the subset. */
  static LocatedTree parse(String text) {
    try {
      SimpleYaml reader = new SimpleYaml();
      reader.split(text);
      if (reader.contents.isEmpty() || reader.indents.get(0) != 0) {
        return null;
      }
      JsonNode root = reader.block(0, "");
      if (reader.at != reader.contents.size()) {
        return null;
      }
      return new LocatedTree(root, Collections.unmodifiableMap(reader.lines));
    } catch (Unsupported e) {
      return null;
    }
  }

  private void split(String text) {
    if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.startsWith("\uFEFF")) {
      throw UNSUPPORTED;
    }
    int lineNumber = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNumber++;
      String line = text.substring(start, end);
      start = end + 1;
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      String content = withoutComment(line, indent);
      if (content.isEmpty()) {
        continue;
      }
      if (indent == 0 && (content.startsWith("---") || content.startsWith("...") || content.startsWith("%"))) {
        throw UNSUPPORTED;
      }
      indents.add(indent);
      contents.add(content);
      lineNumbers.add(lineNumber);
    }
  }

  /** The line from {@code from} up to a comment ({@code #} at the start or after a space, outside quotes), trimmed. */
  private static String withoutComment(String line, int from) {
    char quote = 0;
    int end = line.length();
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == from || line.charAt(i - 1) == ' ')) {
        end = i;
        break;
      }
    }
    while (end > from && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(from, end);
  }

  /** The block node whose first line is the current one, at indentation {@code indent}. */
  private JsonNode block(int indent, String path) {
    return isSequenceItem(contents.get(at)) ? sequence(indent, path) : mapping(indent, path);
  }

  private static boolean isSequenceItem(String content) {
    return content.startsWith("- ") || content.equals("-");
  }

  private JsonNode mapping(int indent, String path) {
    ObjectNode object = NODES.objectNode();
    while (at < contents.size() && indents.get(at) == indent && !isSequenceItem(contents.get(at))) {
      String content = contents.get(at);
      int line = lineNumbers.get(at);
      int colon = keyEnd(content, 0);
      if (colon < 0 || (colon + 1 < content.length() && content.charAt(colon + 1) != ' ')) {
        throw UNSUPPORTED;
      }
      String key = key(content, 0, colon);
      String child = path.isEmpty() ? key : path + "." + key;
      if (object.has(key)) {
        throw UNSUPPORTED; // Jackson's reading words the duplicate key's error
      }
      lines.put(child, line);
      String rest = content.substring(colon + 1).trim();
      at++;
      if (!rest.isEmpty()) {
        object.set(key, inline(rest, child, line));
      } else if (at < contents.size() && (indents.get(at) > indent
          || (indents.get(at) == indent && isSequenceItem(contents.get(at))))) {
        object.set(key, block(indents.get(at), child));
      } else {
        throw UNSUPPORTED; // an empty value (null)
      }
    }
    if (at < contents.size() && indents.get(at) > indent) {
      throw UNSUPPORTED; // indented further than its mapping: malformed
    }
    return object;
  }

  private JsonNode sequence(int indent, String path) {
    ArrayNode array = NODES.arrayNode();
    while (at < contents.size() && indents.get(at) == indent && isSequenceItem(contents.get(at))) {
      String content = contents.get(at);
      int line = lineNumbers.get(at);
      if (content.equals("-")) {
        throw UNSUPPORTED;
      }
      int itemStart = 2;
      while (content.charAt(itemStart) == ' ') {
        itemStart++;
      }
      String item = content.substring(itemStart);
      String child = path + "[" + array.size() + "]";
      lines.put(child, line);
      if (isSequenceItem(item)) {
        throw UNSUPPORTED;
      }
      int colon = keyEnd(item, 0);
      if (colon >= 0 && (colon + 1 == item.length() || item.charAt(colon + 1) == ' ')) {
        // "- key: value": a mapping whose keys stand at the item's column
        contents.set(at, item);
        indents.set(at, indent + itemStart);
        array.add(mapping(indent + itemStart, child));
      } else {
        array.add(inline(item, child, line));
        at++;
      }
    }
    if (at < contents.size() && indents.get(at) > indent) {
      throw UNSUPPORTED;
    }
    return array;
  }

  /** The colon after a key starting at {@code from} (plain or quoted), or -1 when none is there. */
  private static int keyEnd(String s, int from) {
    int i = from;
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      int close = s.indexOf(s.charAt(i), i + 1);
      if (close < 0) {
        return -1;
      }
      i = close + 1;
    } else {
      if (i >= s.length() || !(Character.isLetter(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
        return -1;
      }
      while (i < s.length() && isKeyChar(s.charAt(i))) {
        i++;
      }
    }
    return i < s.length() && s.charAt(i) == ':' ? i : -1;
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  private static String key(String s, int from, int colon) {
    char first = s.charAt(from);
    if (first == '"' || first == '\'') {
      return quoted(s.substring(from, colon));
    }
    String key = s.substring(from, colon);
    if (SPECIAL_WORDS.contains(key.toLowerCase(Locale.ROOT))) {
      throw UNSUPPORTED;
    }
    return key;
  }

  /** A value on the rest of a line: a flow collection, a quoted string or a plain scalar (spaces allowed). */
  private JsonNode inline(String s, String path, int line) {
    char first = s.charAt(0);
    if (first == '{' || first == '[') {
      Flow flow = new Flow(s, line);
      JsonNode node = flow.value(path);
      flow.spaces();
      if (flow.i != s.length()) {
        throw UNSUPPORTED;
      }
      return node;
    }
    if (first == '"' || first == '\'') {
      return NODES.textNode(quoted(s));
    }
    return plain(s, true);
  }

  /** A whole quoted string without escapes or inner quotes. */
  private static String quoted(String s) {
    char quote = s.charAt(0);
    if (s.length() < 2 || s.charAt(s.length() - 1) != quote || s.indexOf(quote, 1) != s.length() - 1
        || (quote == '"' && s.indexOf('\\') >= 0)) {
      throw UNSUPPORTED;
    }
    return s.substring(1, s.length() - 1);
  }

  /** A plain scalar as YAML 1.1's resolution (SnakeYAML's, through Jackson) reads it, or unsupported. */
  private static JsonNode plain(String s, boolean spacesAllowed) {
    if (isWhole(s)) {
      return NODES.numberNode(Long.parseLong(s));
    }
    if (isDecimal(s)) {
      return NODES.numberNode(Double.parseDouble(s));
    }
    if (s.equals("true") || s.equals("false")) {
      return NODES.booleanNode(s.equals("true"));
    }
    char first = s.charAt(0);
    boolean startsAsText = first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_'
        || first == '/' || (first == '.' && s.indexOf('/') > 0);
    if (!startsAsText || SPECIAL_WORDS.contains(s.toLowerCase(Locale.ROOT))) {
      throw UNSUPPORTED;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = isKeyChar(c) || c == '.' || c == '/' || c == '+' || (c == ' ' && spacesAllowed && s.charAt(i - 1) != ' ');
      if (!ok) {
        throw UNSUPPORTED;
      }
    }
    return NODES.textNode(s);
  }

  /** {@code -?(0|[1-9][0-9]*)}, at most 18 digits (a long). */
  private static boolean isWhole(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int digits = s.length() - i;
    if (digits < 1 || digits > 18 || (s.charAt(i) == '0' && digits > 1)) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code -?(0|[1-9][0-9]*)\.[0-9]+}. */
  private static boolean isDecimal(String s) {
    int dot = s.indexOf('.');
    if (dot < 0 || dot == s.length() - 1 || !isWhole(s.substring(0, dot)) || s.startsWith("-", dot + 1)) {
      return false;
    }
    for (int i = dot + 1; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A flow collection on one line. */
  private final class Flow {
    private final String s;
    private final int line;
    private int i;

    Flow(String s, int line) {
      this.s = s;
      this.line = line;
    }

    void spaces() {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }

    JsonNode value(String path) {
      spaces();
      if (i >= s.length()) {
        throw UNSUPPORTED;
      }
      char c = s.charAt(i);
      if (c == '{') {
        return object(path);
      }
      if (c == '[') {
        return array(path);
      }
      if (c == '"' || c == '\'') {
        int close = s.indexOf(c, i + 1);
        if (close < 0) {
          throw UNSUPPORTED;
        }
        String text = quoted(s.substring(i, close + 1));
        i = close + 1;
        return NODES.textNode(text);
      }
      int end = i;
      while (end < s.length() && ",]}: #".indexOf(s.charAt(end)) < 0) {
        end++;
      }
      if (end == i) {
        throw UNSUPPORTED;
      }
      JsonNode node = plain(s.substring(i, end), false);
      i = end;
      return node;
    }

    private JsonNode object(String path) {
      ObjectNode object = NODES.objectNode();
      i++;
      spaces();
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return object;
      }
      while (true) {
        spaces();
        int colon = keyEnd(s, i);
        if (colon < 0 || colon + 1 >= s.length() || s.charAt(colon + 1) != ' ') {
          throw UNSUPPORTED;
        }
        String key = key(s, i, colon);
        String child = path.isEmpty() ? key : path + "." + key;
        if (object.has(key)) {
          throw UNSUPPORTED;
        }
        lines.put(child, line);
        i = colon + 1;
        object.set(key, value(child));
        spaces();
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
          continue;
        }
        if (i < s.length() && s.charAt(i) == '}') {
          i++;
          return object;
        }
        throw UNSUPPORTED;
      }
    }

    private JsonNode array(String path) {
      ArrayNode array = NODES.arrayNode();
      i++;
      spaces();
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        return array;
      }
      while (true) {
        String child = path + "[" + array.size() + "]";
        lines.put(child, line);
        array.add(value(child));
        spaces();
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
          continue;
        }
        if (i < s.length() && s.charAt(i) == ']') {
          i++;
          return array;
        }
        throw UNSUPPORTED;
      }
    }
  }
}
