package org.peergrid.grid;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user's input is wrong: a file, a field or a model element. The message always names what is
 * at fault (the element id, the file and line where there is one) and, where it can, how to fix it.
 * Command-line and server front ends print {@link #getMessage()} as one line, never a stack trace.
 */
public class ValidationException extends RuntimeException {
  private final String source;
  private final int line;
  private final String detail;

  /** An error in a model element; {@code detail} names the element. */
  public ValidationException(String detail) {
    this(null, 0, detail);
  }

  /**
   * An error in an input file.
   *
   * @param source the file (as the user named it), or null
   * @param line the 1-based line, or 0 where no line applies
   * @param detail what is wrong and, where possible, how to fix it
   */
  public ValidationException(String source, int line, String detail) {
    super(format(source, line, detail));
    this.source = source;
    this.line = line;
    this.detail = detail;
  }

  private static String format(String source, int line, String detail) {
    if (source == null) {
      return detail;
    }
    return line > 0 ? source + ":" + line + ": " + detail : source + ": " + detail;
  }

  /** The same error, attributed to a file (keeps the line). */
  public ValidationException inSource(String newSource) {
    return new ValidationException(newSource, line, detail);
  }

  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The message without file and line. */
  public String detail() {
    return detail;
  }
}
