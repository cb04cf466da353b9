// Overview: totals of every agency in scope (GET /api/v1/ratios/summary), then a page of agencies with their equipment
// ratio and shortfall, legal-review share, overdue recorders and open alerts, filtered, sorted (most short first by
// default) and paged on the server (GET /api/v1/ratios; the filters live in the hash, #overview?compliant=false), a bar
// chart (inline SVG) of overdue recorders and shortfall for the page, the API's CSV of every matching agency, and docking
// timeliness per day over 30 days (GET /api/v1/timeliness, aggregated on the server from the footage index) as an SVG chart.
import { t, plural, number, percent, language } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, table, save, csvBlob, csvButton, hashParams, setHashParams, select, input, pager } from "../lib/ui.js";

const keys = ["q", "class", "compliant", "sort", "limit", "after"];

const svgNs = "http://www.w3.org/2000/svg";

function svg(tag, attributes, textContent) {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (textContent !== undefined) node.textContent = textContent;
  return node;
}

/** Horizontal bars: overdue recorders and shortfall for the 15 agencies with the most of both. */
function chart(rows) {
  const top = rows.filter(r => r.recordersOverdue + r.shortfall > 0)
    .sort((a, b) => (b.recordersOverdue + b.shortfall) - (a.recordersOverdue + a.shortfall)).slice(0, 15);
  const figure = el("figure", { id: "overview-chart" }, el("figcaption", {}, t("overview.chartTitle")));
  if (top.length === 0) { figure.append(el("p", { class: "muted" }, t("overview.chartEmpty"))); return figure; }
  const max = Math.max(...top.map(r => Math.max(r.recordersOverdue, r.shortfall)), 1);
  const label = 220, width = 760, bar = 9, rowHeight = 2 * bar + 10;
  const image = svg("svg", { class: "chart", width, height: top.length * rowHeight + 10, role: "img", "aria-label": t("overview.chartTitle") });
  top.forEach((r, i) => {
    const y = 5 + i * rowHeight;
    image.append(svg("text", { x: 4, y: y + bar + 4 }, r.agencyName.length > 16 ? r.agencyName.slice(0, 15) + "…" : r.agencyName));
    const scale = v => Math.max(1, (v / max) * (width - label - 60));
    for (const [j, key, value] of [[0, "overdue", r.recordersOverdue], [1, "shortfall", r.shortfall]]) {
      const rect = svg("rect", { x: label, y: y + j * (bar + 1), width: value ? scale(value) : 0, height: bar, class: key });
      rect.append(svg("title", {}, `${t(`overview.${key}`)}: ${number(value)}`));
      image.append(rect, svg("text", { x: label + (value ? scale(value) : 0) + 4, y: y + j * (bar + 1) + bar - 1 }, number(value)));
    }
  });
  figure.append(image, el("p", { class: "legend" },
    el("span", {}, el("i", { class: "overdue" }), t("overview.overdue")), el("span", {}, el("i", { class: "shortfall" }), t("overview.shortfall"))));
  return figure;
}

