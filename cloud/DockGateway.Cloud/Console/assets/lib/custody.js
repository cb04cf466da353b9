// Custody proofs checked in the browser, trusting nothing the server says: a streaming SHA-256 of the file, C2SP
// verifier keys, signed notes (Ed25519), tlog-cosignature/v1 cosignatures, c2sp.org/tlog-proof@v1 bundles and RFC 6962 /
// RFC 9162 §2.1.3.2 inclusion proofs. The vendored @noble files (pinned by SHA-256 in vendor/README.md) do the hashing
// (WebCrypto has no incremental digest) and Ed25519 (strict RFC 8032, not ZIP 215, as the dock and cloud check).
import { sha256, sha512 } from "../vendor/noble-hashes/sha2.js";
import { verify as ed25519Verify, hashes } from "../vendor/noble-ed25519/index.js";

// The synchronous Ed25519 verify with noble's SHA-512: no dependence on crypto.subtle (absent outside secure contexts).
hashes.sha512 = sha512;

const encoder = new TextEncoder();
export const noteType = 0x01;
export const cosignatureType = 0x04;

/** A failed check: code names the check (a dictionary key verify.check.<code>), detail adds what was found. */
export class CheckFailed extends Error {
  constructor(code, detail = "") { super(`${code}${detail ? ": " + detail : ""}`); this.code = code; this.detail = detail; }
}

export function hex(bytes) { return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join(""); }

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function equal(a, b) { return a.length === b.length && a.every((v, i) => v === b[i]); }

/** Standard padded base64 only (as C2SP requires); null for anything else. */
export function base64(text) {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

/**
 * SHA-256 of a File read as a stream (File.stream(), chunks through one incremental hasher), so a file of several GB
 * never sits in memory; onProgress(bytesDone, total) after each chunk; signal aborts it.
 */
export async function hashFile(file, onProgress, signal) {
  const hasher = sha256.create();
  const reader = file.stream().getReader();
  let done = 0;
  for (;;) {
    if (signal?.aborted) { await reader.cancel(); throw new DOMException("aborted", "AbortError"); }
    const chunk = await reader.read();
    if (chunk.done) break;
    hasher.update(chunk.value);
    done += chunk.value.length;
    onProgress?.(done, file.size);
  }
  return hex(hasher.digest());
}

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ entry bytes). */
export function leafHash(entryText) { return sha256(concat(Uint8Array.of(0), encoder.encode(entryText))); }

function nodeHash(left, right) { return sha256(concat(Uint8Array.of(1), left, right)); }

/** RFC 9162 §2.1.3.2, step by step (including the inner shift loop); true when proof leads from leaf to root. */
export function verifyInclusion(index, size, leaf, proof, root) {
  if (!(index >= 0 && index < size)) return false;
  let fn = index, sn = size - 1, r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/** The key ID: first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key), as a number. */
function keyId(name, type, publicKey) {
  const h = sha256(concat(encoder.encode(name), Uint8Array.of(0x0a, type), publicKey));
  return ((h[0] << 24) >>> 0) + (h[1] << 16) + (h[2] << 8) + h[3];
}

/** Parses a verifier key name+hex8+base64(type ‖ key) of the given type; a CheckFailed("key") says what is wrong. */
export function parseVerifierKey(text, type) {
  const first = text.indexOf("+"), second = text.indexOf("+", first + 1);
  if (first <= 0 || second < 0) throw new CheckFailed("keyFormat", text);
  const name = text.slice(0, first), id = text.slice(first + 1, second), blob = base64(text.slice(second + 1));
  if (/[\s+]/.test(name) || !/^[0-9a-f]{8}$/.test(id) || !blob || blob.length !== 33) throw new CheckFailed("keyFormat", text);
  if (blob[0] !== type) throw new CheckFailed("keyType", `${name}: 0x${blob[0].toString(16).padStart(2, "0")}`);
  const publicKey = blob.slice(1);
  if (keyId(name, type, publicKey) !== parseInt(id, 16)) throw new CheckFailed("keyId", name);
  return { name, id: parseInt(id, 16), publicKey, text };
}

/** Splits a signed note into its text (ending in its newline) and signature lines {name, id, bytes}. */
export function parseNote(note) {
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) throw new CheckFailed("noteFormat");
  const text = note.slice(0, split + 1);
  const signatures = note.slice(split + 2, -1).split("\n").map(line => {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    const blob = m && base64(m[2]);
    if (!blob || blob.length < 5) throw new CheckFailed("noteFormat", line);
    return { name: m[1], id: new DataView(blob.buffer).getUint32(0), bytes: blob.slice(4) };
  });
  return { text, signatures };
}

