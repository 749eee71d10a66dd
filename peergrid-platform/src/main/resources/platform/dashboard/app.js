// The dashboard: plain browser JavaScript against the same API as every client. Charts by uPlot
// (served by this server from its webjar, see index.html), the feeder as SVG.
"use strict";
const $ = (id) => document.getElementById(id);
const NS = "http://www.w3.org/2000/svg";
const COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"];

async function api(path, options = {}) {
  const headers = { Authorization: "Bearer " + $("token").value.trim() };
  return answer(await fetch(path, { ...options, headers }));
}

/** A public route, sent without any credential. */
async function publicApi(path) {
  return answer(await fetch(path));
}

/** The JSON body of an answer, or an Error with the API's error name, message and code. */
async function answer(response) {
  const body = await response.json();
  if (!response.ok) {
    const e = new Error(body.error ? body.error.name + ": " + body.error.message : response.status);
    e.code = body.error ? body.error.code : 0;
    throw e;
  }
  return body;
}

/** The answer of a path that gives NOT_CLEARED (4004) until there is something to show: then null. */
async function apiOrNull(path) {
  try {
    return await api(path);
  } catch (e) {
    if (e.code === 4004) return null;
    throw e;
  }
}

/** Rows of cells into a table section (tbody or tfoot), replacing what was there. */
function fillRows(section, rows) {
  section.innerHTML = "";
  rows.forEach((cells) => {
    const tr = section.insertRow();
    cells.forEach((c) => { tr.insertCell().textContent = c; });
  });
}

/** Two decimals, without a minus sign on a value that rounds to zero. */
const fixed2 = (v) => { const s = v.toFixed(2); return s === "-0.00" ? "0.00" : s; };
const money = fixed2;

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

/** The uPlot chart in each container, by the container's id (the browser test reads axes and legends here). */
const charts = {};
window.dashboardCharts = charts;

/**
 * Lines on labelled axes by uPlot, with each series' value at the cursor in the legend below:
 * x is a list of hours, series a list of {label, values}, yLabel the quantity with its unit. With
 * perInterval, each value holds from its x until the next one (prices and powers hold over an
 * interval; a battery's state of charge is a point in time and is joined by straight lines).
 */
function lineChart(id, xLabel, x, yLabel, series, decimals, perInterval = false) {
  if (charts[id]) charts[id].destroy();
  const el = $(id);
  el.innerHTML = "";
  const shown = (digits) => (u, v) => (v === null || v === undefined ? "–" : v.toFixed(digits));
  const options = {
    width: 460,
    height: 240,
    scales: { x: { time: false } },
    axes: [{ label: xLabel }, { label: yLabel, size: 64 }],
    series: [{ label: xLabel, value: shown(2) }, ...series.map((s, k) => ({
      label: s.label, stroke: COLOURS[k % COLOURS.length], width: 2, value: shown(decimals),
      points: { show: true, size: 5 }, ...(perInterval ? { paths: uPlot.paths.stepped({ align: 1 }) } : {}),
    }))],
  };
  charts[id] = new uPlot(options, [x, ...series.map((s) => s.values)], el);
}

/** The start of each interval in hours from the day's start. */
const startHours = (n, minutes) => Array.from({ length: n }, (_, t) => (t * minutes) / 60);

/**
 * The feeder as the server laid it out (GET /feeder, the layout the run report draws too): each bus
 * in its column (depth from the substation) and row, a branch down the parent's column and then
 * across, buses coloured by their price in interval t on one scale for the whole day (green the day's
 * lowest bus price, red its highest). On a three-phase day a bus is labelled by its OpenDSS name and
 * coloured by the mean of its phases' prices; its title lists each phase's price.
 */
