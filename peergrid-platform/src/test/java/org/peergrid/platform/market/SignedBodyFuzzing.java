package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.peergrid.platform.api.ApiException;
import org.peergrid.platform.api.ServerJsonReader;
import org.peergrid.platform.auth.SignatureVersion;
import org.peergrid.platform.auth.SignedBody;

/**
 * What the platform's fuzz tests share (docs/platform.md, "Fuzzing"): the intake's parsing steps in the
 * server's order (numbers are bounded by the envelope check before canonicalising, issue 16).
 */
public final class SignedBodyFuzzing {
  /** The seeds are signed at this instant; the intake's skew check runs against it. */
  static final Clock SIGNING_CLOCK = Clock.fixed(Instant.parse("2025-06-01T09:30:00Z"), ZoneOffset.UTC);
  /** The seeds' day has the 4 intervals of examples/scenarios/community33.yaml. */
  static final int INTERVALS = 4;
  static final int BUS = 6;
  /** The server's default per-participant limit over the seeds' day of 4 hourly intervals. */
  static final PowerCeiling CEILING =
      new PowerCeiling(IntakeLimits.DEFAULT_MAX_PARTICIPANT_KW, INTERVALS, "the fuzzing default");
  private SignedBodyFuzzing() {}

  /**
   * The intake's steps for a signed offer or readings ({@link OfferIntake#submit},
   * {@link ReadingIntake#submit}) without the caller, signature and database checks, which no fuzzed
   * input passes: envelope shape, timestamp, the canonical bytes that the signature covers, the body's
   * parser, the canonical text that is stored. Each either passes or refuses with an ApiException.
   */
  static void intake(byte[] input, SignedBody kind) {
    Optional<JsonNode> body = ServerJsonReader.object(input);
    if (body.isEmpty()) {
      return;
    }
    try {
      ObjectNode envelope = OfferIntake.envelope(body.get(), kind);
      OfferIntake.signedAt(envelope.get("timestamp").textValue(), SIGNING_CLOCK, Duration.ofMinutes(5));
      String participant = envelope.get("participant").textValue();
      assertThat(OfferParser.parse(envelope.get(kind.field()), kind, participant, BUS, INTERVALS, CEILING).loadKw().size())
          .isEqualTo(INTERVALS);
      SignatureVersion version = SignatureVersion.declaredBy(envelope).orElseThrow();
      try {
        assertThat(version.signedBytes(envelope)).isNotEmpty();
      } catch (IllegalArgumentException noCanonicalForm) { // intake refuses it as 2002
        assertThat(version).isEqualTo(SignatureVersion.RFC_8785);
        assertThat(noCanonicalForm.getMessage()).contains("unpaired UTF-16 surrogate");
        return;
      }
      assertThat(version.canonicalText(envelope)).contains("\"" + kind.field() + "\":");
    } catch (ApiException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
