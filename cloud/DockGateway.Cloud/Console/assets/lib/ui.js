// Rendering helpers: text only (never HTML from data), tables with a caption, CSV downloads.
import { t, number } from "./i18n.js";
import { blob } from "./api.js";

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

export function text(value) { return value === null || value === undefined || value === "" ? "—" : String(value); }

/** A table: columns are [headingKey, (item) => text | Node, className?]; an empty list shows emptyKey. */
export function table(id, captionText, columns, items, emptyKey) {
  const head = el("tr", {}, columns.map(([key, , cls]) => el("th", { scope: "col", class: cls }, t(key))));
  const body = el("tbody");
  if (items.length === 0) body.append(el("tr", {}, el("td", { colspan: columns.length, class: "empty" }, t(emptyKey))));
  for (const item of items) {
    body.append(el("tr", {}, columns.map(([, render, cls]) => {
      const value = render(item);
      return el("td", { class: typeof cls === "function" ? cls(item) : cls }, value instanceof Node ? value : text(value));
    })));
  }
  return el("table", { id }, el("caption", {}, captionText), el("thead", {}, head), body);
}

/** Saves a Blob under name (an object URL clicked once, then revoked). */
export function save(data, name) {
  const url = URL.createObjectURL(data);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** A button that downloads the API's CSV export of path (already UTF-8 with a byte-order mark). */
export function csvButton(path, name, onError) {
  return el("button", { type: "button", class: "csv", onclick: async () => {
    try { save(await blob(path), name); } catch (e) { onError(e); }
  } }, t("action.csv"));
}

/** A field made safe for spreadsheets: formulas neutralised, quoted when needed (as the API's CsvField.Text). */
export function csvField(value) {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV made in the browser (tables the API has no export for): UTF-8 with a byte-order mark, CRLF lines. */
export function csvBlob(header, rows) {
  const lines = [header.map(csvField).join(","), ...rows.map(r => r.map(csvField).join(","))];
  return new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
}

/** The hash's query part (#page?a=1&b=2) as URLSearchParams. */
export function hashParams() {
  const q = location.hash.indexOf("?");
  return new URLSearchParams(q < 0 ? "" : location.hash.slice(q + 1));
}

export function setHashParams(page, params) {
  const clean = new URLSearchParams([...params].filter(([, v]) => v !== ""));
  const query = clean.toString();
  const target = `#${page}${query ? "?" + query : ""}`;
  if (location.hash !== target) location.hash = target; else window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export function select(name, labelKey, options, value) {
  const id = `f-${name}`;
  return el("label", { for: id }, t(labelKey),
    el("select", { id, name }, options.map(([v, key]) => el("option", { value: v, selected: v === value }, t(key)))));
}

export function input(name, labelKey, value, type = "text") {
  const id = `f-${name}`;
  return el("label", { for: id }, t(labelKey), el("input", { id, name, type, value: value ?? "" }));
}

/** The pager of an offset-paged list (result.next, result.total; after = rows skipped) that moves #page?…&after=. */
export function pager(page, query, result) {
  const offset = Number(query.get("after") ?? 0);
  const limit = Number(query.get("limit") ?? 50);
  const go = after => { const p = new URLSearchParams(query); if (after > 0) p.set("after", String(after)); else p.delete("after"); setHashParams(page, p); };
  return el("div", { class: "pager" },
    el("span", {}, t("pager.range", { from: number(result.items.length ? offset + 1 : 0), to: number(offset + result.items.length), total: number(result.total) })),
    el("button", { type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) }, t("pager.previous")),
    el("button", { type: "button", disabled: !result.next, onclick: () => go(Number(result.next)) }, t("pager.next")));
}
