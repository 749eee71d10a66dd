package org.peergrid.grid.matpower;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * Coverage-guided fuzzing of the MATPOWER reader and the radial check that follows it wherever a case
 * is read (docs/platform.md, "Fuzzing"): any text, as a DSO's upload or a user's file, either reads
 * into a feeder or is refused with a {@link ValidationException}; anything else thrown, a hang or an
 * OutOfMemoryError is a finding. Seeds: {@code MatpowerCaseReaderFuzzTestInputs/readsOrRefuses}.
 */
class MatpowerCaseReaderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void readsOrRefuses(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Feeder feeder;
    try {
      feeder = MatpowerCaseReader.parse(text, "fuzz.m", "fuzz");
    } catch (ValidationException refused) {
      assertThat(refused.getMessage()).startsWith("fuzz.m");
      return;
    }
    assertThat(feeder.buses()).isNotEmpty();
    try {
      RadialNetwork network = RadialNetwork.of(feeder);
      assertThat(network.busCount()).isBetween(1, feeder.buses().size());
    } catch (ValidationException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
