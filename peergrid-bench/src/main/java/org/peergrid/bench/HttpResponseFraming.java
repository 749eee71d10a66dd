package org.peergrid.bench;

import java.nio.charset.StandardCharsets;

/**
 * Where one HTTP/1.1 response ends in a buffer, and its status: the framing the load generator needs
 * to reuse a keep-alive connection (RFC 9112 section 6: a {@code Content-Length} body, a chunked body,
 * or none for 204/304). Bodies are not decoded.
 */
final class HttpResponseFraming {
  /** Not a whole response yet. */
  static final int INCOMPLETE = -1;

  private HttpResponseFraming() {}

  /**
   * The length of the complete response at the start of {@code buf[0..length)}, or {@link #INCOMPLETE}.
   *
   * @throws IllegalStateException when the bytes are not an HTTP/1.1 response
   */
  static int responseLength(byte[] buf, int length) {
    int headerEnd = indexOf(buf, 0, length, "\r\n\r\n");
    if (headerEnd < 0) {
      return INCOMPLETE;
    }
    int bodyStart = headerEnd + 4;
    String head = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1);
    int status = status(head);
    if (status / 100 == 1 || status == 204 || status == 304) {
      return bodyStart;
    }
    long contentLength = -1;
    boolean chunked = false;
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().endsWith("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      return chunkedEnd(buf, bodyStart, length);
    }
    if (contentLength < 0) {
      throw new IllegalStateException("a response without Content-Length or chunked body cannot be framed");
    }
    long end = bodyStart + contentLength;
    return end <= length ? (int) end : INCOMPLETE;
  }

  /** The status code of a response that {@link #responseLength} framed. */
  static int status(byte[] buf) {
    int lineEnd = indexOf(buf, 0, buf.length, "\r\n");
    return status(new String(buf, 0, lineEnd < 0 ? buf.length : lineEnd, StandardCharsets.ISO_8859_1));
  }

  private static int status(String head) {
    // "HTTP/1.1 201 Created"
    if (!head.startsWith("HTTP/1.") || head.length() < 12) {
      throw new IllegalStateException("not an HTTP/1.x response: "
          + head.substring(0, Math.min(40, head.length())));
    }
    return Integer.parseInt(head.substring(9, 12));
  }

  /** The end of a chunked body starting at {@code from} (after its trailer section), or INCOMPLETE. */
  private static int chunkedEnd(byte[] buf, int from, int length) {
    int at = from;
    while (true) {
      int lineEnd = indexOf(buf, at, length, "\r\n");
      if (lineEnd < 0) {
        return INCOMPLETE;
      }
      String sizeText = new String(buf, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = sizeText.indexOf(';'); // chunk extensions
      long size = Long.parseLong((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        // trailer fields, then an empty line
        while (true) {
          int trailerEnd = indexOf(buf, at, length, "\r\n");
          if (trailerEnd < 0) {
            return INCOMPLETE;
          }
          if (trailerEnd == at) {
            return at + 2;
          }
          at = trailerEnd + 2;
        }
      }
      at += size + 2; // data and its CRLF
      if (at > length) {
        return INCOMPLETE;
      }
    }
  }

  private static int indexOf(byte[] buf, int from, int to, String ascii) {
    outer:
    for (int i = from; i <= to - ascii.length(); i++) {
      for (int j = 0; j < ascii.length(); j++) {
        if (buf[i + j] != ascii.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
