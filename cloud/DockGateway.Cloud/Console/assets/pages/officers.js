// Officers: badge, name, assigned recorders, last ingest and late recordings in the last 30 days (footage index), filtered,
// searched, sorted and paged on the server (GET /api/v1/officers); the filters live in the hash (#officers?late=true).
import { t, plural, date, number } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, select, input, pager } from "../lib/ui.js";

const keys = ["agency", "q", "late", "sort", "limit", "after"];

export async function show(page, { showError }) {
  const params = hashParams();
  const query = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  const form = el("form", { class: "filters", role: "search" },
    input("q", "officers.search", params.get("q")),
    select("late", "officers.lateFilter", [["", "filter.any"], ["true", "filter.yes"], ["false", "filter.no"]], params.get("late") ?? ""),
    select("sort", "recorders.sort", [["badge", "officers.sortBadge"], ["name", "officers.sortName"], ["-lastIngest", "officers.sortLastIngest"],
      ["-late", "officers.sortLate"]], params.get("sort") ?? "badge"),
    input("agency", "recorders.agency", params.get("agency")),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => { event.preventDefault(); setHashParams("officers", new URLSearchParams(new FormData(form))); });
  page.replaceChildren(el("h2", {}, t("officers.title")), form);

  const result = await get(`/api/v1/officers?${query}`);
  const columns = [
    ["recorders.agency", o => o.agencyCode],
    ["officers.badge", o => o.badgeNumber],
    ["officers.name", o => o.name],
    ["officers.recorders", o => o.recorders.length ? o.recorders.join(", ") : t("officers.noRecorder")],
    ["officers.lastIngest", o => o.lastIngestAt ? date(o.lastIngestAt) : t("officers.neverIngested")],
    ["officers.recordings30", o => number(o.recordings30Days), "num"],
    ["officers.late30", o => number(o.late30Days), o => o.late30Days > 0 ? "num bad" : "num ok"],
  ];
  const csv = new URLSearchParams(query); csv.delete("after"); csv.delete("limit"); csv.set("format", "csv");
  page.append(csvButton(`/api/v1/officers?${csv}`, "officers.csv", e => showError(e.message)),
    table("officers-table", plural("officers.caption", result.total), columns, result.items, "officers.empty"),
    pager("officers", query, result));
}
