package org.peergrid.platform.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client cannot send: a request from
 * another loopback address (127.0.0.2, ...), a malformed request line, an overlong URI or header, a
 * body that never arrives.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers (lower-case names) and body as text. */
  public record Response(int status, String head, String body) {
    /** A header's value, or null. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** Connects from {@code source} to 127.0.0.1:port. */
  public static Socket connect(String source, int port) {
    try {
      Socket s = new Socket();
      s.bind(new InetSocketAddress(source, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(30_000);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends the request text as it is and reads the response until the server closes the connection. */
  public static Response exchange(String source, int port, String request) {
    try (Socket s = connect(source, port)) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return read(s.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET with an optional bearer token, closing the connection after the answer. */
  public static Response get(String source, int port, String path, String token) {
    return exchange(source, port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n");
  }

  /** Reads one response (to the end of the stream, or of its Content-Length). */
  public static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headEnd = -1;
    long contentLength = -1;
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
          Response head = new Response(0, text.substring(0, headEnd), "");
          String length = head.header("Content-Length");
          contentLength = length == null ? -1 : Long.parseLong(length);
        }
        if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      // answer what arrived
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Response(0, text, "");
    }
    String head = text.substring(0, end);
    String[] statusLine = head.split(" ", 3);
    return new Response(Integer.parseInt(statusLine[1]), head, text.substring(end + 4));
  }
}
