// The evidence repository: captures in the extension's own IndexedDB (never the page's), bytes and
// metadata written in one transaction, plus the small per-order index in storage.local. The background
// is the only writer; tabs and extension pages talk to it with the evidence messages (utils/evidence/types.ts).
import { browser } from 'wxt/browser';
import { bytesToDataUrl } from '../../utils/evidence/data-url';
import {
  addToIndex,
  buildIndex,
  evidenceIndexItem,
  removeFromIndex,
  trackingHistoryFrom,
  withDerived,
} from '../../utils/evidence/evidence-index';
import { isAliExpressImageUrl } from '../../utils/evidence/images';
import { checkLinks, isBlob, isBytes, prepareItem, saveErrorText, UploadStaging, type PreparedItem } from '../../utils/evidence/upload';
import type { EvidenceMessage, EvidenceMeta, EvidenceReply, Failure } from '../../utils/evidence/types';
import type { PreparedCopies } from '../../utils/bundle/prepared';

export const DB_NAME = 'aliproof-evidence';
export const DB_VERSION = 2;
const ITEMS = 'items';
const BLOBS = 'blobs';
const THUMBS = 'thumbs';
const UPLOADS = 'uploads';
/**
 * object stores: items = metadata (keyPath id; indexes orderId, derivedFrom, captureId), blobs = {id, blob},
 * thumbs = {id, thumb}; since version 2, uploads = an image original's prepared AliExpress copies
 * (PreparedCopies, keyPath id = the original's id; made by upload-copies.ts, deleted with the original)
 */
export const EVIDENCE_STORES = { items: ITEMS, blobs: BLOBS, thumbs: THUMBS, uploads: UPLOADS } as const;

let dbPromise: Promise<IDBDatabase> | undefined;

export function openEvidenceDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available'));
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (e) => {
      const db = req.result;
      if (e.oldVersion < 1) {
        const items = db.createObjectStore(ITEMS, { keyPath: 'id' });
        items.createIndex('orderId', 'orderId');
        items.createIndex('derivedFrom', 'derivedFrom');
        items.createIndex('captureId', 'captureId');
        db.createObjectStore(BLOBS, { keyPath: 'id' });
        db.createObjectStore(THUMBS, { keyPath: 'id' });
      }
      if (e.oldVersion < 2) db.createObjectStore(UPLOADS, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        dbPromise = undefined;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another AliProof window'));
  }).catch((e) => {
    dbPromise = undefined;
    throw e;
  });
  return dbPromise;
}

/** Run `work` in one transaction; resolves when it COMMITS, rejects (rolled back) on any error or abort. */
export async function inTransaction<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => T): Promise<T> {
  const db = await openEvidenceDb();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let result: T;
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    try {
      result = work(tx);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      reject(e);
    }
  });
}

export const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

async function allMetas(): Promise<EvidenceMeta[]> {
  const db = await openEvidenceDb();
  return request(db.transaction(ITEMS).objectStore(ITEMS).getAll() as IDBRequest<EvidenceMeta[]>);
}

async function metasOf(orderId: string | undefined): Promise<EvidenceMeta[]> {
  const db = await openEvidenceDb();
  const tx = db.transaction([ITEMS, THUMBS]);
  const store = tx.objectStore(ITEMS);
  const metas = await request((orderId ? store.index('orderId').getAll(orderId) : store.getAll()) as IDBRequest<EvidenceMeta[]>);
  const thumbs = tx.objectStore(THUMBS);
  await Promise.all(
    metas.map(async (m) => {
      const t = (await request(thumbs.get(m.id))) as { thumb?: string } | undefined;
      if (t?.thumb) m.thumb = t.thumb;
    }),
  );
  return metas.sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : (a.part?.index ?? 0) - (b.part?.index ?? 0)));
}

// Writes (and index updates) one at a time, so two tabs saving at once never lose an index entry.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

async function updateIndex(change: (i: Awaited<ReturnType<typeof evidenceIndexItem.getValue>>) => ReturnType<typeof buildIndex>) {
  try {
    await evidenceIndexItem.setValue(change(await evidenceIndexItem.getValue()));
  } catch {
    indexStale = true; // IndexedDB holds the truth; the index is rebuilt on the next start
  }
}
let indexStale = true;

/** Rebuild the storage.local index from IndexedDB when it differs (after a crash between the two writes). */
export function rebuildIndex(): Promise<void> {
  return serialised(async () => {
    const fresh = buildIndex(await allMetas());
    const current = await evidenceIndexItem.getValue();
    if (JSON.stringify(fresh) !== JSON.stringify(current)) await evidenceIndexItem.setValue(fresh);
    indexStale = false;
  });
}

