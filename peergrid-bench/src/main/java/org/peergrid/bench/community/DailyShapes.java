package org.peergrid.bench.community;

/**
 * Hourly shapes of a day, each normalised to a peak of 1, and the clear-sky PV bell. They are
 * synthetic: hand-written factors that resemble the widely published typical shapes (a residential
 * day with a small morning and a large evening peak; an office or retail day with a plateau in
 * working hours), not fitted to any data set. Index h is the hour [h, h+1) of local time.
 * examples/ieee33-community/README.md says where they come from and what they are not.
 */
public final class DailyShapes {
  /** Residential block: night base, morning peak at 7–8 h, evening maximum at 20 h. */
  static final double[] RESIDENTIAL = {
    0.45, 0.40, 0.38, 0.37, 0.38, 0.45, 0.60, 0.70, 0.65, 0.55, 0.50, 0.48,
    0.50, 0.50, 0.48, 0.48, 0.52, 0.62, 0.80, 0.95, 1.00, 0.95, 0.80, 0.60};

  /** Office or retail building: low base at night, plateau 9–17 h, ramping down in the evening. */
  static final double[] COMMERCIAL = {
    0.25, 0.24, 0.24, 0.24, 0.25, 0.27, 0.32, 0.45, 0.70, 0.90, 0.97, 1.00,
    0.98, 0.95, 0.98, 1.00, 0.95, 0.85, 0.65, 0.50, 0.40, 0.33, 0.28, 0.26};

  /** Sunrise and sunset of the clear-sky bell [h]: an equinox day at low latitude (India). */
  static final double SUNRISE_HOUR = 6.0;
  static final double SUNSET_HOUR = 18.0;
  /** Exponent that narrows the half sine towards a clear-sky irradiance curve (air mass at low sun). */
  static final double PV_BELL_EXPONENT = 1.3;
  /** AC output at solar noon per kWp: inverter, temperature and soiling losses of a hot climate. */
  static final double PV_PEAK_PER_KWP = 0.80;

  private DailyShapes() {}

  /**
   * The shape at the middle of interval t of a day split into {@code intervals} equal intervals,
   * interpolated linearly between hour midpoints (cyclically), so that 24 and 96 intervals see the
   * same day.
   */
  static double at(double[] hourly, int t, int intervals) {
    double hour = (t + 0.5) * 24.0 / intervals;
    double position = hour - 0.5;
    int below = (int) Math.floor(position);
    double fraction = position - below;
    double a = hourly[Math.floorMod(below, 24)];
    double b = hourly[Math.floorMod(below + 1, 24)];
    return a + fraction * (b - a);
  }

  /**
   * Clear-sky PV output per kWp at the middle of interval t: a half sine between sunrise and sunset,
   * raised to {@link #PV_BELL_EXPONENT}, times {@link #PV_PEAK_PER_KWP}.
   */
  static double pvPerKwp(int t, int intervals) {
    double hour = (t + 0.5) * 24.0 / intervals;
    if (hour <= SUNRISE_HOUR || hour >= SUNSET_HOUR) {
      return 0;
    }
    double sine = Math.sin(Math.PI * (hour - SUNRISE_HOUR) / (SUNSET_HOUR - SUNRISE_HOUR));
    return PV_PEAK_PER_KWP * Math.pow(sine, PV_BELL_EXPONENT);
  }
}
