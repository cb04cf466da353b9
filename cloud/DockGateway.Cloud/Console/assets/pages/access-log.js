// Access log: who viewed, downloaded, searched or exported what, why and when (GET /api/v1/access-log; admins and auditors),
// filtered and keyset-paged on the server (next page from the Link header); the filters live in the hash (#access-log?action=footage.view).
import { t, plural, term, date } from "../lib/i18n.js";
import { getPage } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, select, input } from "../lib/ui.js";

const keys = ["action", "actor", "agency", "resource", "since", "until", "after"];
const actions = ["footage.view", "footage.download", "footage.search", "footage.metadata", "footage.download-request", "footage.download-approve",
  "case.package", "case.link", "hold.release", "custody.file.read", "custody.file.lookup", "alert.acknowledge",
  "export.footage", "export.access-log", "export.retention", "export.officers"];
const pageSize = 50;

/** A yyyy-mm-dd day in the person's time zone as an RFC 3339 instant: its start, or (for until) the next day's start. */
function dayStart(day, next) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d + (next ? 1 : 0)).toISOString();
}

function query(params) {
  const q = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  if (/^\d{4}-\d{2}-\d{2}$/.test(q.get("since") ?? "")) q.set("since", dayStart(q.get("since"), false));
  if (/^\d{4}-\d{2}-\d{2}$/.test(q.get("until") ?? "")) q.set("until", dayStart(q.get("until"), true));
  return q;
}

export async function show(page, { showError }) {
  const params = hashParams();
  const q = query(params);
  const form = el("form", { class: "filters", role: "search" },
    select("action", "accessLog.action", [["", "filter.any"], ...actions.map(a => [a, `accessAction.${a}`])], params.get("action") ?? ""),
    input("actor", "accessLog.actor", params.get("actor")), input("agency", "accessLog.agency", params.get("agency")),
    input("resource", "accessLog.resource", params.get("resource")),
    input("since", "accessLog.since", params.get("since"), "date"), input("until", "accessLog.until", params.get("until"), "date"),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => { event.preventDefault(); setHashParams("access-log", new URLSearchParams(new FormData(form))); });
  page.replaceChildren(el("h2", {}, t("accessLog.title")), form);

  const listing = new URLSearchParams(q); listing.set("limit", String(pageSize));
  const result = await getPage(`/api/v1/access-log?${listing}`);
  const columns = [
    ["accessLog.when", e => el("time", { datetime: e.at }, date(e.at))],
    ["accessLog.who", e => el("span", { title: e.actorId }, t("accessLog.who.line", { name: e.actorName, role: term("role", e.role) }))],
    ["accessLog.action", e => el("span", { title: e.action }, term("accessAction", e.action)), "nowrap"],
    ["accessLog.what", e => e.resource, "mono"],
    ["accessLog.agency", e => e.agencyCode],
    ["accessLog.why", e => e.detail],
  ];
  const go = after => { const p = new URLSearchParams(params); if (after) p.set("after", after); else p.delete("after"); setHashParams("access-log", p); };
  const csv = new URLSearchParams(q); csv.delete("after"); csv.set("format", "csv");
  page.append(csvButton(`/api/v1/access-log?${csv}`, "access-log.csv", e => showError(e.message)),
    table("access-log-table", plural("accessLog.caption", result.items.length), columns, result.items, "accessLog.empty"),
    el("div", { class: "pager" },
      el("button", { type: "button", disabled: !params.get("after"), onclick: () => go(null) }, t("pager.first")),
      el("button", { type: "button", disabled: !result.next, onclick: () => go(result.next) }, t("pager.next"))));
}
