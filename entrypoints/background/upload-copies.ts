// The AliExpress upload copies, made ahead of time (utils/bundle/prepared.ts says when an export may use
// them). The background prepares the copies of every image original that has none (or stale ones) once
// the evidence side has been quiet for PREPARE_AFTER_MS: after captures are saved, and after a start
// (captures saved by an older version, or restored from a backup). One image at a time, on the
// background's own thread, at the default size limit. A copy is stored only while its original still
// exists (same transaction), and is deleted with it (evidence-repo.ts); records whose original is gone
// are swept. `prepare-upload-copies` runs a pass now and answers when it is done (benchmarks and tests).
import { browser } from 'wxt/browser';
import { DEFAULT_JPEG_MAX_BYTES } from '../../utils/bundle/format';
import { canvasJpegEncoder } from '../../utils/bundle/jpeg';
import { prepareCopies, UPLOAD_RECIPE, type PreparedCopies, type PrepareUploadsMessage, type PrepareUploadsReply } from '../../utils/bundle/prepared';
import { sha256Hex } from '../../utils/evidence/hash';
import type { EvidenceMeta } from '../../utils/evidence/types';
import { EVIDENCE_STORES, inTransaction, onEvidenceAnswered, openEvidenceDb, request } from './evidence-repo';

/**
 * Quiet time before preparing: long enough that a run of captures (or an export, which competes for the
 * same processor) is not slowed by it, short of the 30 s after which an idle background may be stopped.
 */
export const PREPARE_AFTER_MS = 20_000;

const { items: ITEMS, blobs: BLOBS, uploads: UPLOADS } = EVIDENCE_STORES;

const canEncode = () => typeof createImageBitmap === 'function' && (typeof OffscreenCanvas !== 'undefined' || typeof document !== 'undefined');
const pause = () => new Promise((r) => setTimeout(r, 0));

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

type Result = Extract<PrepareUploadsReply, { ok: true }>;

/** Store a record only while its original is still there (a delete in between wins). */
async function keep(record: PreparedCopies): Promise<boolean> {
  let kept = false;
  await inTransaction([ITEMS, UPLOADS], 'readwrite', (tx) => {
    const r = tx.objectStore(ITEMS).getKey(record.id);
    r.onsuccess = () => {
      if (r.result === undefined) return;
      tx.objectStore(UPLOADS).put(record);
      kept = true;
    };
  });
  return kept;
}

/** One pass: prepare what is missing or stale, sweep what lost its original. */
async function pass(): Promise<Result> {
  const out: Result = { ok: true, prepared: 0, unchanged: 0, failed: 0 };
  if (!canEncode()) return out;
  const db = await openEvidenceDb();
  const read = db.transaction([ITEMS, UPLOADS]);
  const [metas, records] = await Promise.all([
    request(read.objectStore(ITEMS).getAll() as IDBRequest<EvidenceMeta[]>),
    request(read.objectStore(UPLOADS).getAll() as IDBRequest<PreparedCopies[]>),
  ]);
  const present = new Set(metas.map((m) => m.id));
  const orphans = records.filter((r) => !present.has(r.id)).map((r) => r.id);
  if (orphans.length) {
    const tx = db.transaction(UPLOADS, 'readwrite');
    for (const id of orphans) tx.objectStore(UPLOADS).delete(id);
  }
  const have = new Map(records.map((r) => [r.id, r]));
  const v = version();
  for (const meta of metas) {
    if (meta.derivedFrom || !meta.mime.startsWith('image/')) continue;
    const had = have.get(meta.id);
    if (had && had.recipe === UPLOAD_RECIPE && had.sha256 === meta.sha256) {
      out.unchanged++;
      continue;
    }
    try {
      const stored = (await request(db.transaction(BLOBS).objectStore(BLOBS).get(meta.id))) as { blob: Blob } | undefined;
      if (!stored) continue; // deleted meanwhile
      // made only from bytes that are still the ones captured (an export says so when they are not)
      if ((await sha256Hex(stored.blob)) !== meta.sha256) {
        out.failed++;
        continue;
      }
      const record = await prepareCopies(canvasJpegEncoder, { id: meta.id, sha256: meta.sha256, mime: meta.mime, image: stored.blob }, DEFAULT_JPEG_MAX_BYTES, v);
      if (await keep(record)) out.prepared++;
    } catch {
      out.failed++; // the export makes these copies itself
    }
    await pause();
  }
  return out;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let current: Promise<Result> | undefined;

/** Run a pass now (after the one under way, if any). */
export function prepareUploadCopies(): Promise<Result> {
  clearTimeout(timer);
  timer = undefined;
  const run = (current ?? Promise.resolve()).catch(() => undefined).then(pass);
  current = run;
  void run.finally(() => {
    if (current === run) current = undefined;
  }).catch(() => undefined);
  return run;
}

/** A pass once nothing has happened for PREPARE_AFTER_MS. */
function prepareWhenQuiet(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void prepareUploadCopies().catch(() => undefined), PREPARE_AFTER_MS);
}

/** Call once from the background entry. */
export function registerUploadPreparation(): void {
  onEvidenceAnswered((_type, saved) => {
    // new captures: prepare when quiet; any other evidence work (an export listing its captures)
    // pushes a waiting pass back
    if (saved || timer !== undefined) prepareWhenQuiet();
  });
  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: unknown) => void) => {
    if ((raw as PrepareUploadsMessage | undefined)?.type !== 'prepare-upload-copies') return false;
    prepareUploadCopies()
      .then(sendResponse)
      .catch((e: unknown) => sendResponse({ ok: false, error: String((e as Error)?.message ?? e) } satisfies PrepareUploadsReply));
    return true;
  });
  prepareWhenQuiet(); // captures from before this version, or restored ones
}
