package org.peergrid.cli;

/**
 * A CSV text written exactly as commons-csv's {@code CSVPrinter} with {@code CSVFormat.DEFAULT} and
 * {@code '\n'} as record separator writes it (the report files' format, docs/formats.md), without
 * CSVPrinter's per-field machinery: formatting the 1,000-building report's ~400,000 fields through
 * CSVPrinter was most of the formatting step (docs/benchmarks.md, "After oneshot3").
 *
 * <p>CSVPrinter's minimal quoting, which this repeats: a field is written between double quotes
 * when it is empty and first in its record (else an empty line would have no field), when its
 * first character is at most {@code '#'} (space, control characters, {@code !}, {@code "} and the
 * comment character), when it contains a comma, a double quote, CR or LF, or when its last
 * character is at most a space; inside quotes a double quote is doubled. {@code null} is written as nothing, never quoted. Other objects are written as their
 * {@code toString()}. {@code CsvTextTest} compares it with CSVPrinter on random fields.
 */
public final class CsvText {
  private static final char QUOTE = '"';
  private static final char DELIMITER = ',';
  private static final char COMMENT = '#';

  private final StringBuilder text = new StringBuilder(1 << 12);
  private boolean newRecord = true;

  /** A text that starts with the header record. */
  public CsvText(String... header) {
    printRecord((Object[]) header);
  }

  /** One record. */
  public void printRecord(Object... values) {
    for (Object v : values) {
      print(v);
    }
    println();
  }

  /** One record. */
  public void printRecord(Iterable<?> values) {
    for (Object v : values) {
      print(v);
    }
    println();
  }

  /** One field of the current record. */
  public void print(Object value) {
    if (!newRecord) {
      text.append(DELIMITER);
    }
    if (value == null) {
      newRecord = false;
      return;
    }
    CharSequence field = value instanceof CharSequence c ? c : value.toString();
    if (needsQuotes(field, newRecord)) {
      text.append(QUOTE);
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == QUOTE) {
          text.append(QUOTE);
        }
        text.append(c);
      }
      text.append(QUOTE);
    } else {
      text.append(field);
    }
    newRecord = false;
  }

  /** Ends the current record. */
  public void println() {
    text.append('\n');
    newRecord = true;
  }

  private static boolean needsQuotes(CharSequence field, boolean first) {
    int len = field.length();
    if (len == 0) {
      return first;
    }
    if (field.charAt(0) <= COMMENT) {
      return true;
    }
    for (int i = 0; i < len; i++) {
      char c = field.charAt(i);
      if (c == '\n' || c == '\r' || c == QUOTE || c == DELIMITER) {
        return true;
      }
    }
    return field.charAt(len - 1) <= ' ';
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
