// The dashboard: plain browser JavaScript against the same API as every client (no libraries).
"use strict";
const $ = (id) => document.getElementById(id);
const NS = "http://www.w3.org/2000/svg";
const COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"];

async function api(path, options = {}) {
  const headers = { Authorization: "Bearer " + $("token").value.trim() };
  const response = await fetch(path, { ...options, headers });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.name + ": " + body.error.message : response.status);
  return body;
}

function svg(parent, tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  parent.appendChild(el);
  return el;
}

function priceColour(value, min, max) {
  const f = max > min ? (value - min) / (max - min) : 0;
  return `rgb(${Math.round(40 + 200 * f)}, ${Math.round(170 - 120 * f)}, 80)`;
}

/** Lines on shared axes: series is a list of {name, values}. */
function lineChart(el, series, yLabel) {
  el.innerHTML = "";
  const w = +el.getAttribute("width"), h = +el.getAttribute("height"), m = 30;
  const all = series.flatMap((s) => s.values);
  const lo = Math.min(0, ...all), hi = Math.max(...all, lo + 1e-9);
  const n = Math.max(...series.map((s) => s.values.length));
  const x = (i) => m + (n > 1 ? (i * (w - 2 * m)) / (n - 1) : 0);
  const y = (v) => h - m - ((v - lo) * (h - 2 * m)) / (hi - lo);
  svg(el, "text", { x: 4, y: 12 }, yLabel + " (max " + hi.toFixed(2) + ")");
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => x(i) + "," + y(v)).join(" ");
    svg(el, "polyline", { points, fill: "none", stroke: COLOURS[k % COLOURS.length], "stroke-width": 2 });
    svg(el, "text", { x: w - 90, y: 14 + 12 * k, fill: COLOURS[k % COLOURS.length] }, s.name);
  });
}

/**
 * The feeder as the server laid it out (GET /feeder): buses at x, y in [0, 1], coloured by their
 * price in interval t on one scale for the whole day (green the day's lowest bus price, red its highest).
 */
function drawFeeder(feeder, t) {
  const el = $("feeder");
  el.innerHTML = "";
  const w = +el.getAttribute("width"), h = +el.getAttribute("height"), m = 24;
  const at = new Map(feeder.buses.map((b) => [b.bus, [m + b.x * (w - 2 * m), m + b.y * (h - 2 * m)]]));
  const prices = feeder.cleared ? feeder.buses.map((b) => b.prices[t]) : [];
  const day = feeder.cleared ? feeder.buses.flatMap((b) => b.prices) : [];
  const lo = Math.min(...day), hi = Math.max(...day);
  feeder.buses.forEach((b) => {
    if (b.parent === null) return;
    const [x1, y1] = at.get(b.parent), [x2, y2] = at.get(b.bus);
    svg(el, "polyline", { points: `${x1},${y1} ${x1},${y2} ${x2},${y2}`, fill: "none", stroke: "#99a" });
  });
  const hosts = new Map();
  feeder.participants.forEach((p) => hosts.set(p.bus, [...(hosts.get(p.bus) || []), p.id]));
  feeder.buses.forEach((b, k) => {
    const [x, y] = at.get(b.bus);
    if (hosts.has(b.bus)) svg(el, "circle", { cx: x, cy: y, r: 10, fill: "none", stroke: "#333", "stroke-width": 2 });
    const fill = feeder.cleared ? priceColour(prices[k], lo, hi) : "#bbb";
    const c = svg(el, "circle", { cx: x, cy: y, r: 7, fill, class: "bus", "data-bus": b.bus,
      "data-price": feeder.cleared ? prices[k] : "" });
    const who = hosts.has(b.bus) ? "; " + hosts.get(b.bus).join(", ") : "";
    svg(c, "title", {}, `bus ${b.bus}` + (feeder.cleared ? `: ${prices[k].toFixed(4)} ${feeder.currency}/kWh` : "") + who);
    svg(el, "text", { x: x - 6, y: y - 11, "font-size": 10 }, b.bus);
  });
  if (feeder.cleared) {
    svg(el, "text", { x: m, y: h - 4 }, `the day's prices ${lo.toFixed(4)} (green) to ${hi.toFixed(4)} (red) ` +
      `${feeder.currency}/kWh; ringed buses host participants`);
  }
}

