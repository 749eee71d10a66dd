package org.peergrid.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** The client's side of a signed offer: builds the envelope and signs its canonical encoding. */
public final class OfferSigner {
  private OfferSigner() {}

  /** A fresh 128-bit nonce in hex. */
  public static String nonce(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The envelope with its {@code signature} field. */
  public static ObjectNode sign(PrivateKey key, String day, String participant, String nonce, Instant timestamp,
      JsonNode offer) {
    ObjectNode envelope = JsonNodeFactory.withExactBigDecimals(true).objectNode();
    envelope.put("day", day).put("participant", participant).put("nonce", nonce)
        .put("timestamp", timestamp.toString());
    envelope.set("offer", offer);
    envelope.put("signature", Ed25519Keys.sign(key, CanonicalJson.bytes(envelope)));
    return envelope;
  }
}
