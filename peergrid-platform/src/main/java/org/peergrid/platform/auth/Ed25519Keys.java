package org.peergrid.platform.auth;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Ed25519 (RFC 8032). Keys are made and signed with the JDK's provider (Java 15+); signatures are
 * verified with Bouncy Castle's implementation, which takes the raw key and is about three times
 * faster than the JDK 17 one (verification is most of an offer's CPU time). Public keys travel as
 * base64 of the raw 32 bytes (what libsodium, OpenSSH and WebCrypto's "raw" export give); the JDK
 * wants X.509, so the fixed 12-byte X.509 prefix of an Ed25519 key is added here.
 */
public final class Ed25519Keys {
  private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
  private static final int RAW_LENGTH = 32;
  private static final String PEM_PRIVATE_KEY = "PRIVATE KEY";

  private Ed25519Keys() {}

  /**
   * Parses a base64 raw public key.
   *
   * @throws IllegalArgumentException when it is not base64 of 32 bytes
   */
  public static PublicKey publicKey(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the public key is not base64");
    }
    if (raw.length != RAW_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, this one " + raw.length);
    }
    byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_LENGTH);
    System.arraycopy(raw, 0, der, X509_PREFIX.length, RAW_LENGTH);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage());
    }
  }

  /** The base64 raw 32 bytes of a JDK Ed25519 public key. */
  public static String encode(PublicKey key) {
    byte[] der = key.getEncoded();
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - RAW_LENGTH, der.length));
  }

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
    }
  }

  /**
   * A PKCS#8 private key from a PEM block ({@code -----BEGIN PRIVATE KEY-----}, what
   * {@code openssl genpkey -algorithm ed25519} and {@link #pem} write) or from bare base64 (what
   * {@code PrivateKey.getEncoded()} gives, the key files of peergrid before 0.1).
   *
   * @throws IllegalArgumentException naming what the text is instead
   */
  public static PrivateKey privateKey(String pemOrBase64Pkcs8) {
    String text = pemOrBase64Pkcs8.trim();
    byte[] der;
    if (text.startsWith("-----BEGIN ")) {
      PemObject pem;
      try (PemReader reader = new PemReader(new StringReader(text))) {
        pem = reader.readPemObject();
      } catch (IOException e) {
        throw new IllegalArgumentException("a malformed PEM block: " + e.getMessage());
      }
      if (pem == null) {
        throw new IllegalArgumentException("a PEM block without its END line");
      }
      if (!pem.getType().equals(PEM_PRIVATE_KEY)) {
        throw new IllegalArgumentException("a PEM " + pem.getType() + ", not an unencrypted PKCS#8 " + PEM_PRIVATE_KEY
            + " (openssl genpkey -algorithm ed25519 writes one)");
      }
      der = pem.getContent();
    } else {
      try {
        der = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("neither a PEM " + PEM_PRIVATE_KEY + " nor base64 PKCS#8");
      }
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage());
    }
  }

  /** The key as a PEM PKCS#8 block, the form OpenSSL, Python's cryptography and Node's crypto read. */
  public static String pem(PrivateKey key) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(PEM_PRIVATE_KEY, key.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The base64 signature of the bytes. */
  public static String sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign: " + e.getMessage(), e);
    }
  }

  /** Whether a base64 signature verifies with a base64 raw public key; malformed keys or signatures do not. */
  public static boolean verify(String base64PublicKey, byte[] message, String base64Signature) {
    byte[] key;
    byte[] signature;
    try {
      key = Base64.getDecoder().decode(base64PublicKey);
      signature = Base64.getDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return key.length == RAW_LENGTH && signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, key, 0, message, 0, message.length);
  }
}
