package org.peergrid.market.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.peergrid.grid.ValidationException;

/**
 * The scenario's optional {@code nuc} block as written (docs/formats.md), read with the file's key
 * paths; only {@code clear --mechanism p2p-nuc} uses it, so the scenario record does not carry it.
 */
public record NucBlock(String method, double tolerance, double absoluteTolerance, int maxIterations, double step) {
  static final Set<String> KEYS = Set.of("method", "tolerance", "absolute_tolerance", "max_iterations", "step");

  /** The block of a scenario file, empty when it has none. */
  public static Optional<NucBlock> read(Path file, Set<String> methods, NucBlock defaults) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read the scenario file: " + e.getMessage());
    }
    LocatedTree tree = LocatedTree.parse(text, file.toString().toLowerCase().endsWith(".json"), file.toString());
    ScenarioNode root = new ScenarioNode(tree.root(), "", tree, file.toString());
    return root.optional("nuc").map(n -> {
      n.requireObject(KEYS);
      String method = n.optional("method").map(ScenarioNode::asText).orElse(defaults.method());
      if (!methods.contains(method)) {
        throw n.child("method").error("unknown method \"" + method + "\"; use one of " + methods);
      }
      return ScenarioLoader.build(n, () -> new NucBlock(method, n.number("tolerance", defaults.tolerance()),
          n.number("absolute_tolerance", defaults.absoluteTolerance()),
          n.optional("max_iterations").map(ScenarioNode::asInt).orElse(defaults.maxIterations()),
          n.number("step", defaults.step())));
    });
  }
}
