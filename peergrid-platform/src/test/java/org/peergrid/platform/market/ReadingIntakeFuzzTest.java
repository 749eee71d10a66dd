package org.peergrid.platform.market;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.peergrid.platform.auth.SignedBody;

/**
 * Coverage-guided fuzzing of the meter-reading parser behind {@code POST /api/days/{day}/readings}: any
 * request body is taken or refused with an ApiException (see {@link SignedBodyFuzzing#intake}). Seeds:
 * {@code ReadingIntakeFuzzTestInputs/takesOrRefusesReadings}.
 */
class ReadingIntakeFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void takesOrRefusesReadings(byte[] input) {
    SignedBodyFuzzing.intake(input, SignedBody.READINGS);
  }
}
