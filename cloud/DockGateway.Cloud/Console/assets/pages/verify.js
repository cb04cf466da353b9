// Verify a file: the browser hashes the chosen file (streaming), asks GET /api/v1/custody/files/{sha256} for its custody
// records and checks each one itself (lib/custody.js) against the dock and witness keys the auditor pinned here
// (localStorage). The keys the server sends are shown, never used. Any failed check is named in red.
import { t, plural, date, number, bytes } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, text } from "../lib/ui.js";
import { hashFile, checkEntry, parseVerifierKey, noteType, cosignatureType } from "../lib/custody.js";

const pinKey = "dockgateway.pinnedKeys";

function pinned() {
  try { return JSON.parse(localStorage.getItem(pinKey)) ?? { dock: "", witness: "" }; } catch { return { dock: "", witness: "" }; }
}

/** The pasted keys, one a line; a bad line is named in the error. */
function parseKeys(lines, type) {
  return lines.split("\n").map(l => l.trim()).filter(Boolean).map(line => {
    try { return parseVerifierKey(line, type); } catch (e) { throw new Error(t("verify.badKey", { key: line, why: t(`verify.check.${e.code}`) })); }
  });
}

function checkList(results) {
  return el("ul", { class: "checks" }, results.map(r => el("li", { class: r.ok ? "ok" : "bad", "data-check": r.check },
    `${r.ok ? "✓" : "✗"} ${r.scope ? t("verify.uploadedScope") + " · " : ""}${t(`verify.check.${r.check}`)}${r.detail ? " — " + r.detail : ""}`)));
}

function facts(pairs) {
  return el("dl", {}, pairs.flatMap(([key, value]) => [el("dt", {}, t(key)), el("dd", {}, text(value))]));
}

/** Checks one record: the file against the ingested entry, both entries' proofs, the uploaded entry's link. */
async function verifyRecord(record, file, sha256, keys) {
  const results = [];
  const add = (check, ok, detail = "") => results.push({ check, ok, detail });
  let ingested = null;
  try { ingested = JSON.parse(record.ingested.entry); } catch { /* reported below */ }
  add("entryType", ingested?.type === "ingested", ingested?.type ?? "");
  add("fileHash", ingested?.sha256 === sha256, ingested?.sha256 ?? "");
  add("fileSize", ingested?.size === file.size, number(ingested?.size) ?? "");
  const first = record.ingested.proof
    ? await checkEntry(record.ingested.entry, record.ingested.proof, keys.dock, keys.witness)
    : { results: [{ check: "noProof", ok: false }] };
  results.push(...first.results);
  let uploaded = null;
  if (record.uploaded) {
    let entry = null;
    try { entry = JSON.parse(record.uploaded.entry); } catch { /* reported below */ }
    add("uploadedLink", entry?.type === "uploaded" && entry.sha256 === sha256 && first.index !== undefined && entry.entry === first.index,
      entry ? `entry ${entry.entry}` : "");
    if (record.uploaded.proof) {
      const second = await checkEntry(record.uploaded.entry, record.uploaded.proof, keys.dock, keys.witness);
      results.push(...second.results.map(r => ({ ...r, scope: "uploaded" })));
    }
    uploaded = entry;
  }
  return { ok: results.every(r => r.ok), results, ingested, uploaded, checkpoint: first.checkpoint, cosignedAt: first.cosignedAt };
}

function recordView(record, outcome, index) {
  const failed = outcome.results.filter(r => !r.ok);
  const entry = outcome.ingested ?? {};
  return el("section", { class: "detail record", id: `record-${index}` },
    el("h3", { class: outcome.ok ? "ok verdict" : "bad verdict" },
      outcome.ok ? t("verify.verified") : t("verify.failed", { checks: failed.map(r => t(`verify.check.${r.check}`)).join("; ") })),
    el("h4", {}, t("verify.fromEntry")),
    facts([
      ["verify.dock", entry.dock], ["verify.recorder", entry.recorder], ["verify.path", entry.path],
      ["verify.recordedStart", date(entry.recorded_start)], ["verify.recordedEnd", date(entry.recorded_end)],
      ["verify.ingestedAt", date(entry.time)], ["verify.size", bytes(entry.size)],
      ["verify.checkpoint", outcome.checkpoint ? `${outcome.checkpoint.origin} · ${plural("verify.treeSize", outcome.checkpoint.size)}` : null],
      ["verify.cosignedAt", outcome.cosignedAt !== null && outcome.cosignedAt !== undefined ? date(new Date(outcome.cosignedAt * 1000).toISOString()) : null],
      ["verify.uploaded", outcome.uploaded ? date(outcome.uploaded.time) : t("verify.notUploaded")],
    ]),
    checkList(outcome.results),
    el("h4", {}, t("verify.serverSays")),
    facts([
      ["verify.officer", record.officerBadge ? `${record.officerName ?? ""} (${record.officerBadge})` : t("recorders.unassigned")],
      ["verify.agency", record.agencyCode],
      ["verify.claimedDockKey", record.dockKey], ["verify.claimedWitnessKey", record.witnessKey],
    ]));
}