export const evidenceRepo = {
  /** Store prepared items in ONE transaction; nothing is kept if any of them fails. */
  saveAll(items: PreparedItem[]): Promise<EvidenceMeta[]> {
    return serialised(async () => {
      const db = await openEvidenceDb();
      const ids = [...new Set(items.flatMap((i) => [i.meta.id, i.meta.derivedFrom ?? '']).filter(Boolean))];
      const keysTx = db.transaction(ITEMS).objectStore(ITEMS);
      const found = await Promise.all(ids.map((id) => request(keysTx.getKey(id))));
      const existing = new Set(ids.filter((_, i) => found[i] !== undefined));
      const linkError = checkLinks(items.map((i) => i.meta), (id) => existing.has(id));
      if (linkError) throw Object.assign(new Error(linkError), { name: 'InvalidUpload' });
      await inTransaction([ITEMS, BLOBS, THUMBS], 'readwrite', (tx) => {
        for (const item of items) {
          tx.objectStore(ITEMS).add(item.meta);
          // a Blob that came as one is stored by reference (its bytes are the ones checked), not copied again
          tx.objectStore(BLOBS).add({ id: item.meta.id, blob: new Blob([(item.blob ?? item.bytes) as BlobPart], { type: item.meta.mime }) });
          if (item.thumb) tx.objectStore(THUMBS).add({ id: item.meta.id, thumb: item.thumb });
        }
      });
      const metas = items.map((i) => i.meta);
      await updateIndex((index) => addToIndex(index, metas));
      return metas;
    });
  },
  list: (orderId?: string) => metasOf(orderId),
  async get(id: string): Promise<{ meta: EvidenceMeta; blob: Blob } | undefined> {
    const db = await openEvidenceDb();
    const tx = db.transaction([ITEMS, BLOBS]);
    const meta = (await request(tx.objectStore(ITEMS).get(id))) as EvidenceMeta | undefined;
    const rec = (await request(tx.objectStore(BLOBS).get(id))) as { blob: Blob } | undefined;
    return meta && rec ? { meta, blob: rec.blob } : undefined;
  },
  updateNote(id: string, note: string): Promise<EvidenceMeta | undefined> {
    return serialised(async () => {
      let updated: EvidenceMeta | undefined;
      await inTransaction([ITEMS], 'readwrite', (tx) => {
        const store = tx.objectStore(ITEMS);
        const r = store.get(id);
        r.onsuccess = () => {
          const meta = r.result as EvidenceMeta | undefined;
          if (!meta) return;
          updated = { ...meta, note: note.slice(0, 4_000) };
          if (!updated.note) delete updated.note;
          store.put(updated);
        };
      });
      return updated;
    });
  },
  /** The AliExpress copies prepared for an image original (read-only here; see upload-copies.ts). */
  async preparedCopies(id: string): Promise<PreparedCopies | undefined> {
    const db = await openEvidenceDb();
    return (await request(db.transaction(UPLOADS).objectStore(UPLOADS).get(id))) as PreparedCopies | undefined;
  },
  /** Delete an item, every copy derived from it and their prepared upload copies, in one transaction. */
  delete(id: string): Promise<string[]> {
    return serialised(async () => {
      const ids = withDerived(await allMetas(), id);
      await inTransaction([ITEMS, BLOBS, THUMBS, UPLOADS], 'readwrite', (tx) => {
        for (const i of ids) for (const s of [ITEMS, BLOBS, THUMBS, UPLOADS]) tx.objectStore(s).delete(i);
      });
      await updateIndex((index) => removeFromIndex(index, ids));
      return ids;
    });
  },
  async trackingHistory(orderId: string) {
    const db = await openEvidenceDb();
    const metas = await request(db.transaction(ITEMS).objectStore(ITEMS).index('orderId').getAll(orderId) as IDBRequest<EvidenceMeta[]>);
    return trackingHistoryFrom(metas, orderId);
  },
};

/** What tracking said at each capture of an order, oldest first. */
export const trackingHistory = (orderId: string) => evidenceRepo.trackingHistory(orderId);

const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** Re-read one of the page's own images from an AliExpress host, without cookies, as a data URL. */
async function fetchImage(url: string): Promise<string> {
  if (!isAliExpressImageUrl(url)) throw new Error('not an AliExpress image address');
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 15_000);
  try {
    // redirect 'error': a redirect could lead off AliExpress's hosts
    const res = await fetch(url, { credentials: 'omit', cache: 'force-cache', redirect: 'error', signal: ctrl.signal });
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!res.ok || !type.startsWith('image/')) throw new Error(`not an image (${res.status} ${type})`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_IMAGE_BYTES) throw new Error('image too large');
    return bytesToDataUrl(bytes, type);
  } finally {
    clearTimeout(timer);
  }
}

