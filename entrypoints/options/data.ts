// The options page's side of backup, restore and delete: storage.local and the evidence database
// (the extension's own IndexedDB, opened with the evidence repo's schema). Everything decided in
// utils/backup; here only reading and writing. Restore writes all evidence in ONE transaction
// (`add`, so an id already present aborts it whole) and all storage values in ONE set.
import { browser } from 'wxt/browser';
import { foldCases, unfoldCases } from '../../utils/cases/case-storage';
import { openEvidenceDb } from '../background/evidence-repo';
import { createBackup } from '../../utils/backup/create';
import { parseBackup, restoreBackup, type RestoreEvidence, type RestoreTarget } from '../../utils/backup/restore';
import { backupNeeded, backupStateItem, notBackedUp } from '../../utils/backup/state';
import { evidenceIndexItem } from '../../utils/evidence/evidence-index';
import type { EvidenceMeta } from '../../utils/evidence/types';
import type { ReminderMessage } from '../../utils/reminders/types';
import type { SettingsData, StorageUse } from '../../components/settings/api';

const ITEMS = 'items';
const BLOBS = 'blobs';
const THUMBS = 'thumbs';
const UPLOADS = 'uploads';

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Resolves when the transaction commits; rejects (everything rolled back) on error or abort. */
const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

async function readEvidence(): Promise<{ meta: EvidenceMeta; bytes: Uint8Array }[]> {
  const db = await openEvidenceDb();
  const tx = db.transaction([ITEMS, BLOBS, THUMBS]);
  const [metas, blobs, thumbs] = await Promise.all([
    request(tx.objectStore(ITEMS).getAll() as IDBRequest<EvidenceMeta[]>),
    request(tx.objectStore(BLOBS).getAll() as IDBRequest<{ id: string; blob: Blob }[]>),
    request(tx.objectStore(THUMBS).getAll() as IDBRequest<{ id: string; thumb?: string }[]>),
  ]);
  const blobById = new Map(blobs.map((b) => [b.id, b.blob]));
  const thumbById = new Map(thumbs.map((t) => [t.id, t.thumb]));
  const out: { meta: EvidenceMeta; bytes: Uint8Array }[] = [];
  for (const meta of metas) {
    const blob = blobById.get(meta.id);
    if (!blob) continue;
    const thumb = thumbById.get(meta.id);
    out.push({ meta: thumb ? { ...meta, thumb } : meta, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }
  return out;
}

async function evidenceKeys(): Promise<{ id: string; sha256: string }[]> {
  const db = await openEvidenceDb();
  const metas = await request(db.transaction(ITEMS).objectStore(ITEMS).getAll() as IDBRequest<EvidenceMeta[]>);
  return metas.map((m) => ({ id: m.id, sha256: m.sha256 }));
}

async function writeEvidence(items: RestoreEvidence[]): Promise<void> {
  const db = await openEvidenceDb();
  const tx = db.transaction([ITEMS, BLOBS, THUMBS], 'readwrite');
  const done = committed(tx);
  for (const { meta, bytes, thumb } of items) {
    tx.objectStore(ITEMS).add(meta);
    tx.objectStore(BLOBS).add({ id: meta.id, blob: new Blob([bytes as BlobPart], { type: meta.mime }) });
    if (thumb) tx.objectStore(THUMBS).add({ id: meta.id, thumb });
  }
  await done;
}

async function clearEvidence(): Promise<void> {
  const db = await openEvidenceDb();
  const stores = [ITEMS, BLOBS, THUMBS, UPLOADS]; // and the AliExpress copies prepared from them
  const tx = db.transaction(stores, 'readwrite');
  const done = committed(tx);
  for (const s of stores) tx.objectStore(s).clear();
  await done;
}

async function siteUse(): Promise<StorageUse['site']> {
  const est = await navigator.storage?.estimate?.().catch(() => undefined);
  return est && typeof est.usage === 'number' && typeof est.quota === 'number' ? { usage: est.usage, quota: est.quota } : undefined;
}

async function localUse(): Promise<number | undefined> {
  // Chrome has storage.local.getBytesInUse; Firefox does not (see README "Firefox")
  const area = browser.storage.local as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse !== 'function') return undefined;
  try {
    return await area.getBytesInUse(null);
  } catch {
    return undefined;
  }
}

const target: RestoreTarget = {
  readStorage: async () => foldCases((await browser.storage.local.get(null)) as Record<string, unknown>),
  evidenceKeys,
  async freeBytes() {
    const s = await siteUse();
    return s ? s.quota - s.usage : undefined;
  },
  async localRoom() {
    const quota = (browser.storage.local as { QUOTA_BYTES?: number }).QUOTA_BYTES;
    const used = await localUse();
    return quota && used !== undefined ? quota - used : undefined;
  },
  writeEvidence,
  writeStorage: (values) => browser.storage.local.set(unfoldCases(values)),
};

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has its own copy once started; a minute is plenty
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const send = (msg: ReminderMessage) => browser.runtime.sendMessage(msg).catch(() => undefined);

export const optionsData: SettingsData = {
  async backupInfo() {
    const [index, state] = await Promise.all([evidenceIndexItem.getValue(), backupStateItem.getValue()]);
    const evidence = Object.values(index).reduce((n, e) => n + e.length, 0);
    return { lastBackupAt: state.lastBackupAt, notBackedUp: notBackedUp(index, state), need: backupNeeded(index, state, new Date()), evidence };
  },
  async backup() {
    const now = new Date();
    const [storage, evidence] = await Promise.all([browser.storage.local.get(null).then((all) => foldCases(all as Record<string, unknown>)), readEvidence()]);
    const result = await createBackup({ storage, evidence }, { now, extensionVersion: browser.runtime.getManifest().version });
    download(result.bytes, result.fileName);
    const state = await backupStateItem.getValue();
    await backupStateItem.setValue({ ...state, lastBackupAt: now.toISOString(), backedUpIds: result.evidenceIds });
    return { fileName: result.fileName, orders: result.orders, evidence: result.evidenceIds.length, bytes: result.bytes.length, left: result.manifest.notIncluded };
  },
  async check(file) {
    const parsed = await parseBackup(file);
    if (!parsed.ok) return parsed;
    const cases = parsed.backup.storage.cases as { cases?: Record<string, unknown> } | undefined;
    return { ok: true, createdAt: parsed.backup.manifest.createdAt, orders: Object.keys(cases?.cases ?? {}).length, evidence: parsed.backup.evidence.length };
  },
  restore: (file) => restoreBackup(file, target),
  async deleteAll() {
    await clearEvidence();
    await browser.storage.local.clear();
    await send({ type: 'reminders-reset' });
  },
  async usage() {
    const [site, local] = await Promise.all([siteUse(), localUse()]);
    return { ...(site ? { site } : {}), ...(local !== undefined ? { local } : {}) };
  },
};
