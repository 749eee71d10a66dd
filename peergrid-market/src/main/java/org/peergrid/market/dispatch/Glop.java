package org.peergrid.market.dispatch;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * Access to OR-Tools' GLOP simplex solver. GLOP, not OR-Tools' HiGHS backend: through MPSolver the
 * latter returns row activities where duals are asked for, and the prices are read from duals.
 */
public final class Glop {
  private static String loadError;
  private static boolean loaded;

  private Glop() {}

  /** A new GLOP solver, or null with {@link #problem()} set when OR-Tools cannot be used. */
  public static synchronized MPSolver create(String name) {
    if (!load()) {
      return null;
    }
    MPSolver solver = new MPSolver(name, MPSolver.OptimizationProblemType.GLOP_LINEAR_PROGRAMMING);
    return solver;
  }

  /**
   * Starts loading OR-Tools' native libraries on a daemon thread of its own, so that a command's
   * main thread reads its input meanwhile (about 50 ms of CPU in place, more when OR-Tools extracts
   * them; docs/benchmarks.md, "After yaml17"). The first {@link #create} waits for the load if it is
   * still running; a failure is reported by {@link #create} and {@link #problem} as without this.
   */
  public static void loadBeside() {
    Thread thread = new Thread(Glop::load, "ortools-load");
    thread.setDaemon(true);
    thread.start();
  }

  /** Loads the native libraries once; whether they are usable. */
  private static synchronized boolean load() {
    if (!loaded && loadError == null) {
      try {
        Loader.loadNativeLibraries();
        loaded = true;
      } catch (RuntimeException | LinkageError e) {
        loadError = "OR-Tools native libraries failed to load: " + e;
      }
    }
    return loaded;
  }

  /** Why {@link #create} returned null. */
  public static synchronized String problem() {
    return loadError == null ? "OR-Tools could not create a GLOP solver" : loadError;
  }

  /**
   * A dual value or reduced cost as the derivative of the minimised objective with respect to the
   * constraint's right-hand side (or the variable's active bound). GLOP through MPSolver reports
   * exactly that for minimisation problems (checked by DualSignTest); this is the one place to
   * change should a backend use the opposite convention.
   */
  public static double marginal(double reported) {
    return reported;
  }
}
