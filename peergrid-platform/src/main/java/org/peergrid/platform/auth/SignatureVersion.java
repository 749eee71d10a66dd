package org.peergrid.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which canonical form an envelope's signature covers, named by the envelope's signed
 * {@value #FIELD} member (docs/platform.md, "Signed offers"). Offers and readings stored before
 * version 2 have no such member: they are version 1, and still verify with the form they were signed
 * over, so that a stored offer can be checked against its signature for as long as it is kept.
 */
public enum SignatureVersion {
  /** peergrid's own form (numbers as plain decimals); an envelope without {@value #FIELD}. */
  PLAIN_DECIMAL(1),
  /** RFC 8785, the JSON Canonicalization Scheme, which any language's JSON library can produce. */
  RFC_8785(2);

  /** The envelope member that names the version; it is inside the signed bytes, so it cannot be swapped. */
  public static final String FIELD = "signature_version";
  /** What {@link OfferSigner} writes. */
  public static final SignatureVersion CURRENT = RFC_8785;

  private final int number;

  SignatureVersion(int number) {
    this.number = number;
  }

  /** The number written in {@value #FIELD}. */
  public int number() {
    return number;
  }

  /**
   * The version that an envelope's {@value #FIELD} value names: version 1 when it is absent, empty
   * when it is not a version this code knows (a string, a fraction, 3).
   */
  public static Optional<SignatureVersion> declaredBy(JsonNode envelope) {
    JsonNode declared = envelope.get(FIELD);
    if (declared == null) {
      return Optional.of(PLAIN_DECIMAL);
    }
    if (!declared.isIntegralNumber() || !declared.canConvertToInt()) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(v -> v.number == declared.intValue()).findFirst();
  }

  /** The canonical text of {@code node} in this version's form. */
  public String canonicalText(JsonNode node) {
    return this == RFC_8785 ? CanonicalJson.rfc8785(node) : CanonicalJson.text(node);
  }

  /** The bytes a signature of this version covers: the canonical UTF-8 of the envelope without {@code signature}. */
  public byte[] signedBytes(ObjectNode envelope) {
    ObjectNode unsigned = envelope.deepCopy();
    unsigned.remove("signature");
    return canonicalText(unsigned).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code envelope}'s {@code signature} verifies with {@code base64PublicKey} over this
   * version's signed bytes.
   *
   * @throws IllegalArgumentException when the envelope has no canonical form of this version (a number
   *     out of bounds, an unpaired surrogate in version 2)
   */
  public boolean verifies(String base64PublicKey, ObjectNode envelope) {
    JsonNode signature = envelope.get("signature");
    return signature != null && signature.isTextual()
        && Ed25519Keys.verify(base64PublicKey, signedBytes(envelope), signature.textValue());
  }
}
