// Footage: search (GET /api/v1/footage, keyset pages), open a hit (access-logged), then view or download one file after stating a reason, which the
// cloud writes to the access log; the filters live in the hash (#footage?officer=B-1&from=2026-03-01).
import { t, plural, date, bytes } from "../lib/i18n.js";
import { get, evidence } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, input, save } from "../lib/ui.js";

const keys = ["agency", "officer", "recorder", "dock", "from", "to", "caseNumber", "after"];

function query(params) {
  const q = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  for (const k of ["from", "to"]) if (q.has(k) && /^\d{4}-\d{2}-\d{2}$/.test(q.get(k))) q.set(k, `${q.get(k)}T00:00:00Z`);
  return q;
}

function viewer(item, showError) {
  const reason = el("input", { id: "f-reason", name: "reason", type: "text", maxlength: "500", required: true });
  const media = el("div", { id: "footage-media" });
  const open = async download => {
    showError("");
    if (!reason.value.trim()) { showError(t("footage.reasonRequired")); reason.focus(); return; }
    try {
      const path = `/api/v1/footage/${item.sha256}/content${download ? "?disposition=attachment" : ""}`;
      const { blob, type } = await evidence(path, reason.value.trim());
      const name = item.path.split(/[\\/]/).pop();
      if (download) { save(blob, name); return; }
      const url = URL.createObjectURL(blob);
      const tag = type.startsWith("video/") ? "video" : type.startsWith("audio/") ? "audio" : type.startsWith("image/") ? "img" : null;
      media.replaceChildren(tag ? el(tag, { src: url, controls: tag !== "img", alt: name }) : el("p", {}, t("footage.noPreview")));
    } catch (e) { showError(e.message); }
  };
  return el("section", { id: "footage-viewer", "aria-label": t("footage.viewer") },
    el("h3", {}, item.path),
    el("p", {}, t("footage.reasonNote")),
    el("label", { for: "f-reason" }, t("footage.reason"), reason),
    el("button", { type: "button", id: "footage-play", onclick: () => open(false) }, t("footage.play")),
    el("button", { type: "button", id: "footage-download", onclick: () => open(true) }, t("footage.download")),
    media);
}

export async function show(page, { showError }) {
  const params = hashParams();
  const q = query(params);
  const form = el("form", { class: "filters", role: "search" },
    input("agency", "footage.agency", params.get("agency")), input("officer", "footage.officer", params.get("officer")),
    input("recorder", "footage.recorder", params.get("recorder")), input("dock", "footage.dock", params.get("dock")),
    input("from", "footage.from", params.get("from"), "date"), input("to", "footage.to", params.get("to"), "date"),
    input("caseNumber", "footage.caseNumber", params.get("caseNumber")),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => { event.preventDefault(); setHashParams("footage", new URLSearchParams(new FormData(form))); });
  const slot = el("div", { id: "footage-open" });
  page.replaceChildren(el("h2", {}, t("footage.title")), form, slot);

  const result = await get(`/api/v1/footage?${q}`);
  // Opening a hit reads its entries through the API, which writes it to the access log (footage.metadata).
  const open = async f => {
    showError("");
    try { await get(`/api/v1/footage/${f.sha256}`); slot.replaceChildren(viewer(f, showError)); } catch (e) { showError(e.message); }
  };
  const columns = [
    ["footage.recorded", f => date(f.recordedStart)],
    ["footage.agency", f => f.agencyCode],
    ["footage.officer", f => f.officerBadge],
    ["footage.recorder", f => f.recorder],
    ["footage.file", f => f.path],
    ["footage.size", f => bytes(f.size)],
    ["footage.cases", f => f.caseNumbers.join(", ")],
    ["footage.stored", f => f.stored ? t("filter.yes") : t("filter.no"), f => f.stored ? "ok" : "bad"],
    ["footage.open", f => f.stored ? el("button", { type: "button", class: "open", onclick: () => open(f) }, t("footage.open")) : null],
  ];
  const next = el("button", { type: "button", disabled: !result.next, onclick: () => { const p = new URLSearchParams(params); p.set("after", result.next); setHashParams("footage", p); } }, t("pager.next"));
  const csv = new URLSearchParams(q); csv.delete("after"); csv.set("format", "csv");
  page.append(csvButton(`/api/v1/footage?${csv}`, "footage.csv", e => showError(e.message)),
    table("footage-table", plural("footage.caption", result.items.length), columns, result.items, "footage.empty"), el("div", { class: "pager" }, next));
}
