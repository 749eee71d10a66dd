package org.peergrid.platform.market;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.peergrid.platform.auth.SignedBody;

/**
 * Coverage-guided fuzzing of the offer parser behind {@code POST /api/days/{day}/offers}: any request
 * body is taken or refused with an ApiException (see {@link SignedBodyFuzzing#intake}). Seeds:
 * {@code OfferIntakeFuzzTestInputs/takesOrRefusesOffers}, signed offers of the example day.
 */
class OfferIntakeFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void takesOrRefusesOffers(byte[] input) {
    SignedBodyFuzzing.intake(input, SignedBody.OFFER);
  }
}
