package org.peergrid.grid.opendss;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;
import org.peergrid.grid.threephase.ThreePhaseResult;

/**
 * Coverage-guided fuzzing of the OpenDSS reader, the network builder and the three-phase power flow
 * (docs/platform.md, "Fuzzing"): any script either solves (with some status) or is refused with a
 * {@link ValidationException}; anything else thrown, a hang or an OutOfMemoryError is a finding.
 * Seeds: {@code DssScriptReaderFuzzTestInputs/readsOrRefuses}.
 */
class DssScriptReaderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void readsOrRefuses(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    try {
      DssCircuit circuit = DssScriptReader.parse(text, "fuzz.dss");
      PhaseNetwork net = DssNetworkBuilder.build(circuit);
      ThreePhaseResult r = new ThreePhasePowerFlow(net, new ThreePhaseParameters(1e-8, 50, true, 5)).solve();
      assertThat(r.status()).isNotNull();
      assertThat(r.network().nodeCount()).isPositive();
    } catch (ValidationException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
