package org.peergrid.grid.matpower;

/**
 * Evaluates the small numeric expressions that MATPOWER case files write in place of numbers,
 * such as {@code 50/3} or {@code 12/sqrt(3)}: numbers, + - * / ^, parentheses, unary signs,
 * {@code pi}, {@code Inf} and the functions sqrt, sin, cos, acos, abs and exp. Anything else is
 * refused: a value that cannot be read exactly must never be guessed.
 */
final class MatlabExpression {
  private final String text;
  private int pos;

  private MatlabExpression(String text) {
    this.text = text;
  }

  /**
   * @return the value of {@code text}
   * @throws IllegalArgumentException with a short reason when {@code text} is not such an expression
   */
  static double evaluate(String text) {
    // Fast path: the overwhelming majority of entries are plain numbers.
    if (isPlainNumber(text)) {
      return Double.parseDouble(text);
    }
    MatlabExpression e = new MatlabExpression(text);
    double value = e.sum();
    e.skipSpaces();
    if (e.pos != text.length()) {
      throw new IllegalArgumentException("cannot read '" + text + "' as a number");
    }
    return value;
  }

  private static boolean isPlainNumber(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        return false;
      }
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException ex) {
      return false;
    }
  }

  private double sum() {
    double v = product();
    while (true) {
      skipSpaces();
      if (eat('+')) {
        v += product();
      } else if (eat('-')) {
        v -= product();
      } else {
        return v;
      }
    }
  }

  private double product() {
    double v = unary();
    while (true) {
      skipSpaces();
      if (eat('*')) {
        v *= unary();
      } else if (eat('/')) {
        v /= unary();
      } else {
        return v;
      }
    }
  }

  private double unary() {
    skipSpaces();
    if (eat('-')) {
      return -unary();
    }
    if (eat('+')) {
      return unary();
    }
    return power();
  }

  private double power() {
    double base = primary();
    skipSpaces();
    if (eat('^')) {
      return Math.pow(base, unary());
    }
    return base;
  }

  private double primary() {
    skipSpaces();
    if (eat('(')) {
      double v = sum();
      skipSpaces();
      expect(')');
      return v;
    }
    if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String name = text.substring(start, pos);
      switch (name) {
        case "pi":
          return Math.PI;
        case "Inf":
        case "inf":
          return Double.POSITIVE_INFINITY;
        default:
          break;
      }
      skipSpaces();
      expect('(');
      double arg = sum();
      skipSpaces();
      expect(')');
      switch (name) {
        case "sqrt":
          return Math.sqrt(arg);
        case "sin":
          return Math.sin(arg);
        case "cos":
          return Math.cos(arg);
        case "acos":
          return Math.acos(arg);
        case "abs":
          return Math.abs(arg);
        case "exp":
          return Math.exp(arg);
        default:
          throw new IllegalArgumentException("unknown function '" + name + "' in '" + text + "'");
      }
    }
    return number();
  }

  private double number() {
    int start = pos;
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      int digits = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == digits) {
        pos = save;
      }
    }
    if (start == pos) {
      throw new IllegalArgumentException("cannot read '" + text + "' as a number");
    }
    try {
      return Double.parseDouble(text.substring(start, pos));
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("cannot read '" + text + "' as a number");
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!eat(c)) {
      throw new IllegalArgumentException("cannot read '" + text + "' as a number (expected '" + c + "')");
    }
  }
}
