package org.peergrid.grid.opendss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lexical layer of the OpenDSS script language, as far as the bundled feeders use it: splitting a
 * command's text into {@code name=value} or positional parameters (values may be grouped in
 * {@code [] () {} "" ''}), numbers with in-line RPN math ({@code (8 1000 /)}), arrays and matrices
 * whose rows are separated by {@code |} (lower triangle or full).
 */
final class DssSyntax {
  private DssSyntax() {}

  /** One parameter of a command: {@code name} is null for a positional value. */
  record Param(String name, String value) {}

  /** Splits the parameter text of one command; {@code where} prefixes error messages. */
  static List<Param> params(String text, DssLocation where) {
    List<String> tokens = new ArrayList<>();
    List<Boolean> isEquals = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
      } else if (c == '=') {
        tokens.add("=");
        isEquals.add(true);
        i++;
      } else if (closing(c) != 0) {
        char close = closing(c);
        int end = text.indexOf(close, i + 1);
        if (end < 0) {
          throw where.error("a value opened with " + c + " is not closed with " + close);
        }
        tokens.add(text.substring(i + 1, end));
        isEquals.add(false);
        i = end + 1;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',' && text.charAt(i) != '='
            && closing(text.charAt(i)) == 0) {
          i++;
        }
        tokens.add(text.substring(start, i));
        isEquals.add(false);
      }
    }
    List<Param> out = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      if (isEquals.get(k)) {
        throw where.error("'=' without a property name before it");
      }
      if (k + 1 < tokens.size() && isEquals.get(k + 1)) {
        if (k + 2 >= tokens.size() || isEquals.get(k + 2)) {
          throw where.error("property '" + tokens.get(k) + "' has no value after '='");
        }
        out.add(new Param(tokens.get(k).toLowerCase(Locale.ROOT), tokens.get(k + 2)));
        k += 2;
      } else {
        out.add(new Param(null, tokens.get(k)));
      }
    }
    return out;
  }

  private static char closing(char open) {
    return switch (open) {
      case '[' -> ']';
      case '(' -> ')';
      case '{' -> '}';
      case '"' -> '"';
      case '\'' -> '\'';
      default -> 0;
    };
  }

  /** A number, or an RPN expression of numbers and {@code + - * / ^ sqr sqrt}. */
  static double number(String value, DssLocation where, String property) {
    String v = value.trim();
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw badNumber(value, where, property);
      }
      return d;
    } catch (NumberFormatException e) {
      // fall through to RPN
    }
    String[] parts = v.split("[\\s,]+");
    double[] stack = new double[parts.length];
    int top = 0;
    for (String p : parts) {
      if (p.isEmpty()) {
        continue;
      }
      switch (p.toLowerCase(Locale.ROOT)) {
        case "+", "-", "*", "/", "^" -> {
          if (top < 2) {
            throw badNumber(value, where, property);
          }
          double b = stack[--top];
          double a = stack[--top];
          stack[top++] = switch (p) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            default -> Math.pow(a, b);
          };
        }
        case "sqrt", "sqr" -> {
          if (top < 1) {
            throw badNumber(value, where, property);
          }
          stack[top - 1] = p.equalsIgnoreCase("sqrt") ? Math.sqrt(stack[top - 1]) : stack[top - 1] * stack[top - 1];
        }
        default -> {
          try {
            stack[top++] = Double.parseDouble(p);
          } catch (NumberFormatException e) {
            throw badNumber(value, where, property);
          }
        }
      }
    }
    if (top != 1 || !Double.isFinite(stack[0])) {
      throw badNumber(value, where, property);
    }
    return stack[0];
  }

  private static RuntimeException badNumber(String value, DssLocation where, String property) {
    return where.error("property '" + property + "': '" + value + "' is not a number");
  }

  static int integer(String value, DssLocation where, String property) {
    double d = number(value, where, property);
    if (d != Math.rint(d) || Math.abs(d) > 1e6) {
      throw where.error("property '" + property + "': '" + value + "' is not a whole number");
    }
    return (int) d;
  }

  /** A number of phases: 1, 2 or 3 (the feeders this reader is for have no more). */
  static int phases(String value, DssLocation where, String property) {
    int n = integer(value, where, property);
    if (n < 1 || n > 3) {
      throw where.error("property '" + property + "': " + n + " phases; give 1, 2 or 3");
    }
    return n;
  }

  /** A strictly positive number (ratings, voltages). */
  static double positive(String value, DssLocation where, String property) {
    double d = number(value, where, property);
    if (!(d > 0)) {
      throw where.error("property '" + property + "': " + value + " must be greater than 0");
    }
    return d;
  }

  /** Yes/no values as OpenDSS reads them (first letter y/t or n/f). */
  static boolean yesNo(String value, DssLocation where, String property) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("y") || v.startsWith("t")) {
      return true;
    }
    if (v.startsWith("n") || v.startsWith("f")) {
      return false;
    }
    throw where.error("property '" + property + "': '" + value + "' is neither yes nor no");
  }

  /** The items of an array value ({@code [a b c]} after the brackets were removed). */
  static List<String> items(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.trim().split("[\\s,]+")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static double[] numbers(String value, DssLocation where, String property) {
    List<String> items = items(value);
    double[] out = new double[items.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = number(items.get(k), where, property);
    }
    return out;
  }

  /**
   * A symmetric matrix written by rows separated by {@code |}: either the lower triangle (row k has
   * k+1 entries) or every entry.
   */
  static double[][] matrix(String value, DssLocation where, String property) {
    String[] rows = value.split("\\|");
    int n = rows.length;
    double[][] m = new double[n][n];
    for (int r = 0; r < n; r++) {
      double[] row = numbers(rows[r], where, property);
      if (row.length == r + 1) {
        for (int c = 0; c <= r; c++) {
          m[r][c] = row[c];
          m[c][r] = row[c];
        }
      } else if (row.length == n) {
        System.arraycopy(row, 0, m[r], 0, n);
      } else {
        throw where.error("property '" + property + "': row " + (r + 1) + " has " + row.length
            + " entries; give the lower triangle (" + (r + 1) + ") or the full row (" + n + ")");
      }
    }
    return m;
  }
}
