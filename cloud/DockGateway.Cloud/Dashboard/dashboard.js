// DockGateway fleet dashboard: fetches the JSON API with the bearer token typed into the page (kept in
// sessionStorage only), renders with textContent (never HTML from data), refreshes every 10 seconds.
"use strict";

const tokenKey = "dockgateway.token";
let timer = null;

function token() { return sessionStorage.getItem(tokenKey); }

async function api(path) {
  const response = await fetch(path, { headers: { "Authorization": "Bearer " + token(), "Accept": "application/json" } });
  if (!response.ok) {
    let detail = "";
    try { const problem = await response.json(); detail = problem.detail || problem.title || ""; } catch { /* not JSON */ }
    throw new Error(`${path}: ${response.status} ${detail}`.trim());
  }
  return response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === null || text === undefined ? "—" : String(text);
  if (className) td.className = className;
  return td;
}

function fill(tableId, items, render, emptyText) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren();
  if (items.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = document.querySelectorAll(`#${tableId} thead th`).length;
    td.className = "empty";
    td.textContent = emptyText;
    return;
  }
  for (const item of items) render(body.insertRow(), item);
}

function when(iso) { return iso ? new Date(iso).toLocaleString() : null; }

function bytes(n) {
  if (n === null || n === undefined) return null;
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

function renderRatio(row, r) {
  cell(row, `${r.agencyCode} — ${r.agencyName}`);
  cell(row, r.class);
  cell(row, r.officers);
  cell(row, r.recordersInService);
  cell(row, r.requiredRecorders);
  cell(row, r.compliant ? "compliant" : `short ${r.shortfall}`, r.compliant ? "ok" : "bad");
  cell(row, `${r.legalReviewStaff} / ${r.legalReviewRequired}`, r.legalReviewCompliant ? "ok" : "bad");
  cell(row, r.recordersOverdue, r.recordersOverdue > 0 ? "bad" : "ok");
}

function renderDock(row, d) {
  cell(row, d.agencyCode);
  cell(row, d.id);
  cell(row, d.site);
  cell(row, d.online ? "online" : "offline", d.online ? "ok" : "bad");
  cell(row, when(d.lastSeenAt));
  cell(row, d.version);
  cell(row, bytes(d.freeDiskBytes));
  cell(row, d.queues ? Object.entries(d.queues).map(([k, v]) => `${k} ${v}`).join(", ") : null);
  const slots = row.insertCell();
  if (d.slots.length === 0) slots.textContent = "—";
  for (const s of d.slots) {
    const span = document.createElement("span");
    span.className = `slot ${s.state}`;
    span.title = s.message || "";
    span.textContent = `${s.slot}: ${s.state}${s.recorder ? " " + s.recorder : ""}${s.files ? ` ${s.done}/${s.files}` : ""}`;
    slots.appendChild(span);
  }
}

function renderAlert(row, a) {
  cell(row, when(a.receivedAt));
  cell(row, a.agencyCode);
  cell(row, a.dockId);
  cell(row, a.kind, "bad");
  cell(row, a.slot);
  cell(row, a.recorder);
  cell(row, a.message);
}

function showError(message) {
  const error = document.getElementById("error");
  error.textContent = message;
  error.hidden = !message;
}

async function refresh() {
  if (!token()) {
    document.getElementById("who").textContent = "Enter a token to see the fleet.";
    return;
  }
  try {
    const me = await api("/api/v1/me");
    document.getElementById("who").textContent =
      `${me.name} (${me.role}${me.global ? ", all agencies" : ": " + me.agencies.join(", ")})`;
    const [ratios, docks] = await Promise.all([api("/api/v1/ratios"), api("/api/v1/fleet")]);
    fill("ratios", ratios, renderRatio, "No agencies.");
    fill("docks", docks, renderDock, "No enrolled docks.");
    const alertLists = await Promise.all(ratios.map(r => api(`/api/v1/agencies/${encodeURIComponent(r.agencyCode)}/alerts?limit=20`)));
    const alerts = alertLists.flat().sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, 50);
    fill("alerts", alerts, renderAlert, "No alerts.");
    document.getElementById("updated").textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every 10 s.`;
    showError("");
  } catch (e) {
    showError(e.message);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("login").addEventListener("submit", event => {
    event.preventDefault();
    sessionStorage.setItem(tokenKey, document.getElementById("token").value.trim());
    document.getElementById("token").value = "";
    refresh();
  });
  document.getElementById("logout").addEventListener("click", () => {
    sessionStorage.removeItem(tokenKey);
    for (const id of ["ratios", "docks", "alerts"]) document.querySelector(`#${id} tbody`).replaceChildren();
    refresh();
  });
  // A token in the fragment (#token=…) is taken once and removed from the address bar (handy for screenshots and kiosks).
  const match = /^#token=(.+)$/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname);
  }
  refresh();
  timer = setInterval(refresh, 10000);
});
