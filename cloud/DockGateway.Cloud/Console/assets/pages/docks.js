// Docks (GET /api/v1/fleet): online or offline since when, last seen, version, free disk, queues, and the live
// slots (state, recorder, progress); a slot state is stale when the dock is offline or the state is old.
import { t, plural, term, date, number, bytes, collator } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, table, save, csvBlob } from "../lib/ui.js";

const staleAfterMs = 10 * 60 * 1000;
const deadlineSeconds = 24 * 3600; // footage must reach agency storage within 24 hours

// The status's queues: lengths, and for the upload queue its bytes (<name>_bytes) and its oldest file's age (<name>_oldest_s).
function queueText(key, value) {
  if (key.endsWith("_bytes")) return `${term("queue", key)} ${bytes(value)}`;
  if (key.endsWith("_oldest_s")) return `${term("queue", key)} ${t("docks.hours", { n: number(value / 3600, { maximumFractionDigits: 1 }) })}`;
  return `${term("queue", key)} ${number(value)}`;
}

// The queues as one line; only the upload queue's oldest age turns red, once it reaches the 24-hour deadline.
function queues(dock) {
  return el("span", {}, Object.entries(dock.queues).flatMap(([k, v], i) => [
    ...(i > 0 ? [" · "] : []),
    el("span", { class: k.endsWith("_oldest_s") && v >= deadlineSeconds ? "bad" : "" }, queueText(k, v)),
  ]));
}

function stale(dock, slot) { return !dock.online || Date.now() - new Date(slot.receivedAt).getTime() > staleAfterMs; }

function slotText(dock, s) {
  const progress = s.files ? ` ${number(s.done)}/${number(s.files)}` : "";
  return `${s.slot}: ${term("slot", s.state)}${s.recorder ? " " + s.recorder : ""}${progress}${stale(dock, s) ? " (" + t("docks.stale") + ")" : ""}`;
}

export async function show(page) {
  const docks = (await get("/api/v1/fleet")).sort((a, b) => collator.compare(a.agencyCode, b.agencyCode) || collator.compare(a.id, b.id));
  const columns = [
    ["docks.agency", d => d.agencyCode],
    ["docks.dock", d => d.id],
    ["docks.site", d => d.site],
    ["docks.state", d => t(d.online ? "docks.onlineSince" : "docks.offlineSince", { when: date(d.onlineChangedAt) ?? "—" }), d => d.online ? "ok" : "bad"],
    ["docks.lastSeen", d => date(d.lastSeenAt)],
    ["docks.version", d => d.version],
    ["docks.freeDisk", d => bytes(d.freeDiskBytes), "num"],
    ["docks.queues", d => d.queues ? queues(d) : null],
    ["docks.slots", d => d.slots.length === 0 ? "—" : el("span", {}, d.slots.map(s =>
      el("span", { class: `slot ${s.state}${stale(d, s) ? " stale" : ""}`, title: s.message ?? "" }, slotText(d, s))))],
  ];
  const download = el("button", { type: "button", class: "csv", onclick: () => save(csvBlob(
    ["agency_code", "dock_id", "site", "online", "online_changed_at", "last_seen_at", "version", "free_disk_bytes", "queues", "slots"],
    docks.map(d => [d.agencyCode, d.id, d.site, d.online, d.onlineChangedAt, d.lastSeenAt, d.version, d.freeDiskBytes,
      d.queues ? Object.entries(d.queues).map(([k, v]) => `${k}=${v}`).join(" ") : "",
      d.slots.map(s => `${s.slot}:${s.state}${s.recorder ? ":" + s.recorder : ""}:${s.done}/${s.files}${stale(d, s) ? ":stale" : ""}`).join(" ")])), "docks.csv") },
    t("action.csv"));
  page.replaceChildren(el("h2", {}, t("docks.title")), download,
    table("docks-table", plural("docks.caption", docks.length), columns, docks, "docks.empty"));
}
