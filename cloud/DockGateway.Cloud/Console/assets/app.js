// DockGateway web console: the shell. Signs in with a pasted token (sessionStorage, Authorization header only),
// loads the language, and shows one page module per hash route (#overview, #recorders, #officers, #alerts, #docks, #custody, #verify, #footage, #cases, #access-log, #retention).
import { load, language, t, date } from "./lib/i18n.js";
import { get, token, setToken, forget } from "./lib/api.js";

const pages = ["overview", "recorders", "officers", "alerts", "docks", "custody", "verify", "footage", "cases", "access-log", "retention"];
let me = null;

function $(id) { return document.getElementById(id); }

export function showError(message) {
  $("error").textContent = message || "";
  $("error").hidden = !message;
}

function route() {
  const name = location.hash.slice(1).split("?")[0];
  return pages.includes(name) ? name : "overview";
}

async function render() {
  showError("");
  const signedIn = Boolean(token());
  $("signin").hidden = signedIn;
  $("nav").hidden = !signedIn;
  $("signout").hidden = !signedIn;
  const page = $("page");
  if (!signedIn) {
    page.replaceChildren();
    $("who").textContent = "";
    return;
  }
  const name = route();
  for (const a of document.querySelectorAll("nav a")) {
    if (a.dataset.page === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  page.setAttribute("aria-busy", "true");
  page.replaceChildren();
  try {
    me ??= await get("/api/v1/me");
    $("who").textContent = t("who.line", { name: me.name, role: t(`role.${me.role}`) });
    // Custody and verify-a-file are for auditors and admins (the API answers 403 to others).
    const audits = me.role === "admin" || me.role === "auditor";
    for (const a of document.querySelectorAll("nav a[data-audit]")) a.hidden = !audits;
    // Retention is for those who may see evidence: admins, auditors and reviewers.
    for (const a of document.querySelectorAll("nav a[data-evidence]")) a.hidden = !(audits || me.role === "reviewer");
    const module = await import(`./pages/${name}.js`);
    await module.show(page, { me, showError });
    $("updated").textContent = t("app.updated", { time: date(new Date().toISOString()) });
  } catch (e) {
    // What the page drew before the failure (its heading and filters) stays, so the filters can be corrected.
    if (!page.querySelector("h2")) page.replaceChildren(Object.assign(document.createElement("h2"), { textContent: t(`nav.${name}`) }));
    showError(e.message);
    if (e.status === 401) {
      forget(); me = null; page.replaceChildren();
      $("signin").hidden = false; $("nav").hidden = true; $("signout").hidden = true;
    }
  } finally {
    page.dataset.rendered = location.hash;
    page.setAttribute("aria-busy", "false");
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  try {
    await load();
  } catch (e) {
    showError(String(e.message));
    return;
  }
  $("language").value = language();
  $("language").addEventListener("change", async event => { await load(event.target.value); render(); });
  $("signin").addEventListener("submit", event => {
    event.preventDefault();
    const value = $("token").value.trim();
    $("token").value = "";
    if (value) { setToken(value); me = null; render(); }
  });
  $("signout").addEventListener("click", () => { forget(); me = null; render(); });
  window.addEventListener("hashchange", render);
  render();
});
