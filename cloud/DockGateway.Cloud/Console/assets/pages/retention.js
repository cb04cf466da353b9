// Retention: active holds (admins release one after confirming: POST /api/v1/holds/{id}/release), the dry run of what the
// retention job would delete in the next 30 days (GET /api/v1/retention/preview, table and CSV) and the deletion records
// (GET /api/v1/retention/deletions); #retention?agency=… narrows all three.
import { t, plural, term, date, number, bytes } from "../lib/i18n.js";
import { get, post } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, input } from "../lib/ui.js";

function releaseCell(hold, slot, showError) {
  const ask = () => slot.replaceChildren(el("span", { class: "confirm", role: "group" },
    t("retention.confirm", { sha: hold.sha256.slice(0, 12) + "…" }), " ",
    el("button", { type: "button", class: "confirm-release", onclick: release }, t("retention.confirmYes")),
    el("button", { type: "button", class: "cancel", onclick: () => slot.replaceChildren(button()) }, t("retention.cancel"))));
  const button = () => el("button", { type: "button", class: "release", onclick: ask }, t("retention.release"));
  async function release() {
    showError("");
    try {
      await post(`/api/v1/holds/${encodeURIComponent(hold.id)}/release`, {});
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (e) {
      showError(e.status === 403 ? t("retention.releaseForbidden") : e.status === 409 || e.status === 404 ? t("retention.releaseConflict") : e.message);
      slot.replaceChildren(button());
    }
  }
  slot.replaceChildren(button());
  return slot;
}

// A deletion record keeps its rule as the job wrote it (RetentionCandidate.Rule, English, part of the evidence): shown in
// the reader's language when it is the retention rule, with the recorded words in the tooltip; anything else verbatim.
const recordedRule = /^agency (\S+) keeps footage (\d+) days after it was recorded and received$/;
function ruleCell(rule) {
  const m = recordedRule.exec(rule ?? "");
  return m ? el("span", { title: rule }, plural("retention.ruleText", Number(m[2]), { agency: m[1], days: number(Number(m[2])) })) : rule;
}

export async function show(page, { me, showError }) {
  const params = hashParams();
  const agency = params.get("agency") ?? "";
  const form = el("form", { class: "filters", role: "search" }, input("agency", "retention.agency", agency), el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => { event.preventDefault(); setHashParams("retention", new URLSearchParams(new FormData(form))); });
  page.replaceChildren(el("h2", {}, t("retention.title")), form);

  const scope = agency ? `agency=${encodeURIComponent(agency)}` : "";
  const [holds, cases, preview, deletions] = await Promise.all([
    get(`/api/v1/holds?${scope}`), get(`/api/v1/cases?${scope}`), get(`/api/v1/retention/preview?days=30&${scope}`), get(`/api/v1/retention/deletions?${scope}`)]);
  const caseNumbers = new Map(cases.map(c => [c.id, c.caseNumber]));
  const admin = me.role === "admin";
  const holdColumns = [
    ["retention.case", h => h.caseId ? caseNumbers.get(h.caseId) ?? h.caseId : null],
    ["field.sha256", h => h.sha256, "mono"],
    ["retention.agency", h => h.agencyCode],
    ["retention.since", h => date(h.placedAt)],
    ["retention.by", h => h.placedBy],
    ...(admin ? [["retention.release", h => releaseCell(h, el("span"), showError)]] : []),
  ];
  const previewColumns = [
    ["retention.deletableAt", i => date(i.deletableAt)],
    ["field.sha256", i => i.sha256, "mono"],
    ["retention.agency", i => i.agencyCode],
    ["retention.dock", i => `${i.dockId} / ${i.entryIndex}`],
    ["retention.file", i => i.path],
    ["retention.size", i => bytes(i.size), "num"],
    ["retention.rule", i => plural("retention.ruleText", i.retentionDays, { agency: i.agencyCode, days: number(i.retentionDays) })],
  ];
  const deletionColumns = [
    ["retention.recordedAt", d => date(d.recordedAt)],
    ["field.sha256", d => d.sha256, "mono"],
    ["retention.agency", d => d.agencyCode],
    ["retention.dock", d => `${d.dockId} / ${d.entryIndex}`],
    ["retention.rule", d => ruleCell(d.rule)],
    ["retention.state", d => term("deletionState", d.state), d => d.state === "deleted" ? "ok" : d.state === "pending" ? "bad" : ""],
    ["retention.finishedAt", d => date(d.finishedAt)],
  ];
  const csv = new URLSearchParams(scope); csv.set("days", "30"); csv.set("format", "csv");
  page.append(
    el("section", { id: "holds", "aria-labelledby": "holds-h" }, el("h3", { id: "holds-h" }, t("retention.holds")),
      admin ? null : el("p", { class: "note" }, t("retention.adminOnly")),
      table("holds-table", plural("retention.holdsCaption", holds.length), holdColumns, holds, "retention.holdsEmpty")),
    el("section", { id: "preview", "aria-labelledby": "preview-h" }, el("h3", { id: "preview-h" }, t("retention.preview")),
      el("p", {}, plural("retention.previewSummary", preview.files, { files: number(preview.files), bytes: bytes(preview.bytes), until: date(preview.until) })),
      csvButton(`/api/v1/retention/preview?${csv}`, `retention-${agency || "all"}.csv`, e => showError(e.message)),
      table("preview-table", plural("retention.previewCaption", preview.items.length), previewColumns, preview.items, "retention.previewEmpty")),
    el("section", { id: "deletions", "aria-labelledby": "deletions-h" }, el("h3", { id: "deletions-h" }, t("retention.deletions")),
      table("deletions-table", plural("retention.deletionsCaption", deletions.length), deletionColumns, deletions, "retention.deletionsEmpty")));
}
