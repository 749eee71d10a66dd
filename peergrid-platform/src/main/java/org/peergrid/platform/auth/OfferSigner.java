package org.peergrid.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The client's side of a signed offer or reading: builds the envelope and signs its canonical encoding
 * (RFC 8785 since signature version 2; clients/python/peergrid_signer.py does the same in Python).
 */
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

  /** The envelope with the body under {@code kind}'s key and its {@code signature} field, signed by the current version. */
  public static ObjectNode sign(PrivateKey key, SignedBody kind, String day, String participant, String nonce,
      Instant timestamp, JsonNode body) {
    return sign(key, SignatureVersion.CURRENT, kind, day, participant, nonce, timestamp, body);
  }

  /**
   * The envelope signed over {@code version}'s canonical form. Version 1 (no {@value SignatureVersion#FIELD}
   * member) is what earlier clients sent; it is here for the tests that show such offers still verify.
   */
  public static ObjectNode sign(PrivateKey key, SignatureVersion version, SignedBody kind, String day,
      String participant, String nonce, Instant timestamp, JsonNode body) {
    ObjectNode envelope = JsonNodeFactory.withExactBigDecimals(true).objectNode();
    if (version != SignatureVersion.PLAIN_DECIMAL) {
      envelope.put(SignatureVersion.FIELD, version.number());
    }
    envelope.put("day", day).put("participant", participant).put("nonce", nonce)
        .put("timestamp", timestamp.toString());
    envelope.set(kind.field(), body);
    envelope.put("signature", Ed25519Keys.sign(key, version.signedBytes(envelope)));
    return envelope;
  }
}