async function showDso(day) {
  const status = await api("/api/days/" + day);
  $("dso-day").textContent = day;
  $("status").textContent = `state ${status.state}, gate closure ${status.gate_closure}, ` +
    `${status.participants} participants, ${status.offers} with offers` + (status.message ? ` (${status.message})` : "");
  const participants = await api(`/api/days/${day}/participants`);
  let view = null;
  if (status.state === "cleared") view = await api(`/api/days/${day}/clearing`);
  const settled = new Map((view ? view.participants : []).map((p) => [p.id, p]));
  const body = $("participants").querySelector("tbody");
  body.innerHTML = "";
  participants.forEach((p) => {
    const s = settled.get(p.id);
    const cells = [p.id, p.bus, p.offers, s ? s.cost.toFixed(2) : "", s && s.savings !== undefined ? s.savings.toFixed(2) : ""];
    const tr = body.insertRow();
    cells.forEach((c) => { tr.insertCell().textContent = c; });
  });
  $("dso").hidden = false;
  const feeder = await api(`/api/days/${day}/feeder`);
  const select = $("interval");
  select.replaceChildren(...Array.from({ length: feeder.intervals }, (_, t) => new Option(String(t), String(t))));
  select.onchange = () => drawFeeder(feeder, +select.value);
  drawFeeder(feeder, 0);
  if (!view) return;
  const prices = await api(`/api/days/${day}/prices`);
  lineChart($("prices"), ["price_min", "price_mean", "price_max"].map((k) =>
    ({ name: k.replace("price_", ""), values: prices.intervals.map((r) => r[k]) })), view.currency + "/kWh");
  lineChart($("batteries"), view.participants.filter((p) => p.soc_kwh).map((p) => ({ name: p.id, values: p.soc_kwh })), "kWh");
}

async function showProsumer(day, id) {
  const r = await api(`/api/days/${day}/participants/${id}/result`);
  $("me").textContent = id;
  $("me-day").textContent = day;
  const s = r.settlement;
  $("bill").textContent = `bill ${s.cost.toFixed(2)} ${r.currency}` + (s.base_cost !== undefined ?
    `, without the community ${s.base_cost.toFixed(2)}, savings ${s.savings.toFixed(2)}` : "");
  const body = $("schedule").querySelector("tbody");
  body.innerHTML = "";
  r.schedule.forEach((row) => {
    const tr = body.insertRow();
    [row.interval, row.import_kw, row.export_kw, row.charge_kw, row.discharge_kw, row.generation_kw, row.bus_price]
      .forEach((v, i) => { tr.insertCell().textContent = i === 0 ? v : v.toFixed(i === 6 ? 4 : 2); });
  });
  lineChart($("own"), [{ name: "import", values: r.schedule.map((x) => x.import_kw) },
    { name: "export", values: r.schedule.map((x) => x.export_kw) }], "kW");
  $("prosumer").hidden = false;
}

async function show() {
  $("error").textContent = "";
  $("dso").hidden = true;
  $("prosumer").hidden = true;
  const day = $("day").value.trim();
  try {
    if ($("token").value.trim().startsWith("dso_")) await showDso(day);
    else await showProsumer(day, $("participant").value.trim());
  } catch (e) {
    $("error").textContent = e.message;
  }
}

$("show").onclick = show;
$("clear").onclick = async () => {
  try { await api(`/api/days/${$("day").value.trim()}/clear`, { method: "POST" }); } catch (e) { $("error").textContent = e.message; }
  show();
};
$("verify").onclick = async () => {
  try {
    const v = await api("/api/ledger/verify");
    $("ledger").textContent = v.intact ? `intact (${v.entries} entries)` : `BROKEN at entry ${v.first_broken_seq}: ${v.reason}`;
  } catch (e) { $("error").textContent = e.message; }
};