/** The checkpoint body: origin, size, root hash (32 bytes), extension lines. */
export function parseCheckpoint(text) {
  const lines = text.slice(0, -1).split("\n");
  const root = lines.length >= 3 ? base64(lines[2]) : null;
  if (lines.length < 3 || !lines[0] || !/^(0|[1-9][0-9]*)$/.test(lines[1]) || !root || root.length !== 32) throw new CheckFailed("checkpointFormat");
  return { origin: lines[0], size: Number(lines[1]), root };
}

/** A c2sp.org/tlog-proof@v1 bundle: index, inclusion hashes, the signed checkpoint verbatim. */
export function parseTlogProof(text) {
  const lines = text.split("\n");
  let i = 0;
  if (lines[i++] !== "c2sp.org/tlog-proof@v1") throw new CheckFailed("proofFormat", "header");
  if (lines[i]?.startsWith("extra ")) i++;
  const m = /^index (0|[1-9][0-9]*)$/.exec(lines[i++] ?? "");
  if (!m) throw new CheckFailed("proofFormat", "index");
  const hashes = [];
  for (; i < lines.length && lines[i] !== ""; i++) {
    const h = base64(lines[i]);
    if (!h || h.length !== 32) throw new CheckFailed("proofFormat", `line ${i + 1}`);
    hashes.push(h);
  }
  if (i >= lines.length) throw new CheckFailed("proofFormat", "checkpoint");
  return { index: Number(m[1]), hashes, checkpoint: lines.slice(i + 1).join("\n") };
}

/** True when the note carries a valid Ed25519 signature by the pinned note key (name and key ID matched). */
export async function verifyNoteSignature(note, key) {
  const line = note.signatures.find(s => s.name === key.name && s.id === key.id);
  return Boolean(line) && line.bytes.length === 64 && ed25519Verify(line.bytes, encoder.encode(note.text), key.publicKey, { zip215: false });
}

/** The cosignature/v1 timestamp (seconds) of the pinned witness key's valid cosignature, else null. */
export async function verifyCosignature(note, key) {
  const line = note.signatures.find(s => s.name === key.name && s.id === key.id);
  if (!line || line.bytes.length !== 72) return null;
  const seconds = new DataView(line.bytes.buffer, line.bytes.byteOffset).getBigUint64(0);
  const message = encoder.encode(`cosignature/v1\ntime ${seconds}\n${note.text}`);
  return ed25519Verify(line.bytes.slice(8), message, key.publicKey, { zip215: false }) ? Number(seconds) : null;
}

/**
 * Every check of one entry and its proof, in order, each {check, ok, detail}: the bundle parses, the checkpoint is the
 * dock's (origin = pinned key name) and signed by the pinned dock key, cosigned by a pinned witness key, the entry's leaf
 * hash is included at the bundle's index.
 */
export async function checkEntry(entryText, proofText, dockKeys, witnessKeys) {
  const results = [];
  const add = (check, ok, detail = "") => { results.push({ check, ok, detail }); return ok; };
  let proof, note, checkpoint;
  try {
    proof = parseTlogProof(proofText);
    note = parseNote(proof.checkpoint);
    checkpoint = parseCheckpoint(note.text);
  } catch (e) {
    add(e.code ?? "proofFormat", false, e.detail ?? String(e.message));
    return { results };
  }
  const dockKey = dockKeys.find(k => k.name === checkpoint.origin);
  if (add("dockKeyPinned", Boolean(dockKey), checkpoint.origin)) add("dockSignature", await verifyNoteSignature(note, dockKey), dockKey.text);
  let cosignedAt = null;
  for (const key of witnessKeys) { cosignedAt = await verifyCosignature(note, key); if (cosignedAt !== null) break; }
  add("witnessCosignature", witnessKeys.length > 0 && cosignedAt !== null, witnessKeys.map(k => k.name).join(", "));
  add("inclusion", verifyInclusion(proof.index, checkpoint.size, leafHash(entryText), proof.hashes, checkpoint.root),
    `index ${proof.index}, size ${checkpoint.size}`);
  return { results, index: proof.index, checkpoint, cosignedAt };
}
