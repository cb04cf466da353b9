// Custody (auditors): per dock the largest checkpoint the cloud cosigned and when, the entries it holds, the witness
// status and the refused checkpoints kept as evidence (with their reason and the request verbatim); filtered and paged
// on the server (GET /api/v1/custody/docks, /custody/docks/{id}/rejections), CSV of each table.
import { t, plural, term, date, number } from "../lib/i18n.js";
import { get } from "../lib/api.js";
import { el, table, csvButton, hashParams, setHashParams, select, input, pager } from "../lib/ui.js";

const keys = ["agency", "status", "q", "limit", "after"];

async function showRefusals(section, dock, after, showError) {
  const query = new URLSearchParams(after ? { after: String(after) } : {});
  const result = await get(`/api/v1/custody/docks/${encodeURIComponent(dock.dockId)}/rejections?${query}`);
  const offset = Number(after ?? 0);
  const columns = [
    ["custody.refusedAt", r => date(r.at)],
    ["custody.reason", r => r.reason, "bad"],
    ["custody.request", r => el("pre", { class: "evidence" }, r.body)],
  ];
  section.replaceChildren(
    el("h3", {}, t("custody.refusalsOf", { dock: dock.dockId })),
    csvButton(`/api/v1/custody/docks/${encodeURIComponent(dock.dockId)}/rejections?${new URLSearchParams({ ...Object.fromEntries(query), format: "csv" })}`,
      `refused-${dock.dockId}.csv`, e => showError(e.message)),
    table("refusals-table", plural("custody.refusalsCaption", result.total, { origin: result.origin ?? "" }), columns, result.items, "custody.noRefusals"),
    el("div", { class: "pager" },
      el("span", {}, t("pager.range", { from: number(result.items.length ? offset + 1 : 0), to: number(offset + result.items.length), total: number(result.total) })),
      el("button", { type: "button", disabled: offset === 0, onclick: () => showRefusals(section, dock, Math.max(0, offset - 50), showError) }, t("pager.previous")),
      el("button", { type: "button", disabled: !result.next, onclick: () => showRefusals(section, dock, Number(result.next), showError) }, t("pager.next"))));
  section.hidden = false;
  section.scrollIntoView({ block: "nearest" });
}

export async function show(page, { showError }) {
  const params = hashParams();
  const query = new URLSearchParams([...params].filter(([k, v]) => keys.includes(k) && v !== ""));
  const form = el("form", { class: "filters", role: "search" },
    input("q", "custody.search", params.get("q")),
    select("status", "custody.status", [["", "filter.any"], ...["ok", "behind", "refused", "never"].map(s => [s, `witness.${s}`])], params.get("status") ?? ""),
    input("agency", "recorders.agency", params.get("agency")),
    el("button", { type: "submit" }, t("action.apply")));
  form.addEventListener("submit", event => { event.preventDefault(); setHashParams("custody", new URLSearchParams(new FormData(form))); });
  page.replaceChildren(el("h2", {}, t("custody.title")), el("p", { class: "muted" }, t("custody.help")), form);

  const result = await get(`/api/v1/custody/docks?${query}`);
  const refusals = el("section", { id: "refusals", class: "detail", hidden: true, "aria-live": "polite" });
  const columns = [
    ["custody.dock", d => `${d.dockId} · ${d.site}`],
    ["recorders.agency", d => d.agencyCode],
    ["custody.status", d => term("witness", d.status), d => d.status === "ok" ? "ok" : d.status === "behind" ? "stale" : "bad"],
    ["custody.cosigned", d => d.cosignedSize === null ? t("custody.nothingCosigned") : plural("custody.cosignedValue", d.cosignedSize, { when: date(d.cosignedAt) })],
    ["custody.stored", d => number(d.storedEntries), "num"],
    ["custody.refusals", d => d.refusals === 0 ? number(0) : el("button", { type: "button", class: "refusals",
      onclick: () => showRefusals(refusals, d, 0, showError).catch(e => showError(e.message)) }, t("custody.refusalsButton", { n: number(d.refusals) })),
    d => d.refusals ? "num bad" : "num"],
    ["custody.lastRefusal", d => d.lastRefusedAt ? `${date(d.lastRefusedAt)} · ${d.lastRefusalReason ?? ""}` : null],
    ["custody.origin", d => d.origin, "mono"],
  ];
  const csv = new URLSearchParams(query); csv.delete("after"); csv.delete("limit"); csv.set("format", "csv");
  page.append(csvButton(`/api/v1/custody/docks?${csv}`, "custody.csv", e => showError(e.message)),
    table("custody-table", plural("custody.caption", result.total), columns, result.items, "custody.empty"),
    pager("custody", query, result), refusals);
}
