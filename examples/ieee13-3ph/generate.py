"""Writes profiles.csv of the ieee13-3ph example: hourly load and PV forecasts of its buildings.

Deterministic shapes, no randomness: a commercial load (low at night, a working-day plateau, an
evening shoulder) and a clear-sky PV bell from 06:00 to 18:00, each scaled by the building's peak.
Run from this folder: python3 generate.py
"""
import csv
import math

# id: (load peak kW, PV peak kW)
BUILDINGS = {
    "B611c": (40, 120), "B652a": (30, 100), "B675a": (50, 150), "B675b": (30, 60),
    "B675c": (40, 80), "B645b": (35, 50), "B646c": (25, 40), "B684a": (30, 90),
    "B684c": (30, 0), "B634a": (15, 25), "B680b": (20, 70), "B671": (120, 200),
}
LOAD_SHAPE = [0.35, 0.32, 0.30, 0.30, 0.32, 0.40, 0.55, 0.75, 0.90, 0.95, 1.00, 1.00,
              0.95, 0.95, 0.95, 0.90, 0.90, 0.95, 1.00, 0.95, 0.80, 0.65, 0.50, 0.40]


def pv_shape(hour):
    """Clear-sky bell: sin² over 06:00-18:00 at the interval's middle."""
    x = (hour + 0.5 - 6) / 12
    return math.sin(math.pi * x) ** 2 if 0 < x < 1 else 0.0


with open("profiles.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["hour"] + [f"{b}_{k}" for b in BUILDINGS for k in ("load", "pv")])
    for h in range(24):
        row = [h]
        for load, pv in BUILDINGS.values():
            row += [round(load * LOAD_SHAPE[h], 3), round(pv * pv_shape(h), 3)]
        w.writerow(row)
