// Cases: open one (POST /api/v1/agencies/{code}/cases), list them with the 30-day archive deadline (overdue=true lists
// the alerts), archive one, and download its archive package after stating a reason (access-logged).
import { t, plural, term, date } from "../lib/i18n.js";
import { get, post, evidence } from "../lib/api.js";
import { el, table, hashParams, setHashParams, select, input, save } from "../lib/ui.js";

const types = ["administrative-penalty", "administrative-coercion", "administrative-inspection", "administrative-licensing", "criminal", "other"];

export async function show(page, { showError }) {
  const params = hashParams();
  const filters = el("form", { class: "filters", role: "search" },
    input("agency", "cases.agency", params.get("agency")),
    select("overdue", "cases.overdue", [["", "filter.any"], ["true", "filter.yes"]], params.get("overdue") ?? ""),
    el("button", { type: "submit" }, t("action.apply")));
  filters.addEventListener("submit", event => { event.preventDefault(); setHashParams("cases", new URLSearchParams(new FormData(filters))); });

  const create = el("form", { id: "case-create", class: "filters" },
    input("code", "cases.agency", params.get("agency")), input("caseNumber", "cases.number", ""),
    select("enforcementType", "cases.type", types.map(v => [v, `enforcement.${v}`]), types[0]),
    input("actionEndedOn", "cases.ended", "", "date"),
    el("button", { type: "submit" }, t("cases.create")));
  create.addEventListener("submit", async event => {
    event.preventDefault();
    const form = new FormData(create);
    try {
      await post(`/api/v1/agencies/${encodeURIComponent(form.get("code"))}/cases`,
        { caseNumber: form.get("caseNumber"), enforcementType: form.get("enforcementType"), actionEndedOn: form.get("actionEndedOn") });
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (e) { showError(e.message); }
  });

  const reason = el("input", { id: "f-package-reason", name: "reason", type: "text", maxlength: "500" });
  page.replaceChildren(el("h2", {}, t("cases.title")), filters, create,
    el("label", { for: "f-package-reason" }, t("cases.packageReason"), reason));

  const query = new URLSearchParams([...params].filter(([k, v]) => ["agency", "overdue"].includes(k) && v !== ""));
  const cases = await get(`/api/v1/cases?${query}`);
  const download = async c => {
    showError("");
    if (!reason.value.trim()) { showError(t("footage.reasonRequired")); reason.focus(); return; }
    try { save((await evidence(`/api/v1/cases/${c.id}/package`, reason.value.trim())).blob, `case-${c.caseNumber}.zip`); } catch (e) { showError(e.message); }
  };
  const archive = async c => {
    try { await post(`/api/v1/cases/${c.id}/archive`, {}); window.dispatchEvent(new HashChangeEvent("hashchange")); } catch (e) { showError(e.message); }
  };
  const columns = [
    ["cases.number", c => c.caseNumber],
    ["cases.agency", c => c.agencyCode],
    ["cases.type", c => term("enforcement", c.enforcementType)],
    ["cases.ended", c => c.actionEndedOn],
    ["cases.due", c => date(c.archiveDueAt)],
    ["cases.state", c => c.archivedAt ? t("cases.archived") : c.overdueAt ? t("cases.overdueSince", { time: date(c.overdueAt) }) : t("cases.open"),
      c => c.archivedAt ? "ok" : c.overdueAt ? "bad" : ""],
    ["cases.files", c => String(c.footage.length)],
    ["cases.actions", c => el("span", {},
      c.footage.length ? el("button", { type: "button", class: "package", onclick: () => download(c) }, t("cases.package")) : null,
      c.archivedAt ? null : el("button", { type: "button", class: "archive", onclick: () => archive(c) }, t("cases.archive")))],
  ];
  page.append(table("cases-table", plural("cases.caption", cases.length), columns, cases, "cases.empty"));
}
