package org.peergrid.market.scenario;

import java.util.Set;
import java.util.TreeSet;

/** The "did you mean ...?" part of an unknown-key message. */
final class KeySuggestion {
  private KeySuggestion() {}

  /** Names the closest allowed key if it is a plausible typo, else lists the allowed keys. */
  static String suggest(String key, Set<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(allowed)) {
      int d = distance(key.toLowerCase(), candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // A typo changes a few characters; beyond a third of the key it is a different word.
    if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
      return "did you mean " + best + "?";
    }
    return "allowed keys are " + String.join(", ", new TreeSet<>(allowed));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
