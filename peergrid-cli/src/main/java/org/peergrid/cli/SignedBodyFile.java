package org.peergrid.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.ScenarioNode;
import org.peergrid.platform.auth.NumberBounds;
import org.peergrid.platform.auth.SignedBody;

/**
 * The JSON file of an offer or a meter reading, checked before it is signed so that a mistake is
 * named with its file, line and key here rather than as a refusal from the server. Checked: JSON
 * syntax, known keys, {@code load_kw} present, and each series ({@code load_kw}, {@code pv_kw},
 * {@code wind_kw}) a number or a list of numbers, none negative, every list as long as the others.
 * The number of intervals, and an offer's battery and shiftable load, are the server's to check.
 * Numbers are kept as the file writes them (the signature covers their decimal digits).
 */
final class SignedBodyFile {
  private static final List<String> SERIES = List.of("load_kw", "pv_kw", "wind_kw");
  private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private SignedBodyFile() {}

  /** The body to sign, as written in {@code file}; a {@link ValidationException} names what is wrong. */
  static JsonNode read(Path file, SignedBody kind, String option) {
    String text = text(file, "the " + option + " file");
    if (text.isBlank()) {
      throw new ValidationException(file.toString(), 0, "the file is empty; " + example(kind));
    }
    ScenarioNode root = ScenarioNode.parse(text, true, file.toString());
    root.requireObject(kind.keys());
    root.required(SignedBody.REQUIRED);
    ScenarioNode first = null;
    for (String key : SERIES) {
      Optional<ScenarioNode> series = root.optional(key);
      if (series.isPresent()) {
        first = checkSeries(series.get(), first);
      }
    }
    JsonNode body;
    try {
      body = EXACT.readTree(text);
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "not valid JSON: " + e.getMessage());
    }
    // the server refuses these before anything else, and signing would expand them digit by digit
    NumberBounds.firstUnbounded(body, kind.field()).ifPresent(number -> {
      throw new ValidationException(file.toString(), 0, number.path() + " " + number.why());
    });
    return body;
  }

  /** A file's text; a missing or unreadable file is the user's mistake, named as such. */
  static String text(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ValidationException(file.toString(), 0, what + " does not exist");
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read " + what + ": " + e.getMessage());
    }
  }

  /** Checks one series; returns the first list seen, whose length every later list must have. */
  private static ScenarioNode checkSeries(ScenarioNode series, ScenarioNode firstList) {
    if (series.json().isNumber()) {
      nonNegative(series);
      return firstList;
    }
    if (!series.json().isArray()) {
      throw series.error("expected a number [kW] or a list with one value per interval, got "
          + ScenarioNode.describe(series.json()));
    }
    List<ScenarioNode> values = series.elements();
    if (values.isEmpty()) {
      throw series.error("the list is empty; give one value per interval [kW]");
    }
    values.forEach(SignedBodyFile::nonNegative);
    if (firstList != null && firstList.json().size() != values.size()) {
      throw series.error("has " + values.size() + " values but " + firstList.path() + " has "
          + firstList.json().size() + "; every list has one value per interval");
    }
    return firstList == null ? series : firstList;
  }

  private static void nonNegative(ScenarioNode value) {
    if (value.asNumber() < 0) {
      throw value.error("must not be negative, got " + value.json() + " [kW]");
    }
  }

  private static String example(SignedBody kind) {
    return kind == SignedBody.READINGS ? "a reading is a JSON object such as {\"load_kw\": [20, 35, 40, 80],"
        + " \"pv_kw\": [0, 60, 80, 0]}" : "an offer is a JSON object such as {\"load_kw\": [20, 35, 40, 60]}";
  }
}
