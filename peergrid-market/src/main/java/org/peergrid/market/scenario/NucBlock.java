package org.peergrid.market.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.peergrid.grid.ValidationException;

/**
 * The scenario's optional {@code nuc} block as written (docs/formats.md), read with the file's key
 * paths; only {@code clear --mechanism p2p-nuc} uses it, so the scenario record does not carry it.
 */
public record NucBlock(String method, double tolerance, double absoluteTolerance, int maxIterations, double step,
    double surchargePrecision) {
  static final Set<String> KEYS = Set.of("method", "tolerance", "absolute_tolerance", "max_iterations", "step",
      "surcharge_precision");

  /**
   * The block of a scenario file made into settings, empty when it has none. {@code settings}
   * runs at the block, so a value it refuses is reported with the file, line and {@code nuc} path.
   */
  public static <T> Optional<T> read(Path file, Set<String> methods, NucBlock defaults,
      Function<NucBlock, T> settings) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read the scenario file: " + e.getMessage());
    }
    ScenarioNode root = ScenarioNode.parse(text, file.toString().toLowerCase().endsWith(".json"), file.toString());
    return root.optional("nuc").map(n -> {
      n.requireObject(KEYS);
      String method = n.optional("method").map(ScenarioNode::asText).orElse(defaults.method());
      if (!methods.contains(method)) {
        throw n.child("method").error("unknown method \"" + method + "\"; use one of " + methods);
      }
      return ScenarioLoader.build(n, () -> settings.apply(new NucBlock(method, n.number("tolerance", defaults.tolerance()),
          n.number("absolute_tolerance", defaults.absoluteTolerance()),
          n.optional("max_iterations").map(ScenarioNode::asInt).orElse(defaults.maxIterations()),
          n.number("step", defaults.step()), n.number("surcharge_precision", defaults.surchargePrecision()))));
    });
  }
}