function drawFeeder(feeder, t) {
  const el = $("feeder");
  el.innerHTML = "";
  const m = 24, rowHeight = 56, w = +el.getAttribute("width");
  const h = 2 * m + 14 + rowHeight * Math.max(feeder.rows - 1, 0);
  el.setAttribute("height", h);
  const step = feeder.columns > 1 ? (w - 2 * m) / (feeder.columns - 1) : 0;
  const at = new Map(feeder.buses.map((b) => [b.bus, [m + b.column * step, m + 4 + b.row * rowHeight]]));
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
      "data-price": feeder.cleared ? prices[k] : "", "data-column": b.column, "data-row": b.row });
    const who = hosts.has(b.bus) ? "; " + hosts.get(b.bus).join(", ") : "";
    const name = b.name ?? b.bus;
    const phases = feeder.cleared && b.phase_prices ? Object.entries(b.phase_prices)
      .map(([phase, series]) => ` ${phase} ${series[t].toFixed(4)}`).join(",") : "";
    svg(c, "title", {}, `bus ${name}` + (feeder.cleared ? `: ${prices[k].toFixed(4)} ${feeder.currency}/kWh` : "")
      + (phases ? ` (phases${phases})` : "") + who);
    svg(el, "text", { x: x - 6, y: y - 11, "font-size": 10 }, name);
  });
  if (feeder.cleared) {
    svg(el, "text", { x: m, y: h - 4 }, `the day's prices ${lo.toFixed(4)} (green) to ${hi.toFixed(4)} (red) ` +
      `${feeder.currency}/kWh; ringed buses host participants; the substation is bus ${feeder.buses[0].name ?? feeder.buses[0].bus}, on the left`);
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
  fillRows($("participants").querySelector("tbody"), participants.map((p) => {
    const s = settled.get(p.id);
    return [p.id, p.bus, p.offers, s ? money(s.cost) : "", s && s.savings !== undefined ? money(s.savings) : ""];
  }));
  await showRealtime(day, status.state);
  $("dso").hidden = false;
  const feeder = await api(`/api/days/${day}/feeder`);
  const select = $("interval");
  select.replaceChildren(...Array.from({ length: feeder.intervals }, (_, t) => new Option(String(t), String(t))));
  select.onchange = () => drawFeeder(feeder, +select.value);
  drawFeeder(feeder, 0);
  if (!view) return;
  const prices = await api(`/api/days/${day}/prices`);
  priceChart("prices", prices);
  const hours = startHours(status.intervals, status.interval_minutes);
  const batteries = view.participants.filter((p) => p.soc_kwh);
  lineChart("batteries", "end of interval (h)", hours.map((x) => x + status.interval_minutes / 60),
    "state of charge (kWh)", batteries.map((p) => ({ label: p.id, values: p.soc_kwh })), 2);
}

/** A day's public prices (GET /prices): min, mean and max over buses and the two tariffs, per interval. */
function priceChart(id, prices) {
  const rows = prices.intervals;
  lineChart(id, "interval start (h)", startHours(rows.length, prices.interval_minutes),
    `price (${prices.currency}/kWh)`, [["min", "price_min"], ["mean", "price_mean"], ["max", "price_max"],
      ["import tariff", "import_tariff"], ["export tariff", "export_tariff"]].map(([label, key]) =>
      ({ label, values: rows.map((r) => r[key]) })), 4, true);
}

/**
 * The operator's real-time settlement (GET /realtime): each prosumer's day-ahead and real-time cost,
 * its shortfall and surplus against its day-ahead position, totals, and the settlement's budget.
 */
async function showRealtime(day, state) {
  const view = state === "cleared" ? await apiOrNull(`/api/days/${day}/realtime`) : null;
  $("settle").hidden = state !== "cleared" || view !== null;
  $("realtime").hidden = view === null;
  $("rt-budget").hidden = view === null;
  if (view === null) {
    $("rt-status").textContent = state === "cleared" ? "not settled in real time yet: prosumers send their meter " +
      "readings, then settle" : "after clearing";
    return;
  }
  $("rt-status").textContent = `settled in real time; amounts in ${view.currency}, energies in kWh`;
  const row = (id, bus, reading, r) => [id, bus, reading, money(r.day_ahead_cost), money(r.realtime_cost),
    money(r.realtime_cost - r.day_ahead_cost), fixed2(r.shortfall_kwh), fixed2(r.surplus_kwh),
    money(r.deviation_payment)];
  fillRows($("realtime").querySelector("tbody"),
    view.participants.map((p) => row(p.participant, p.bus, p.reading ? "metered" : "as forecast", p)));
  fillRows($("realtime").querySelector("tfoot"), [row("total", "", "", view.totals)]);
  const b = view.budget;
  [["deviation-payments", b.deviation_payments], ["prosumer-payments", b.prosumers_deviation_payment],
    ["other-payments", b.others_deviation_payment], ["utility-bill", b.realtime_utility_bill],
    ["netting", b.netting_surplus]].forEach(([id, v]) => { $(id).textContent = money(v); });
  document.querySelectorAll("#rt-budget .currency").forEach((el) => { el.textContent = view.currency; });
}

/** A prosumer's own real-time result (GET /participants/{id}/realtime), nothing of anyone else's. */
async function showOwnRealtime(day, id) {
  const r = await apiOrNull(`/api/days/${day}/participants/${id}/realtime`);
  $("own-realtime").hidden = r === null;
  if (r === null) {
    $("own-rt").textContent = "not settled in real time yet";
    return;
  }
  $("own-rt").textContent = `real-time cost ${money(r.realtime_cost)} ${r.currency} = day-ahead ` +
    `${money(r.day_ahead_cost)} + deviations ${money(r.deviation_payment)} + battery wear change ` +
    `${money(r.degradation_change)}; ` + (r.reading_receipt ? `metered (reading ${r.reading_receipt.slice(0, 12)}…)`
      : "no reading sent: settled as forecast");
  fillRows($("own-realtime").querySelector("tbody"), r.intervals.map((x) => [x.interval, fixed2(x.day_ahead_kwh),
    fixed2(x.realtime_kwh), fixed2(x.deviation_kwh), x.deviation_price.toFixed(4), money(x.deviation_amount)]));
}

