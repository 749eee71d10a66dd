package org.peergrid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseFramingTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int length(String s) {
    byte[] b = bytes(s);
    return HttpResponseFraming.responseLength(b, b.length);
  }

  @Test
  void contentLengthBodyEndsAfterItsBytes() {
    String response = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: 7\r\n\r\n{\"a\":1}";
    assertThat(length(response)).isEqualTo(response.length());
    assertThat(length(response.substring(0, response.length() - 1))).isEqualTo(HttpResponseFraming.INCOMPLETE);
    assertThat(HttpResponseFraming.status(bytes(response))).isEqualTo(201);
  }

  @Test
  void aSecondPipelinedResponseIsNotPartOfTheFirst() {
    String first = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    assertThat(length(first + "HTTP/1.1 200 OK\r\n")).isEqualTo(first.length());
  }

  @Test
  void chunkedBodyEndsAfterTheLastChunkAndTrailers() {
    String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n"
        + "Expires: never\r\n\r\n";
    assertThat(length(response)).isEqualTo(response.length());
    for (int cut = response.indexOf("\r\n\r\n") + 4; cut < response.length(); cut++) {
      assertThat(length(response.substring(0, cut))).as("cut at %d", cut).isEqualTo(HttpResponseFraming.INCOMPLETE);
    }
  }

  @Test
  void noBodyFor204AndIncompleteHeaders() {
    assertThat(length("HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n")).isEqualTo(47);
    assertThat(length("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n")).isEqualTo(HttpResponseFraming.INCOMPLETE);
  }

  @Test
  void refusesWhatIsNotAnHttpResponseOrCannotBeFramed() {
    assertThatThrownBy(() -> length("SSH-2.0-OpenSSH\r\n\r\n")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> length("HTTP/1.1 200 OK\r\n\r\nbody until close"))
        .hasMessageContaining("cannot be framed");
  }
}
