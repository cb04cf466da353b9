// Recorders: serial, vendor/model, status, officer, last docked, overdue (and below, serials seen at a dock while
// unregistered); filtered, searched, sorted and
// paged on the server (GET /api/v1/recorders); the filters live in the hash (#recorders?status=repair&q=RB).
import { t, plural, term, date, number } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, select, input } from "../lib/ui.js";

/** Serials seen at a dock while not registered to its agency (GET /api/v1/unregistered-recorders), paged in place. */
async function showUnregistered(section, agency, after, showError) {
  const query = new URLSearchParams([...Object.entries({ agency: agency ?? "", after: after ? String(after) : "", limit: "20" })].filter(([, v]) => v !== ""));
  const result = await get(`/api/v1/unregistered-recorders?${query}`);
  const columns = [
    ["recorders.serial", s => s.serial],
    ["recorders.agency", s => s.agencyCode],
    ["unregistered.sightings", s => number(s.sightings), "num"],
    ["unregistered.firstSeen", s => date(s.firstSeen)],
    ["unregistered.lastSeen", s => `${date(s.lastSeen)}${s.lastDockId ? " · " + s.lastDockId : ""}`],
    ["unregistered.registered", s => s.registeredAgency ? t("unregistered.registeredTo", { agency: s.registeredAgency }) : t("unregistered.notRegistered"),
      s => s.registeredAgency ? "" : "bad"],
  ];
  const offset = after ?? 0;
  const csv = new URLSearchParams(query); csv.delete("after"); csv.delete("limit"); csv.set("format", "csv");
  section.replaceChildren(el("h3", {}, t("unregistered.title")),
    csvButton(`/api/v1/unregistered-recorders?${csv}`, "unregistered.csv", e => showError(e.message)),
    table("unregistered-table", plural("unregistered.caption", result.total), columns, result.items, "unregistered.empty"),
    el("div", { class: "pager" },
      el("span", {}, t("pager.range", { from: number(result.items.length ? offset + 1 : 0), to: number(offset + result.items.length), total: number(result.total) })),
      el("button", { type: "button", disabled: offset === 0, onclick: () => showUnregistered(section, agency, Math.max(0, offset - 20), showError).catch(e => showError(e.message)) },
        t("pager.previous")),
      el("button", { type: "button", disabled: !result.next, onclick: () => showUnregistered(section, agency, Number(result.next), showError).catch(e => showError(e.message)) },
        t("pager.next"))));
}

const keys = ["agency", "status", "overdue", "q", "sort", "limit", "after"];

export async function show(page, { showError }) {
  const params = hashParams();
  const query = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  const form = el("form", { class: "filters", role: "search" },
    input("q", "recorders.search", params.get("q")),
    select("status", "recorders.status", [["", "filter.any"], ["in-service", "status.in-service"], ["repair", "status.repair"], ["retired", "status.retired"]], params.get("status") ?? ""),
    select("overdue", "recorders.overdue", [["", "filter.any"], ["true", "filter.yes"], ["false", "filter.no"]], params.get("overdue") ?? ""),
    select("sort", "recorders.sort", [["serial", "sort.serial"], ["-lastDocked", "sort.lastDockedDesc"], ["lastDocked", "sort.lastDocked"],
      ["status", "sort.status"], ["agency", "sort.agency"], ["officer", "sort.officer"]], params.get("sort") ?? "serial"),
    input("agency", "recorders.agency", params.get("agency")),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => {
    event.preventDefault();
    const next = new URLSearchParams(new FormData(form));
    setHashParams("recorders", next);
  });
  page.replaceChildren(el("h2", {}, t("recorders.title")), form);

  const result = await get(`/api/v1/recorders?${query}`);
  const columns = [
    ["recorders.serial", r => r.serial],
    ["recorders.agency", r => r.agencyCode],
    ["recorders.vendorModel", r => `${r.vendor} ${r.model}`],
    ["recorders.status", r => term("status", r.status), r => r.status === "in-service" ? "ok" : ""],
    ["recorders.officer", r => r.assignedBadge ? `${r.officerName ?? ""} (${r.assignedBadge})` : t("recorders.unassigned")],
    ["recorders.lastDocked", r => r.lastDockedAt ? `${date(r.lastDockedAt)}${r.lastDockId ? " · " + r.lastDockId : ""}` : t("recorders.neverDocked")],
    ["recorders.overdue", r => r.overdue ? t("filter.yes") : t("filter.no"), r => r.overdue ? "bad" : "ok"],
  ];
  const offset = Number(query.get("after") ?? 0);
  const pager = el("div", { class: "pager" },
    el("span", {}, t("pager.range", { from: number(result.items.length ? offset + 1 : 0), to: number(offset + result.items.length), total: number(result.total) })),
    el("button", { type: "button", disabled: offset === 0, onclick: () => {
      const p = new URLSearchParams(query);
      const prev = Math.max(0, offset - Number(query.get("limit") ?? 50));
      if (prev > 0) p.set("after", String(prev)); else p.delete("after");
      setHashParams("recorders", p);
    } }, t("pager.previous")),
    el("button", { type: "button", disabled: !result.next, onclick: () => { const p = new URLSearchParams(query); p.set("after", result.next); setHashParams("recorders", p); } },
      t("pager.next")));
  const csv = new URLSearchParams(query); csv.delete("after"); csv.delete("limit"); csv.set("format", "csv");
  page.append(csvButton(`/api/v1/recorders?${csv}`, "recorders.csv", e => showError(e.message)),
    table("recorders-table", plural("recorders.caption", result.total), columns, result.items, "recorders.empty"), pager);
  const unregistered = el("section", { id: "unregistered", class: "detail" });
  page.append(unregistered);
  await showUnregistered(unregistered, query.get("agency"), 0, showError);
}
