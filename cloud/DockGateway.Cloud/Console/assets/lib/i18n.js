// Languages of the console: one dictionary per language (/console/i18n/<lang>.json, the same keys in each).
// The language is the one remembered in localStorage, else the shell's <html lang> (the server picks it
// from Accept-Language; Chinese where the browser prefers it). Dates and numbers use Intl in that locale.
// A caption with a count is an object of CLDR plural forms ({"one": …, "other": …} in English, {"other": …} in
// Chinese, which does not inflect), and plural() picks the form Intl.PluralRules names for the count.
const languageKey = "dockgateway.language";
export const languages = ["zh-CN", "en"];
let dictionary = {};
let current = "zh-CN";
let pluralRules = new Intl.PluralRules(current);

export function language() { return current; }

export async function load(requested) {
  const remembered = localStorage.getItem(languageKey);
  const lang = [requested, remembered, document.documentElement.lang].find(l => languages.includes(l)) || "zh-CN";
  const response = await fetch(`/console/i18n/${lang}.json`);
  if (!response.ok) throw new Error(`dictionary ${lang}: ${response.status}`);
  dictionary = await response.json();
  current = lang;
  pluralRules = new Intl.PluralRules(lang);
  document.documentElement.lang = lang;
  if (requested) localStorage.setItem(languageKey, lang);
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  document.title = t("app.documentTitle");
}

/** The text for key, with {name} placeholders filled from vars; a missing key shows as itself (and is logged). */
export function t(key, vars = {}) {
  let text = dictionary[key];
  if (text === undefined) {
    console.warn(`missing translation ${current}:${key}`);
    text = key;
  } else if (typeof text !== "string") {
    console.warn(`plural translation ${current}:${key} used without a count`);
    text = text.other;
  }
  return fill(text, vars);
}

/**
 * The text for key in the plural form the language uses for count (CLDR categories through Intl.PluralRules: "1 case",
 * "2 cases"; Chinese has only "other"), with {n} the count in the language's digits unless vars names it.
 */
export function plural(key, count, vars = {}) {
  const forms = dictionary[key];
  if (forms === undefined || typeof forms === "string") {
    console.warn(`missing plural translation ${current}:${key}`);
    return fill(forms ?? key, { n: number(count), ...vars });
  }
  return fill(forms[pluralRules.select(count)] ?? forms.other, { n: number(count), ...vars });
}

function fill(text, vars) { return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? "")); }

/** A translated value (state, kind, status) with its key as the fallback when the dictionary has none. */
export function term(group, value) {
  const key = `${group}.${value}`;
  return key in dictionary ? dictionary[key] : value;
}

export function date(iso) {
  if (!iso) return null;
  return new Intl.DateTimeFormat(current, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function number(n, options = {}) {
  return n === null || n === undefined ? null : new Intl.NumberFormat(current, options).format(n);
}

export function percent(share) { return number(share, { style: "percent", maximumFractionDigits: 1 }); }

export function bytes(n) {
  if (n === null || n === undefined) return null;
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return number(n, { style: "unit", unit: units[i], maximumFractionDigits: 1 });
}

/** Names (agencies, officers) sort with the zh-CN collator: Chinese by pinyin, Latin letters alphabetically. */
export const collator = new Intl.Collator("zh-CN");
