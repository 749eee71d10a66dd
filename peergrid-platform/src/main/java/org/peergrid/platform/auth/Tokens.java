package org.peergrid.platform.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer tokens: 256 bits, URL-safe base64, with a prefix that says whose they are. */
public final class Tokens {
  public static final String DSO_PREFIX = "dso_";
  public static final String PROSUMER_PREFIX = "pt_";
  private static final int BYTES = 32;

  private Tokens() {}

  public static String generate(String prefix, SecureRandom random) {
    byte[] b = new byte[BYTES];
    random.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
