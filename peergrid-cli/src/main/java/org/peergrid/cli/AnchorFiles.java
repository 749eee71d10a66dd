package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peergrid.grid.ValidationException;
import org.peergrid.platform.ledger.LedgerAnchor;

/**
 * The anchors a user noted, from {@code --anchor SEQ:HASH} arguments and {@code --anchor-file} files.
 * A file holds one anchor a line: {@code SEQ:HASH}, or a JSON answer of {@code GET /api/ledger/head}
 * ({@code seq}, {@code entry_hash}) or of a receipt ({@code ledger_seq}, {@code entry_hash}) as
 * {@code curl -s URL >> FILE} appends it; blank lines and lines starting with {@code #} are skipped.
 * A malformed one is a {@link ValidationException} naming the argument, or the file and line.
 */
final class AnchorFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An anchor and where it was given: {@code --anchor} or {@code FILE:LINE}. */
  record Noted(LedgerAnchor anchor, String source) {}

  private AnchorFiles() {}

  static List<Noted> read(List<String> arguments, List<Path> files) {
    List<Noted> noted = new ArrayList<>();
    for (String argument : arguments) {
      try {
        noted.add(new Noted(LedgerAnchor.parse(argument), "--anchor"));
      } catch (IllegalArgumentException e) {
        throw new ValidationException("--anchor '" + argument + "': " + e.getMessage());
      }
    }
    for (Path file : files) {
      noted.addAll(read(file));
    }
    return noted;
  }

  private static List<Noted> read(Path file) {
    List<Noted> noted = new ArrayList<>();
    String[] lines = SignedBodyFile.text(file, "the --anchor-file").split("\r?\n", -1);
    for (int k = 0; k < lines.length; k++) {
      String line = lines[k].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        noted.add(new Noted(line.startsWith("{") ? fromJson(line) : LedgerAnchor.parse(line), file + ":" + (k + 1)));
      } catch (IllegalArgumentException e) {
        throw new ValidationException(file.toString(), k + 1, e.getMessage());
      }
    }
    if (noted.isEmpty()) {
      throw new ValidationException(file.toString(), 0, "holds no anchor; " + LedgerAnchor.HOW_TO_WRITE
          + ", one a line");
    }
    return noted;
  }

  /** An answer of GET /api/ledger/head or of a receipt, as saved from the server. */
  private static LedgerAnchor fromJson(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + "); a JSON line must be one whole"
          + " answer of GET /api/ledger/head, or " + LedgerAnchor.HOW_TO_WRITE);
    }
    JsonNode seq = node.has("seq") ? node.get("seq") : node.path("ledger_seq");
    JsonNode hash = node.path("entry_hash");
    if (!seq.isIntegralNumber() || !seq.canConvertToLong() || !hash.isTextual()) {
      throw new IllegalArgumentException("this JSON has no whole-number \"seq\" (or \"ledger_seq\") and text"
          + " \"entry_hash\"; save the answer of GET /api/ledger/head as it is, or " + LedgerAnchor.HOW_TO_WRITE);
    }
    return new LedgerAnchor(seq.asLong(), hash.asText());
  }
}
