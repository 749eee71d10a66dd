package org.peergrid.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** The client's side of a signed offer or reading: builds the envelope and signs its canonical encoding. */
public final class OfferSigner {
  private OfferSigner() {}

  /** A fresh 128-bit nonce in hex. */
  public static String nonce(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The envelope of an offer with its {@code signature} field. */
  public static ObjectNode sign(PrivateKey key, String day, String participant, String nonce, Instant timestamp,
      JsonNode offer) {
    return sign(key, SignedBody.OFFER, day, participant, nonce, timestamp, offer);
  }

  /** The envelope with the body under {@code kind}'s key and its {@code signature} field. */
  public static ObjectNode sign(PrivateKey key, SignedBody kind, String day, String participant, String nonce,
      Instant timestamp, JsonNode body) {
    ObjectNode envelope = JsonNodeFactory.withExactBigDecimals(true).objectNode();
    envelope.put("day", day).put("participant", participant).put("nonce", nonce)
        .put("timestamp", timestamp.toString());
    envelope.set(kind.field(), body);
    envelope.put("signature", Ed25519Keys.sign(key, CanonicalJson.bytes(envelope)));
    return envelope;
  }
}
