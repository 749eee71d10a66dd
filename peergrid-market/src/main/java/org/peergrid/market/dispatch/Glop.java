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
    if (!loaded && loadError == null) {
      try {
        Loader.loadNativeLibraries();
        loaded = true;
      } catch (RuntimeException | LinkageError e) {
        loadError = "OR-Tools native libraries failed to load: " + e;
      }
    }
    if (!loaded) {
      return null;
    }
    MPSolver solver = new MPSolver(name, MPSolver.OptimizationProblemType.GLOP_LINEAR_PROGRAMMING);
    return solver;
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
