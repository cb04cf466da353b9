// The JSON API with the person's token: kept in sessionStorage, sent only in the Authorization header.
import { t, term, plural, number } from "./i18n.js";

const tokenKey = "dockgateway.token";

export function token() { return sessionStorage.getItem(tokenKey); }
export function setToken(value) { sessionStorage.setItem(tokenKey, value); }
export function forget() { sessionStorage.removeItem(tokenKey); }

/** An API failure with a message in the person's language. */
export class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: { ...options.headers, "Authorization": "Bearer " + token() } });
  } catch {
    throw new ApiError(t("error.network"), 0);
  }
  if (!response.ok) throw new ApiError(await explain(response), response.status);
  return response;
}

export async function get(path) { return (await request(path, { headers: { "Accept": "application/json" } })).json(); }

/** A keyset-paged list whose next page is in an RFC 8288 Link header: { items, next } (next = the after value, or null). */
export async function getPage(path) {
  const response = await request(path, { headers: { "Accept": "application/json" } });
  const link = /<([^>]+)>\s*;\s*rel="next"/.exec(response.headers.get("Link") || "");
  return { items: await response.json(), next: link ? new URL(link[1], location.href).searchParams.get("after") : null };
}

export async function post(path, body) {
  const response = await request(path, { method: "POST", headers: { "Accept": "application/json", "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return response.json();
}

export async function blob(path) { return (await request(path, { headers: { "Accept": "text/csv" } })).blob(); }

/** Footage or a case package: the bytes, with the person's reason for the access log (percent-encoded header). */
export async function evidence(path, reason) {
  const response = await request(path, { headers: { "X-Access-Reason": encodeURIComponent(reason) } });
  return { blob: await response.blob(), type: response.headers.get("Content-Type") || "" };
}

/** Turns a problem detail into a sentence in the chosen language, naming each bad field and its value. */
async function explain(response) {
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON */ }
  switch (response.status) {
    case 400: {
      const errors = problem.errors || {};
      const url = new URL(response.url);
      const parts = Object.keys(errors).map(field => {
        if (field === "after" && /past the end/.test(errors[field][0])) {
          const total = /(\d+)/.exec(errors[field][0]);
          return total ? plural("error.pastEnd", Number(total[1]), { total: number(Number(total[1])) }) : t("error.badRequest");
        }
        return t("error.badValue", { field: term("field", field), value: url.searchParams.get(field) ?? "" });
      });
      return parts.length ? parts.join(" ") : t("error.badRequest");
    }
    case 401: return t("error.unauthorized");
    case 403: return t("error.forbidden");
    case 404: return t("error.notFound", { what: problem.detail || "" });
    case 409: return t("error.conflict");
    default: return t("error.server", { status: response.status });
  }
}