export async function show(page, { showError }) {
  const saved = pinned();
  const dockKeys = el("textarea", { id: "pin-dock", rows: 3, spellcheck: "false" });
  dockKeys.value = saved.dock;
  const witnessKeys = el("textarea", { id: "pin-witness", rows: 2, spellcheck: "false" });
  witnessKeys.value = saved.witness;
  const progress = el("progress", { id: "verify-progress", max: 1, value: 0, hidden: true, "aria-label": t("verify.progress") });
  const status = el("p", { id: "verify-status", "aria-live": "polite" });
  const results = el("div", { id: "verify-results" });
  const fileInput = el("input", { id: "verify-file", type: "file" });
  let controller = null;

  const keysForm = el("form", { id: "pin-keys", class: "detail" },
    el("h3", {}, t("verify.keysTitle")),
    el("p", { class: "muted" }, t("verify.keysHelp")),
    el("label", { for: "pin-dock" }, t("verify.dockKeys")), dockKeys,
    el("label", { for: "pin-witness" }, t("verify.witnessKeys")), witnessKeys,
    el("button", { type: "submit" }, t("verify.saveKeys")), el("span", { id: "pin-saved", class: "muted" }));
  keysForm.addEventListener("submit", event => {
    event.preventDefault();
    showError("");
    try {
      parseKeys(dockKeys.value, noteType);
      parseKeys(witnessKeys.value, cosignatureType);
    } catch (e) { showError(e.message); return; }
    localStorage.setItem(pinKey, JSON.stringify({ dock: dockKeys.value.trim(), witness: witnessKeys.value.trim() }));
    keysForm.querySelector("#pin-saved").textContent = t("verify.keysSaved");
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    controller?.abort();
    results.replaceChildren();
    showError("");
    if (!file) return;
    let keys;
    try {
      keys = { dock: parseKeys(dockKeys.value, noteType), witness: parseKeys(witnessKeys.value, cosignatureType) };
    } catch (e) { showError(e.message); return; }
    controller = new AbortController();
    const mine = controller;
    page.setAttribute("aria-busy", "true");
    progress.hidden = false;
    let shown = 0;
    try {
      const sha256 = await hashFile(file, (done, total) => {
        const now = performance.now();
        if (now - shown < 100 && done < total) return;
        shown = now;
        progress.value = total ? done / total : 1;
        status.textContent = t("verify.hashing", { done: bytes(done), total: bytes(total) });
      }, mine.signal);
      status.textContent = "";
      results.append(el("p", {}, t("verify.fileHash", { name: file.name }), " ", el("code", { id: "verify-sha256" }, sha256)));
      let answer;
      try {
        answer = await get(`/api/v1/custody/files/${sha256}`);
      } catch (e) {
        if (e.status !== 404) throw e;
        results.append(el("p", { id: "verify-verdict", class: "bad verdict" }, t("verify.notInCustody")));
        return;
      }
      const outcomes = [];
      for (const [i, record] of answer.records.entries()) {
        const outcome = await verifyRecord(record, file, sha256, keys);
        outcomes.push(outcome);
        results.append(recordView(record, outcome, i));
      }
      const ok = outcomes.length > 0 && outcomes.every(o => o.ok);
      results.prepend(el("p", { id: "verify-verdict", class: ok ? "ok verdict" : "bad verdict" },
        ok ? plural("verify.allVerified", outcomes.length) : t("verify.someFailed")));
    } catch (e) {
      if (e.name !== "AbortError") showError(e.message);
    } finally {
      progress.hidden = true;
      if (controller === mine) page.setAttribute("aria-busy", "false");
    }
  });

  page.replaceChildren(
    el("h2", {}, t("verify.title")),
    el("p", { class: "muted" }, t("verify.help")),
    keysForm,
    el("div", { class: "detail" }, el("label", { for: "verify-file" }, t("verify.pick")), " ", fileInput, progress, status),
    results);
}
