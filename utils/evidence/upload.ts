// Both ends of a save. The tab sends a capture as one or more `save-evidence` messages (runtime
// messages are limited in size; in Chrome before 148 they are JSON, so bytes travel as data URLs there);
// the background keeps the slices in memory and writes ALL items
// in one IndexedDB transaction when the last slice arrives. A lost slice, a restarted service worker or a
// failed transaction therefore leaves nothing half-saved.
import { parseDataUrl } from './data-url';
import { isSha256Hex, sha256Hex } from './hash';
import { EVIDENCE_KINDS, type EvidenceMessage, type EvidenceMeta, type EvidenceUpload } from './types';

/** Largest JSON message we send (Chrome's hard limit is 64 MiB). */
export const MAX_MESSAGE_CHARS = 24 * 1024 * 1024;
/** Largest single item accepted. */
export const MAX_ITEM_BYTES = 64 * 1024 * 1024;
export const ALLOWED_MIME = ['image/png', 'image/jpeg', 'text/plain'];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDER_RE = /^\d{6,22}$/;

export const newId = (): string => crypto.randomUUID();

/** What an item's data weighs in a message: its bytes, or its data URL's characters. */
export const uploadSize = (item: EvidenceUpload): number => item.blob?.size ?? item.bytes?.byteLength ?? item.dataUrl?.length ?? 0;

