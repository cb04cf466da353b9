// Overview: per agency in scope the equipment ratio and shortfall, legal-review share, overdue recorders and
// open alerts, a bar chart (inline SVG) of overdue recorders and shortfall per agency, a CSV of the table, and docking
// timeliness per day over 30 days (GET /api/v1/timeliness, aggregated on the server from the footage index) as an SVG chart.
import { t, number, percent, collator, language } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, table, save, csvBlob } from "../lib/ui.js";

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
  const summary = t("timeliness.summary", { within: number(report.withinDay), total: number(report.recordings), share: percent(report.share) });
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

export async function show(page) {
  const [ratios, open, timely] = await Promise.all([get("/api/v1/ratios"), get("/api/v1/alerts/open-counts"), get("/api/v1/timeliness")]);
  const openBy = new Map(open.map(o => [o.agencyCode, o.open]));
  const rows = ratios.map(r => ({ ...r, openAlerts: openBy.get(r.agencyCode) ?? 0 })).sort((a, b) => collator.compare(a.agencyName, b.agencyName));
  const sum = key => rows.reduce((s, r) => s + r[key], 0);
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
  const download = el("button", { type: "button", class: "csv", onclick: () => save(csvBlob(
    ["agency_code", "agency_name", "class", "officers", "recorders_in_service", "required_recorders", "shortfall", "legal_review_staff",
      "legal_review_required", "recorders_overdue", "open_alerts"],
    rows.map(r => [r.agencyCode, r.agencyName, r.class, r.officers, r.recordersInService, r.requiredRecorders, r.shortfall, r.legalReviewStaff,
      r.legalReviewRequired, r.recordersOverdue, r.openAlerts])), "overview.csv") }, t("action.csv"));
  page.replaceChildren(
    el("h2", {}, t("overview.title")),
    el("div", { class: "cards" },
      el("div", {}, t("overview.agencies"), el("strong", {}, number(rows.length))),
      el("div", {}, t("overview.compliantAgencies"), el("strong", {}, number(rows.filter(r => r.compliant).length))),
      el("div", {}, t("overview.overdue"), el("strong", { class: sum("recordersOverdue") ? "bad" : "ok" }, number(sum("recordersOverdue")))),
      el("div", {}, t("overview.openAlerts"), el("strong", { class: sum("openAlerts") ? "bad" : "ok" }, number(sum("openAlerts"))))),
    download,
    table("overview-table", t("overview.caption", { n: number(rows.length) }), columns, rows, "overview.empty"),
    chart(rows),
    el("h3", {}, t("overview.timelinessTitle")),
    el("button", { type: "button", class: "csv", onclick: () => save(csvBlob(["day_utc8", "recordings", "ingested_within_24h", "share"],
      timely.days.map(d => [d.day, d.recordings, d.withinDay, d.share ?? ""])), "timeliness.csv") }, t("action.csv")),
    timeliness(timely));
}
