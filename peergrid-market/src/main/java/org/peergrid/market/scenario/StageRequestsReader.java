package org.peergrid.market.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Reads the scenario's {@code run} block (docs/formats.md) with the same key checks as the rest of the file. */
final class StageRequestsReader {
  // the keys each mapping allows; package-private for ScenarioSchemaTest, which holds docs/scenario.schema.json to them
  static final Set<String> BLOCK_KEYS = Set.of("uncertainty", "realtime");
  static final Set<String> UNCERTAINTY_KEYS = Set.of("method", "samples", "seed");
  static final Set<String> REALTIME_KEYS = Set.of("sample_seed", "actuals");

  private StageRequestsReader() {}

  /** @param files where an actuals file may come from */
  static StageRequests read(ScenarioNode block, ScenarioFiles files) {
    block.requireObject(BLOCK_KEYS);
    StageRequests out = StageRequests.NONE;
    Optional<ScenarioNode> u = block.optional("uncertainty");
    if (u.isPresent()) {
      out = out.withUncertainty(uncertainty(u.get().requireObject(UNCERTAINTY_KEYS)));
    }
    Optional<ScenarioNode> r = block.optional("realtime");
    if (r.isPresent()) {
      out = out.withRealtime(realtime(r.get().requireObject(REALTIME_KEYS), files));
    }
    return out;
  }

  private static StageRequests.Uncertainty uncertainty(ScenarioNode n) {
    String method = n.optional("method").map(ScenarioNode::asText).orElse(StageRequests.Uncertainty.DEFAULT_METHOD);
    int samples = n.optional("samples").map(ScenarioNode::asInt).orElse(StageRequests.Uncertainty.DEFAULT_SAMPLES);
    long seed = n.optional("seed").map(ScenarioNode::asInt).orElse((int) StageRequests.Uncertainty.DEFAULT_SEED);
    return ScenarioLoader.build(n, () -> new StageRequests.Uncertainty(method, samples, seed));
  }

  /** The actuals file must exist now, so that a run does not fail after the day-ahead market. */
  private static StageRequests.Realtime realtime(ScenarioNode n, ScenarioFiles files) {
    Optional<Long> seed = n.optional("sample_seed").map(s -> (long) s.asInt());
    Optional<Path> actuals = n.optional("actuals").map(a -> {
      Path file = files.locate(a.asText(), a, "actuals file");
      if (!Files.isRegularFile(file)) {
        throw a.error("actuals file " + files.describe(file, a.asText()) + " is not a regular file");
      }
      return file;
    });
    return ScenarioLoader.build(n, () -> new StageRequests.Realtime(actuals, seed));
  }
}
