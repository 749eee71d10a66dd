package org.peergrid.cli.report;

import java.util.regex.Pattern;

/** HTML text helpers. */
final class Html {
  private static final Pattern NUMBER = Pattern.compile("[-+−]?[0-9][0-9,]*(\\.[0-9]+)?\\s*%?");

  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static boolean isNumber(String cell) {
    return NUMBER.matcher(cell.trim()).matches();
  }
}