/** Cut a list of uploads into message-sized groups (an item never spans two messages). */
export function groupUploads(items: EvidenceUpload[], maxChars = MAX_MESSAGE_CHARS): EvidenceUpload[][] {
  const groups: EvidenceUpload[][] = [];
  let current: EvidenceUpload[] = [];
  let size = 0;
  for (const item of items) {
    const n = uploadSize(item) + (item.meta.thumb?.length ?? 0) + 2_000;
    if (current.length && size + n > maxChars) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** The save-evidence messages for one capture. */
export function uploadMessages(items: EvidenceUpload[], uploadId: string = newId(), maxChars: number = MAX_MESSAGE_CHARS): Extract<EvidenceMessage, { type: 'save-evidence' }>[] {
  const groups = groupUploads(items, maxChars);
  return groups.map((g, index) => ({ type: 'save-evidence', upload: { id: uploadId, index, count: groups.length }, items: g }));
}

export interface PreparedItem {
  meta: EvidenceMeta;
  bytes: Uint8Array;
  /** the Blob the bytes were read from, when they came as one (stored as it is: same bytes) */
  blob?: Blob;
  thumb?: string;
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A Uint8Array (from any realm: a structured clone is made in the receiver's). */
export const isBytes = (v: unknown): v is Uint8Array => ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';

/** A Blob (a structured clone of one is made in the receiver's realm). */
export const isBlob = (v: unknown): v is Blob => typeof Blob !== 'undefined' && v instanceof Blob;

/** The mime type and bytes of an upload (and the Blob they came in), or why there are none. */
async function dataOf(upload: EvidenceUpload): Promise<{ mime: string; bytes: Uint8Array; blob?: Blob } | string> {
  const forms = [upload.blob, upload.bytes, upload.dataUrl].filter((f) => f !== undefined).length;
  if (forms !== 1) return 'an item has no data';
  if (upload.blob !== undefined) {
    if (!isBlob(upload.blob)) return 'an item has no data';
    if (upload.blob.size > MAX_ITEM_BYTES) return 'an item is too large';
    return { mime: upload.meta.mime, bytes: new Uint8Array(await upload.blob.arrayBuffer()), blob: upload.blob };
  }
  if (upload.bytes !== undefined) return isBytes(upload.bytes) ? { mime: upload.meta.mime, bytes: upload.bytes } : 'an item has no data';
  if (typeof upload.dataUrl !== 'string') return 'an item has no data';
  return parseDataUrl(upload.dataUrl) ?? 'an item is not a data URL';
}

/**
 * Check one uploaded item and turn it into what the repository stores. The hash sent by the tab (made
 * at capture) must match the bytes received; it is kept as is, never recomputed into the record.
 */
export async function prepareItem(upload: EvidenceUpload, extensionVersion: string): Promise<PreparedItem | string> {
  const m = upload?.meta;
  if (!m || (upload.dataUrl === undefined && upload.bytes === undefined && upload.blob === undefined)) return 'an item has no data';
  if (!UUID_RE.test(m.id) || !UUID_RE.test(m.captureId)) return 'an item has a bad id';
  if (!EVIDENCE_KINDS.includes(m.kind)) return `unknown evidence kind ${String(m.kind).slice(0, 40)}`;
  if (m.orderId !== undefined && !ORDER_RE.test(m.orderId)) return 'the order id is not a number';
  if (m.derivedFrom !== undefined && !UUID_RE.test(m.derivedFrom)) return 'a copy names a bad original';
  if (!str(m.url, 4_000) || !str(m.title, 2_000) || !str(m.method, 200) || !str(m.capturedAt, 40) || Number.isNaN(Date.parse(m.capturedAt))) return 'an item has bad details';
  if (!isSha256Hex(m.sha256)) return 'an item has no SHA-256';
  if (m.thumb !== undefined && (!str(m.thumb, 400_000) || !/^data:image\/(jpeg|png);base64,/.test(m.thumb))) return 'an item has a bad thumbnail';
  const parsed = await dataOf(upload);
  if (typeof parsed === 'string') return parsed;
  if (!ALLOWED_MIME.includes(parsed.mime) || parsed.mime !== m.mime) return `unsupported file type ${String(parsed.mime).slice(0, 100)}`;
  if (parsed.bytes.length > MAX_ITEM_BYTES) return 'an item is too large';
  const hash = await sha256Hex(parsed.bytes);
  if (hash !== m.sha256) return 'the bytes received do not match their SHA-256 (changed on the way)';
  // only known fields are kept, each checked or bounded
  const meta: EvidenceMeta = {
    id: m.id,
    kind: m.kind,
    captureId: m.captureId,
    url: m.url,
    title: m.title,
    capturedAt: m.capturedAt,
    method: m.method,
    bytes: parsed.bytes.length,
    mime: parsed.mime,
    sha256: m.sha256,
    extensionVersion,
  };
  if (m.orderId !== undefined) meta.orderId = m.orderId;
  if (m.derivedFrom !== undefined) meta.derivedFrom = m.derivedFrom;
  if (str(m.derivation, 500)) meta.derivation = m.derivation;
  if (typeof m.note === 'string' && m.note) meta.note = m.note.slice(0, 4_000);
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 1_000_000;
  if (m.part && count(m.part.index) && count(m.part.count) && m.part.index >= 1 && m.part.index <= m.part.count) meta.part = { index: m.part.index, count: m.part.count };
  if (count(m.width)) meta.width = m.width;
  if (count(m.height)) meta.height = m.height;
  if (count(m.messages)) meta.messages = m.messages;
  if (Array.isArray(m.problems)) meta.problems = m.problems.filter((p) => typeof p === 'string').slice(0, 50).map((p) => p.slice(0, 1_000));
  if (m.tracking !== undefined) {
    if (typeof m.tracking !== 'object' || JSON.stringify(m.tracking).length > 200_000) return 'the tracking facts are malformed';
    meta.tracking = m.tracking;
  }
  return { meta, bytes: parsed.bytes, ...(parsed.blob ? { blob: parsed.blob } : {}), thumb: m.thumb };
}

/** Check that copies name an original in the same upload or already stored, and ids are new. */
export function checkLinks(items: EvidenceMeta[], exists: (id: string) => boolean): string | undefined {
  const ids = new Set<string>();
  for (const m of items) {
    if (ids.has(m.id) || exists(m.id)) return 'an item with this id is already stored';
    ids.add(m.id);
  }
  for (const m of items) if (m.derivedFrom && !ids.has(m.derivedFrom) && !exists(m.derivedFrom)) return 'a copy names an original that is not stored';
  return undefined;
}

interface Staged {
  count: number;
  slices: Map<number, EvidenceUpload[]>;
  touched: number;
}

/** The background's memory of uploads in progress. Stale uploads (the tab went away) are dropped. */
export class UploadStaging {
  private uploads = new Map<string, Staged>();
  constructor(private readonly ttlMs = 5 * 60_000, private readonly now: () => number = Date.now) {}

  /** Add a slice; returns every item when the upload is complete, otherwise null. */
  add(msg: Extract<EvidenceMessage, { type: 'save-evidence' }>): EvidenceUpload[] | null | string {
    this.sweep();
    const { id, index, count } = msg.upload ?? ({} as never);
    if (typeof id !== 'string' || !Number.isInteger(index) || !Number.isInteger(count) || count < 1 || count > 1_000 || index < 0 || index >= count) {
      return 'the upload is malformed';
    }
    if (!Array.isArray(msg.items)) return 'the upload has no items';
    let s = this.uploads.get(id);
    if (!s) {
      s = { count, slices: new Map(), touched: this.now() };
      this.uploads.set(id, s);
    }
    if (s.count !== count) {
      this.uploads.delete(id);
      return 'the upload changed its size';
    }
    s.slices.set(index, msg.items);
    s.touched = this.now();
    if (s.slices.size < count) return null;
    this.uploads.delete(id);
    return [...s.slices.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, items]) => items);
  }

  drop(id: string) {
    this.uploads.delete(id);
  }

  get size() {
    return this.uploads.size;
  }

  private sweep() {
    const limit = this.now() - this.ttlMs;
    for (const [id, s] of this.uploads) if (s.touched < limit) this.uploads.delete(id);
  }
}

/** Plain words for a failed IndexedDB write. */
export function saveErrorText(e: unknown): { error: string; code: 'quota' | 'unavailable' } {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return { code: 'quota', error: 'Your browser has no room left for AliProof evidence (storage quota exceeded). Nothing was saved.' };
  }
  return { code: 'unavailable', error: `AliProof's evidence store could not save this capture (${name || 'error'}: ${message}). Nothing was saved.` };
}