/** A day (yyyy-mm-dd, UTC+8) as the chosen language writes a short date. */
function dayLabel(day, style = "short") {
  return new Intl.DateTimeFormat(language(), style === "short" ? { month: "numeric", day: "numeric", timeZone: "Asia/Shanghai" }
    : { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(`${day}T12:00:00+08:00`));
}

/** Docking timeliness: one bar per day (share ingested within 24 h of the recording's end), a 0–100 % axis, a title per bar. */
function timeliness(report) {
  const figure = el("figure", { id: "timeliness-chart" }, el("figcaption", {}, t("timeliness.title")));
  if (report.recordings === 0) { figure.append(el("p", { class: "muted" }, t("timeliness.none"))); return figure; }
  const summary = plural("timeliness.summary", report.recordings, { within: number(report.withinDay), total: number(report.recordings), share: percent(report.share) });
  const left = 44, top = 8, height = 160, barWidth = 20, gap = 4, width = left + report.days.length * (barWidth + gap) + 8;
  const image = svg("svg", { class: "chart timeliness", width, height: top + height + 26, role: "img", "aria-label": `${t("timeliness.title")}. ${summary}` });
  image.append(svg("desc", {}, report.days.map(d => d.share === null ? t("timeliness.noData", { day: dayLabel(d.day, "long") })
    : t("timeliness.day", { day: dayLabel(d.day, "long"), share: percent(d.share), within: number(d.withinDay), total: number(d.recordings) })).join("; ")));
  for (const tick of [0, 0.5, 1]) {
    const y = top + height - tick * height;
    image.append(svg("line", { x1: left - 4, x2: width - 4, y1: y, y2: y, class: "grid" }), svg("text", { x: 2, y: y + 4 }, percent(tick)));
  }
  report.days.forEach((d, i) => {
    const x = left + i * (barWidth + gap);
    const label = d.share === null ? t("timeliness.noData", { day: dayLabel(d.day, "long") })
      : t("timeliness.day", { day: dayLabel(d.day, "long"), share: percent(d.share), within: number(d.withinDay), total: number(d.recordings) });
    const h = d.share === null ? 0 : Math.max(3, d.share * height); // a day at 0 % still shows a red sliver
    const rect = svg("rect", { x, y: top + height - h, width: barWidth, height: h, class: d.share === null ? "none" : d.share < 0.9 ? "late" : "timely", "data-day": d.day });
    rect.append(svg("title", {}, label));
    image.append(rect);
    if (i % 5 === 0 || i === report.days.length - 1) image.append(svg("text", { x, y: top + height + 16 }, dayLabel(d.day)));
  });
  figure.append(image, el("p", { class: "legend" }, summary, " · ", t("timeliness.note")));
  return figure;
}

export async function show(page, { showError }) {
  const params = hashParams();
  const query = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  if (!query.has("sort")) query.set("sort", "-shortfall");
  if (!query.has("limit")) query.set("limit", "100");
  const form = el("form", { class: "filters", role: "search" },
    input("q", "overview.search", params.get("q")),
    select("class", "overview.class", [["", "filter.any"], ["A", "overview.classA"], ["B", "overview.classB"], ["C", "overview.classC"]], params.get("class") ?? ""),
    select("compliant", "overview.compliantFilter", [["", "filter.any"], ["true", "filter.yes"], ["false", "filter.no"]], params.get("compliant") ?? ""),
    select("sort", "recorders.sort", [["-shortfall", "overview.sortShortfall"], ["name", "overview.sortName"], ["code", "overview.sortCode"],
      ["-inService", "overview.sortInService"], ["-officers", "overview.sortOfficers"]], query.get("sort")),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => { event.preventDefault(); setHashParams("overview", new URLSearchParams(new FormData(form))); });
  page.replaceChildren(el("h2", {}, t("overview.title")), form);

  const [summary, ratios, open, timely] = await Promise.all([get("/api/v1/ratios/summary"), get(`/api/v1/ratios?${query}`),
    get("/api/v1/alerts/open-counts"), get("/api/v1/timeliness")]);
  const openBy = new Map(open.map(o => [o.agencyCode, o.open]));
  const rows = ratios.items.map(r => ({ ...r, openAlerts: openBy.get(r.agencyCode) ?? 0 }));
  const openAlerts = open.reduce((s, o) => s + o.open, 0);
  const columns = [
    ["overview.agency", r => `${r.agencyName} (${r.agencyCode})`],
    ["overview.class", r => r.class],
    ["overview.officers", r => number(r.officers), "num"],
    ["overview.inService", r => number(r.recordersInService), "num"],
    ["overview.required", r => number(r.requiredRecorders), "num"],
    ["overview.shortfall", r => r.compliant ? t("state.compliant") : t("overview.shortBy", { n: number(r.shortfall) }), r => r.compliant ? "ok" : "bad"],
    ["overview.legalReview", r => t("overview.legalReviewValue", { staff: number(r.legalReviewStaff), required: number(r.legalReviewRequired), share: percent(r.legalReviewShare) }),
      r => r.legalReviewCompliant ? "ok" : "bad"],
    ["overview.overdue", r => number(r.recordersOverdue), r => r.recordersOverdue > 0 ? "num bad" : "num ok"],
    ["overview.openAlerts", r => number(r.openAlerts), r => r.openAlerts > 0 ? "num bad" : "num"],
  ];
  const csv = new URLSearchParams(query); csv.delete("after"); csv.delete("limit"); csv.set("format", "csv");
  page.append(
    el("div", { class: "cards", id: "overview-summary" },
      el("div", {}, t("overview.agencies"), el("strong", {}, number(summary.agencies))),
      el("div", {}, t("overview.compliantAgencies"), el("strong", {}, number(summary.compliantAgencies))),
      el("div", {}, t("overview.shortAgencies"), el("strong", { class: summary.shortAgencies ? "bad" : "ok" }, number(summary.shortAgencies))),
      el("div", {}, t("overview.totalShortfall"), el("strong", { class: summary.shortfall ? "bad" : "ok" }, number(summary.shortfall))),
      el("div", {}, t("overview.overdue"), el("strong", { class: summary.recordersOverdue ? "bad" : "ok" }, number(summary.recordersOverdue))),
      el("div", {}, t("overview.openAlerts"), el("strong", { class: openAlerts ? "bad" : "ok" }, number(openAlerts)))),
    csvButton(`/api/v1/ratios?${csv}`, "overview.csv", e => showError(e.message)),
    table("overview-table", plural("overview.caption", ratios.total), columns, rows, "overview.empty"),
    pager("overview", query, ratios),
    chart(rows),
    el("h3", {}, t("overview.timelinessTitle")),
    el("button", { type: "button", class: "csv", onclick: () => save(csvBlob(["day_utc8", "recordings", "ingested_within_24h", "share"],
      timely.days.map(d => [d.day, d.recordings, d.withinDay, d.share ?? ""])), "timeliness.csv") }, t("action.csv")),
    timeliness(timely));
}
