"""Writes scenario.yaml and profiles.csv of the european-lv-3ph example.

The 55 homes of the IEEE European LV test feeder (../feeders/opendss/european_lv) become the
market's participants, each on the bus and phase where Loads.txt puts it, its load the mean of its
1-minute profile (the file LoadShapes.txt names for its load shape; the feeder's loads are 1 kW times
the profile) over each hour; minutes.csv holds the profiles themselves (load_kw_minutes, for
peergrid realtime --validate-minutes). Every third home has 4 kWp of rooftop PV (a synthetic clear-sky bell,
06:00-18:00), every fifth a 10 kWh / 5 kW battery. Deterministic; run from this folder:
python3 generate.py
"""
import csv
import math
import re
from pathlib import Path

FEEDER = Path("../feeders/opendss/european_lv")
PV_KWP = 4.0
LOAD_RE = re.compile(r"New Load\.(\S+)\s.*Bus1=(\S+)\.(\d)\s.*kW=([\d.]+).*Yearly=(\S+)", re.IGNORECASE)
SHAPE_RE = re.compile(r"New Loadshape\.(\S+)\s.*file=([^)\s]+)\)", re.IGNORECASE)

shapes = {}
for line in (FEEDER / "LoadShapes.txt").read_text().splitlines():
    m = SHAPE_RE.search(line)
    if m:
        shapes[m.group(1).lower()] = FEEDER / m.group(2)

homes = []
for line in (FEEDER / "Loads.txt").read_text().splitlines():
    m = LOAD_RE.search(line)
    if m:
        name, bus, node, kw, shape = m.groups()
        minutes = [float(x) for x in shapes[shape.lower()].read_text().split()]
        assert len(minutes) == 1440, shape
        hourly = [float(kw) * sum(minutes[60 * h:60 * h + 60]) / 60 for h in range(24)]
        homes.append((f"H{len(homes) + 1:02d}", bus, "abc"[int(node) - 1], hourly,
                      [float(kw) * x for x in minutes]))


def pv(hour):
    x = (hour + 0.5 - 6) / 12
    return PV_KWP * math.sin(math.pi * x) ** 2 if 0 < x < 1 else 0.0


with open("profiles.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["hour"] + [f"{h[0]}_load" for h in homes] + ["pv_4kwp"])
    for hour in range(24):
        w.writerow([hour] + [round(h[3][hour], 4) for h in homes] + [round(pv(hour), 4)])

# the same profiles at 1 minute, for peergrid realtime --validate-minutes (load_kw_minutes)
with open("minutes.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["minute"] + [f"{h[0]}_load" for h in homes])
    for minute in range(1440):
        w.writerow([minute] + [round(h[4][minute], 4) for h in homes])

lines = [
    "# The IEEE European LV test feeder's 55 homes as a three-phase market (written by generate.py).",
    "version: 1",
    "name: european-lv-3ph",
    "currency: GBP",
    "network:",
    "  opendss: ../feeders/opendss/european_lv/Master.dss",
    "  background_load: false            # the feeder's loads are the homes below",
    "  vmin_pu: 0.94",
    "  vmax_pu: 1.10",
    "  unbalance_pu: 0.02",
    "tariff:",
    "  import: [" + ", ".join(["0.15"] * 7 + ["0.25"] * 9 + ["0.35"] * 4 + ["0.25"] * 2 + ["0.15"] * 2) + "]",
    "  export: 0.05",
    "participants:",
]
for i, (hid, bus, phase, _, _) in enumerate(homes):
    item = f"  - {{id: {hid}, type: building, bus: \"{bus}\", phases: [{phase}], power_factor: 0.95,"
    item += f" load_kw: {{csv: profiles.csv, column: {hid}_load}}"
    item += f", load_kw_minutes: {{csv: minutes.csv, column: {hid}_load}}"
    if i % 3 == 0:
        item += ", pv_kw: {csv: profiles.csv, column: pv_4kwp}"
    if i % 5 == 0:
        item += (", battery: {capacity_kwh: 10, charge_kw: 5, discharge_kw: 5, efficiency_charge: 0.95,"
                 " efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5}")
    lines.append(item + "}")
Path("scenario.yaml").write_text("\n".join(lines) + "\n")
print(len(homes), "homes")