async function showProsumer(day, id) {
  const r = await api(`/api/days/${day}/participants/${id}/result`);
  $("me").textContent = id;
  $("me-day").textContent = day;
  const s = r.settlement;
  $("bill").textContent = `bill ${money(s.cost)} ${r.currency}` + (s.base_cost !== undefined ?
    `, without the community ${money(s.base_cost)}, savings ${money(s.savings)}` : "");
  fillRows($("schedule").querySelector("tbody"), r.schedule.map((row) => [row.interval, row.import_kw, row.export_kw,
    row.charge_kw, row.discharge_kw, row.generation_kw, row.bus_price].map((v, i) => i === 0 ? v : v.toFixed(i === 6 ? 4 : 2))));
  lineChart("own", "interval start (h)", startHours(r.schedule.length, r.interval_minutes), "power (kW)",
    [{ label: "import", values: r.schedule.map((x) => x.import_kw) },
      { label: "export", values: r.schedule.map((x) => x.export_kw) }], 2, true);
  await showOwnRealtime(day, id);
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
  await showHead();
  await showMarket();
}

/** The ledger's head (GET /api/ledger/head, public: sent without the credential), for anyone to note down. */
async function showHead() {
  try {
    const response = await fetch("/api/ledger/head");
    const head = await response.json();
    if (!response.ok) throw new Error(head.error ? head.error.name + ": " + head.error.message : response.status);
    $("head-seq").textContent = head.seq;
    $("head-time").textContent = head.recorded_at || "never: the ledger is empty";
    $("head-hash").textContent = head.entry_hash;
    $("head-anchor").textContent = head.anchor || "none yet";
  } catch (e) {
    $("head-anchor").textContent = "unavailable (" + e.message + ")";
  }
}

/**
 * The public landing view (GET /api/prices, no credential): every market day with its aggregate
 * prices and the energy traded; a cleared day's button charts its public prices per interval.
 */
async function showMarket() {
  try {
    const days = await publicApi("/api/prices");
    const body = $("days").querySelector("tbody");
    const four = (v) => (v === null || v === undefined ? "" : v.toFixed(4));
    fillRows(body, days.map((d) => [d.id, d.state, d.mechanism, d.gate_closure, d.participants,
      four(d.price_min), four(d.price_mean), four(d.price_max), d.currency,
      d.energy_traded_kwh === null || d.energy_traded_kwh === undefined ? "" : fixed2(d.energy_traded_kwh), ""]));
    days.forEach((d, k) => {
      if (d.state !== "cleared") return;
      const button = document.createElement("button");
      button.textContent = "prices";
      button.className = "day-prices";
      button.onclick = () => showPublicDay(d.id);
      body.rows[k].cells[10].appendChild(button);
    });
    $("market-status").textContent = days.length === 0 ? "no market day yet" : `${days.length} market days`;
  } catch (e) {
    $("market-status").textContent = "unavailable (" + e.message + ")";
  }
}

/** One day's public prices per interval, charted. */
async function showPublicDay(day) {
  try {
    const prices = await publicApi(`/api/days/${encodeURIComponent(day)}/prices`);
    $("public-day-id").textContent = day;
    $("public-day").hidden = false;
    priceChart("public-prices", prices);
  } catch (e) {
    $("market-status").textContent = e.message;
  }
}

/** A DSO action (POST), then the day shown again; a refusal stays on the page. */
async function act(what) {
  let refusal = "";
  try { await api(`/api/days/${$("day").value.trim()}/${what}`, { method: "POST" }); } catch (e) { refusal = e.message; }
  await show();
  if (refusal) $("error").textContent = refusal;
}

$("show").onclick = show;
$("head-refresh").onclick = showHead;
$("market-refresh").onclick = showMarket;
$("clear").onclick = () => act("clear");
$("settle").onclick = () => act("realtime");
$("verify").onclick = async () => {
  try {
    const v = await api("/api/ledger/verify");
    $("ledger").textContent = v.intact ? `intact (${v.entries} entries)` : `BROKEN at entry ${v.first_broken_seq}: ${v.reason}`;
  } catch (e) { $("error").textContent = e.message; }
};
showHead();
showMarket();
