// Alerts of every agency in scope in one request (GET /api/v1/alerts), filtered on the server by kind,
// agency, dock, recorder, time and acknowledgement, keyset pages; the detail of one alert and its
// acknowledgement (POST /api/v1/alerts/{id}/acknowledgement with a comment).
import { t, term, date, number } from "../lib/i18n.js";
import { get, post } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, select, input } from "../lib/ui.js";

const keys = ["agency", "kind", "dock", "recorder", "from", "to", "acknowledged", "limit", "after"];
const kinds = ["refused", "late", "overdue", "gap", "disk-low", "error", "unregistered"];

/** The local calendar day of an RFC 3339 time, moved by shift days (the "to" bound is the start of the next day). */
function day(iso, shift = 0) {
  if (!iso) return "";
  const d = new Date(iso);
  d.setDate(d.getDate() + shift);
  return Number.isNaN(d.getTime()) ? "" : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function detail(alert, me, refresh, showError) {
  const rows = [
    ["alerts.kind", term("kind", alert.kind)], ["alerts.agency", alert.agencyCode], ["alerts.dock", alert.dockId],
    ["alerts.slot", alert.slot], ["alerts.recorder", alert.recorder], ["alerts.file", alert.file], ["alerts.message", alert.message],
    ["alerts.missing", alert.missingFrom == null ? null : t("alerts.missingRange", { from: number(alert.missingFrom), to: number(alert.missingTo) })],
    ["alerts.occurred", date(alert.occurredAt)], ["alerts.received", date(alert.receivedAt)], ["alerts.eventKey", alert.eventKey],
  ];
  const box = el("section", { class: "detail", id: "alert-detail", "aria-label": t("alerts.detail") },
    el("h3", {}, t("alerts.detail")),
    el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, t(k)), el("dd", {}, v === null || v === undefined || v === "" ? "—" : String(v))])));
  if (alert.acknowledgedAt) {
    box.append(el("p", { class: "ok", id: "acknowledged" }, t("alerts.acknowledgedBy", { who: alert.acknowledgedBy, when: date(alert.acknowledgedAt) })),
      el("p", {}, t("alerts.comment"), ": ", alert.acknowledgementComment));
  } else if (me.role === "admin" || me.role === "equipment-manager") {
    const form = el("form", { id: "acknowledge" },
      el("label", { for: "ack-comment" }, t("alerts.comment")),
      el("textarea", { id: "ack-comment", name: "comment", required: true, maxlength: 500 }),
      el("button", { type: "submit" }, t("alerts.acknowledge")));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try {
        await post(`/api/v1/alerts/${encodeURIComponent(alert.id)}/acknowledgement`, { comment: form.elements.comment.value });
        refresh();
      } catch (e) { showError(e.message); }
    });
    box.append(form);
  }
  return box;
}

export async function show(page, { me, showError }) {
  const params = hashParams();
  const query = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  const form = el("form", { class: "filters", role: "search" },
    select("kind", "alerts.kind", [["", "filter.any"], ...kinds.map(k => [k, `kind.${k}`])], params.get("kind") ?? ""),
    input("agency", "alerts.agency", params.get("agency")),
    input("dock", "alerts.dock", params.get("dock")),
    input("recorder", "alerts.recorder", params.get("recorder")),
    input("from", "alerts.from", day(params.get("from")), "date"),
    input("to", "alerts.to", day(params.get("to"), -1), "date"),
    select("acknowledged", "alerts.state", [["", "filter.any"], ["false", "alerts.open"], ["true", "alerts.acknowledged"]], params.get("acknowledged") ?? ""),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => {
    event.preventDefault();
    const next = new URLSearchParams(new FormData(form));
    for (const [name, plusDays] of [["from", 0], ["to", 1]]) {
      const v = next.get(name);
      if (v) { const d = new Date(v + "T00:00:00"); d.setDate(d.getDate() + plusDays); next.set(name, d.toISOString()); }
    }
    setHashParams("alerts", next);
  });
  page.replaceChildren(el("h2", {}, t("alerts.title")), form);

  const refresh = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  if (params.get("id")) {
    page.append(detail(await get(`/api/v1/alerts/${encodeURIComponent(params.get("id"))}`), me, refresh, showError));
  }

  const result = await get(`/api/v1/alerts?${query}`);
  const open = a => { const p = new URLSearchParams(params); p.set("id", a.id); setHashParams("alerts", p); };
  const columns = [
    ["alerts.received", a => date(a.receivedAt)],
    ["alerts.agency", a => a.agencyCode],
    ["alerts.dock", a => a.dockId],
    ["alerts.kind", a => term("kind", a.kind), () => "bad"],
    ["alerts.recorder", a => a.recorder],
    ["alerts.file", a => a.file],
    ["alerts.message", a => a.message],
    ["alerts.state", a => a.acknowledgedAt ? t("alerts.acknowledged") : t("alerts.open"), a => a.acknowledgedAt ? "ok" : "bad"],
    ["alerts.actions", a => el("button", { type: "button", class: "details", "data-id": a.id, "aria-label": `${t("alerts.showDetail")}: ${term("kind", a.kind)} ${a.recorder ?? ""}`, onclick: () => open(a) }, t("alerts.showDetail"))],
  ];
  const first = new URLSearchParams(query); first.delete("after");
  const pager = el("div", { class: "pager" },
    el("span", {}, t("pager.count", { n: number(result.items.length) })),
    el("button", { type: "button", disabled: !query.get("after"), onclick: () => setHashParams("alerts", first) }, t("pager.first")),
    el("button", { type: "button", disabled: !result.next, onclick: () => { const p = new URLSearchParams(query); p.set("after", result.next); setHashParams("alerts", p); } },
      t("pager.next")));
  const csv = new URLSearchParams(query); csv.delete("after"); csv.delete("limit"); csv.set("format", "csv");
  page.append(csvButton(`/api/v1/alerts?${csv}`, "alerts.csv", e => showError(e.message)),
    table("alerts-table", t("alerts.caption"), columns, result.items, "alerts.empty"), pager);
}