const staging = new UploadStaging();
const fail = (error: string, code?: Failure['code']): Failure => ({ ok: false, error, ...(code ? { code } : {}) });

async function handle(msg: EvidenceMessage): Promise<EvidenceReply<EvidenceMessage>> {
  switch (msg.type) {
    case 'save-evidence': {
      const staged = staging.add(msg);
      if (typeof staged === 'string') return fail(staged, 'invalid');
      if (!staged) return { ok: true, pending: true };
      const version = browser.runtime.getManifest().version;
      const prepared = await Promise.all(staged.map((u) => prepareItem(u, version)));
      const bad = prepared.find((p): p is string => typeof p === 'string');
      if (bad) return fail(`The capture was not saved: ${bad}.`, 'invalid');
      try {
        return { ok: true, pending: false, saved: await evidenceRepo.saveAll(prepared as PreparedItem[]) };
      } catch (e) {
        if ((e as Error)?.name === 'InvalidUpload') return fail(`The capture was not saved: ${(e as Error).message}.`, 'invalid');
        const { error, code } = saveErrorText(e);
        return fail(error, code);
      }
    }
    case 'list-evidence':
      return { ok: true, items: await evidenceRepo.list(msg.orderId) };
    case 'get-evidence': {
      const found = await evidenceRepo.get(msg.id);
      if (!found) return fail('This capture is no longer stored.', 'not-found');
      return { ok: true, meta: found.meta, dataUrl: bytesToDataUrl(new Uint8Array(await found.blob.arrayBuffer()), found.meta.mime) };
    }
    case 'update-note': {
      if (typeof msg.note !== 'string') return fail('The note is not text.', 'invalid');
      const meta = await evidenceRepo.updateNote(msg.id, msg.note);
      return meta ? { ok: true, meta } : fail('This capture is no longer stored.', 'not-found');
    }
    case 'delete-evidence':
      return { ok: true, deleted: await evidenceRepo.delete(msg.id) };
    case 'tracking-history':
      return { ok: true, history: await evidenceRepo.trackingHistory(msg.orderId) };
    case 'fetch-image':
      return { ok: true, dataUrl: await fetchImage(msg.url) };
    case 'message-format': {
      // JSON turns a Uint8Array into {"0":1,"1":2,"2":3} and a Blob into {}; a structured clone keeps both
      const holds123 = (b: unknown) => isBytes(b) && b.length === 3 && b[0] === 1 && b[1] === 2 && b[2] === 3;
      const blob = msg.blob;
      return { ok: true, bytes: holds123(msg.probe), blob: isBlob(blob) && blob.size === 3 && holds123(new Uint8Array(await blob.arrayBuffer())) };
    }
  }
}

const EVIDENCE_TYPES = new Set<string>(['save-evidence', 'list-evidence', 'get-evidence', 'update-note', 'delete-evidence', 'tracking-history', 'fetch-image', 'message-format']);

/** Told of every evidence message answered: its type, and whether it stored new captures. */
const answered = new Set<(type: EvidenceMessage['type'], saved: boolean) => void>();
export function onEvidenceAnswered(listener: (type: EvidenceMessage['type'], saved: boolean) => void): void {
  answered.add(listener);
}
const tell = (type: EvidenceMessage['type'], saved: boolean) => {
  for (const l of answered) {
    try {
      l(type, saved);
    } catch {
      /* a listener's failure is not the message's */
    }
  }
};

/** Answer the evidence messages; call once from the background entry. */
export function registerEvidenceHandlers(): void {
  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: unknown) => void) => {
    const msg = raw as EvidenceMessage;
    if (!msg || typeof msg !== 'object' || !EVIDENCE_TYPES.has(msg.type)) return false;
    handle(msg)
      .then((reply) => {
        sendResponse(reply);
        tell(msg.type, msg.type === 'save-evidence' && reply.ok && 'saved' in reply);
      })
      .catch((e: unknown) => {
        if (msg.type === 'save-evidence') {
          staging.drop(msg.upload?.id);
          const { error, code } = saveErrorText(e);
          return sendResponse(fail(error, code));
        }
        sendResponse(fail(String((e as Error)?.message ?? e), 'unavailable'));
      });
    return true; // answer asynchronously
  });
  // heal the index if the last run stopped between the IndexedDB commit and the index write
  setTimeout(() => {
    if (indexStale) rebuildIndex().catch(() => undefined);
  }, 1_000);
}
