// Restoring a backup file: validate EVERYTHING first (format and version, every path, every size,
// every SHA-256 recomputed, every JSON shape), then plan the merge with what this browser holds,
// then write — evidence in one IndexedDB transaction, storage in one storage.local.set. A damaged
// file is refused with the reason and nothing is written. Pure apart from hashing; the caller
// supplies the browser side as a RestoreTarget.
import { strFromU8, unzipSync } from 'fflate';
import { sha256Hex } from '../evidence/hash';
import { addToIndex } from '../evidence/evidence-index';
import type { EvidenceIndex, EvidenceMeta } from '../evidence/types';
import { EVIDENCE_META, FORMATS, migrateValue, type FormatName, type StoredFormat } from '../migrations/registry';
import { isRecord } from '../migrations/shape';
import type { BackupState } from './state';
import { storedVersion } from './create';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  checkManifest,
  EVIDENCE_PATH,
  isAllowedPath,
  LIMITS,
  MANIFEST_PATH,
  README_PATH,
  storagePath,
  SUMS_PATH,
  type BackupManifest,
} from './format';
import { mergeCaseNotes, mergeCases, mergeChecklists, mergeReminderLog, mergeReminderPrefs, mergeSettings, mergeUserFacts, type MergeOutcome } from './merge';

export type RestoreErrorCode =
  | 'tooLarge'
  | 'notZip'
  | 'noManifest'
  | 'badJson'
  | 'notBackup'
  | 'newerFormat'
  | 'badPath'
  | 'duplicatePath'
  | 'missingFile'
  | 'sizeMismatch'
  | 'hashMismatch'
  | 'badShape'
  | 'quota'
  | 'writeFailed';

export interface RestoreError {
  code: RestoreErrorCode;
  /** the file inside the backup the problem is in */
  path?: string;
  /** more detail, in English */
  detail?: string;
}

export type SkipCode =
  | 'sameEvidence'
  | 'sameFile'
  | 'idTaken'
  | 'originalMissing'
  | 'newerEvidence'
  | 'newerItem'
  | 'unknownItem'
  | 'settingsKept'
  | 'keptHere'
  | 'extraFile';

export interface Skipped {
  code: SkipCode;
  /** what was skipped: an evidence id, an item name or a path */
  what: string;
  detail?: string;
}

export interface RestoreEvidence {
  meta: EvidenceMeta;
  bytes: Uint8Array;
  thumb?: string;
}

export interface ParsedBackup {
  manifest: BackupManifest;
  /** storage values, migrated to this version's formats */
  storage: Partial<Record<FormatName, unknown>>;
  evidence: RestoreEvidence[];
  skipped: Skipped[];
}

export type Parsed = { ok: true; backup: ParsedBackup } | { ok: false; error: RestoreError };
const refuse = (code: RestoreErrorCode, path?: string, detail?: string): Parsed => ({
  ok: false,
  error: { code, ...(path ? { path } : {}), ...(detail ? { detail } : {}) },
});

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(strFromU8(bytes)) };
  } catch {
    return { ok: false };
  }
}

/** Read and check a backup file completely. Nothing here writes anything. */
export async function parseBackup(file: Uint8Array): Promise<Parsed> {
  if (file.length > LIMITS.fileBytes) return refuse('tooLarge');
  // 1. the zip's directory: every name allowed, none twice, sizes within limits (before inflating)
  const seen = new Set<string>();
  let bad: Parsed | undefined;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(file, {
      filter: (f) => {
        if (bad) return false;
        if (!isAllowedPath(f.name)) bad = refuse('badPath', f.name);
        else if (seen.has(f.name)) bad = refuse('duplicatePath', f.name);
        else if (seen.size >= LIMITS.files) bad = refuse('tooLarge', f.name);
        else if (f.originalSize > (EVIDENCE_PATH.test(f.name) ? LIMITS.evidenceBytes : LIMITS.jsonBytes)) bad = refuse('tooLarge', f.name);
        else if ((total += f.originalSize) > LIMITS.totalBytes) bad = refuse('tooLarge', f.name);
        seen.add(f.name);
        return !bad;
      },
    });
  } catch (e) {
    return bad ?? refuse('notZip', undefined, (e as Error)?.message);
  }
  if (bad) return bad;

  // 2. the manifest
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) return refuse('noManifest', MANIFEST_PATH);
  const parsed = parseJson(manifestBytes);
  if (!parsed.ok) return refuse('badJson', MANIFEST_PATH);
  const m = parsed.value;
  if (!isRecord(m) || m.format !== BACKUP_FORMAT) return refuse('notBackup', MANIFEST_PATH);
  if (!Number.isInteger(m.formatVersion) || (m.formatVersion as number) < 1) return refuse('badShape', MANIFEST_PATH, 'formatVersion is not a version');
  if ((m.formatVersion as number) > BACKUP_FORMAT_VERSION) return refuse('newerFormat', MANIFEST_PATH, `format version ${m.formatVersion}`);
  const shapeError = checkManifest(m, 'manifest');
  if (shapeError) return refuse('badShape', MANIFEST_PATH, shapeError);
  const manifest = m as unknown as BackupManifest;

  const referenced = new Set<string>([MANIFEST_PATH, SUMS_PATH, README_PATH]);
  const reference = (path: string): Parsed | undefined => {
    if (referenced.has(path)) return refuse('duplicatePath', path);
    referenced.add(path);
    return undefined;
  };
  const checkFile = async (path: string, bytes: number, sha256: string): Promise<Parsed | Uint8Array> => {
    const data = files[path];
    if (!data) return refuse('missingFile', path);
    if (data.length !== bytes) return refuse('sizeMismatch', path, `${data.length} bytes, the backup says ${bytes}`);
    if ((await sha256Hex(data)) !== sha256) return refuse('hashMismatch', path);
    return data;
  };
  const skipped: Skipped[] = [];

  // 3. storage items: present, same size, same hash, valid JSON, known version, right shape
  const storage: ParsedBackup['storage'] = {};
  for (const entry of manifest.storage) {
    if (entry.path !== storagePath(entry.name)) return refuse('badPath', entry.path);
    const dup = reference(entry.path);
    if (dup) return dup;
    const data = await checkFile(entry.path, entry.bytes, entry.sha256);
    if (!(data instanceof Uint8Array)) return data;
    const json = parseJson(data);
    if (!json.ok) return refuse('badJson', entry.path);
    const format = (FORMATS as Record<string, StoredFormat>)[entry.name];
    if (!format || !format.backup || !Object.hasOwn(FORMATS, entry.name)) {
      skipped.push({ code: 'unknownItem', what: entry.name });
      continue;
    }
    if (entry.version > format.version) {
      skipped.push({ code: 'newerItem', what: entry.name, detail: `version ${entry.version}` });
      continue;
    }
    const migrated = migrateValue(format, json.value, entry.version);
    if (!migrated.ok) return refuse('badShape', entry.path, migrated.error);
    storage[entry.name as FormatName] = migrated.value;
  }

  // 4. evidence: metadata shape, path, size and SHA-256 of every file, recomputed
  const evidence: RestoreEvidence[] = [];
  const ids = new Set<string>();
  for (const entry of manifest.evidence) {
    const match = EVIDENCE_PATH.exec(entry.path);
    if (!match || match[1] !== entry.meta.id) return refuse('badPath', entry.path);
    const dup = reference(entry.path);
    if (dup) return dup;
    if (ids.has(entry.meta.id)) return refuse('duplicatePath', entry.path, `evidence id ${entry.meta.id} twice`);
    ids.add(entry.meta.id);
    const version = entry.meta.schemaVersion ?? 1;
    if (version > EVIDENCE_META.version) {
      skipped.push({ code: 'newerEvidence', what: entry.meta.id, detail: `version ${version}` });
      continue;
    }
    const migrated = migrateValue(EVIDENCE_META, entry.meta, version);
    if (!migrated.ok) return refuse('badShape', entry.path, migrated.error);
    const meta = migrated.value as EvidenceMeta;
    const data = await checkFile(entry.path, meta.bytes, meta.sha256);
    if (!(data instanceof Uint8Array)) return data;
    const { thumb, ...stored } = meta;
    evidence.push({ meta: stored as EvidenceMeta, bytes: data, ...(thumb ? { thumb } : {}) });
  }

  for (const name of Object.keys(files)) if (!referenced.has(name)) skipped.push({ code: 'extraFile', what: name });
  return { ok: true, backup: { manifest, storage, evidence, skipped } };
}

// ------------------------------------------------------------------------------------------------

export interface ExistingData {
  /** everything in storage.local (values and `<key>$` version records) */
  storage: Record<string, unknown>;
  /** every evidence item already here */
  evidence: { id: string; sha256: string }[];
}

export interface RestoreSummary {
  ordersAdded: number;
  ordersMerged: number;
  evidenceAdded: number;
  evidenceBytes: number;
  settingsRestored: boolean;
}

export interface RestorePlan {
  /** one storage.local.set: merged values and their version records */
  storage: Record<string, unknown>;
  evidence: RestoreEvidence[];
  skipped: Skipped[];
  summary: RestoreSummary;
}

type Merger = (here: any, backup: any) => MergeOutcome<unknown>;
const MERGERS: Partial<Record<FormatName, Merger>> = {
  cases: mergeCases,
  userFacts: mergeUserFacts,
  checklist: mergeChecklists,
  caseNotes: mergeCaseNotes,
  settings: mergeSettings,
  reminderPrefs: mergeReminderPrefs,
  reminderLog: mergeReminderLog,
};

/** What to write: the backup merged into this browser's data, evidence deduplicated by id and SHA-256. */
export function planRestore(backup: ParsedBackup, existing: ExistingData): RestorePlan {
  const skipped = [...backup.skipped];
  const storage: Record<string, unknown> = {};
  const summary: RestoreSummary = { ordersAdded: 0, ordersMerged: 0, evidenceAdded: 0, evidenceBytes: 0, settingsRestored: false };

  for (const [name, value] of Object.entries(backup.storage) as [FormatName, unknown][]) {
    const format: StoredFormat = FORMATS[name];
    const merge = MERGERS[name];
    if (!merge) continue;
    const raw = existing.storage[format.key];
    let here: unknown;
    if (raw !== undefined && raw !== null) {
      const mine = migrateValue(format, raw, storedVersion(existing.storage, format.key));
      // this browser's own value cannot be read: leave it exactly as it is
      if (!mine.ok) {
        skipped.push({ code: 'keptHere', what: name, detail: mine.error });
        continue;
      }
      here = mine.value;
    }
    const out = merge(here, value);
    if (out.kept) {
      skipped.push({ code: 'settingsKept', what: name });
      continue;
    }
    storage[format.key] = out.value;
    storage[`${format.key}$`] = { ...(isRecord(existing.storage[`${format.key}$`]) ? (existing.storage[`${format.key}$`] as object) : {}), v: format.version };
    if (name === 'cases') {
      summary.ordersAdded = out.added;
      summary.ordersMerged = out.merged;
    }
    if (name === 'settings') summary.settingsRestored = true;
  }

  // evidence: the same id or the same bytes (SHA-256) is the same item
  const byId = new Map(existing.evidence.map((e) => [e.id, e.sha256]));
  const bySha = new Map(existing.evidence.map((e) => [e.sha256, e.id]));
  const remap = new Map<string, string>();
  const alreadyHere: string[] = [];
  let candidates: RestoreEvidence[] = [];
  for (const item of backup.evidence) {
    const { id, sha256 } = item.meta;
    if (byId.has(id)) {
      if (byId.get(id) === sha256) {
        skipped.push({ code: 'sameEvidence', what: id });
        alreadyHere.push(id);
      } else skipped.push({ code: 'idTaken', what: id });
      continue;
    }
    const twin = bySha.get(sha256);
    if (twin) {
      skipped.push({ code: 'sameFile', what: id, detail: twin });
      remap.set(id, twin);
      alreadyHere.push(twin);
      continue;
    }
    candidates.push(item);
  }
  // a redacted copy needs its original: here already, or restored with it (drop orphans until none are left)
  for (;;) {
    const present = new Set([...byId.keys(), ...candidates.map((c) => c.meta.id)]);
    const orphans = candidates.filter((c) => c.meta.derivedFrom && !present.has(remap.get(c.meta.derivedFrom) ?? c.meta.derivedFrom));
    if (!orphans.length) break;
    for (const o of orphans) skipped.push({ code: 'originalMissing', what: o.meta.id, detail: o.meta.derivedFrom });
    candidates = candidates.filter((c) => !orphans.includes(c));
  }
  const evidence = candidates.map((c) => {
    const to = c.meta.derivedFrom && remap.get(c.meta.derivedFrom);
    return to ? { ...c, meta: { ...c.meta, derivedFrom: to } } : c;
  });
  summary.evidenceAdded = evidence.length;
  summary.evidenceBytes = evidence.reduce((n, e) => n + e.bytes.length, 0);

  if (evidence.length) {
    const index = (isRecord(existing.storage.evidenceIndex) ? existing.storage.evidenceIndex : {}) as EvidenceIndex;
    storage[FORMATS.evidenceIndex.key] = addToIndex(index, evidence.map((e) => e.meta));
  }
  // restored evidence is in a backup file already: it does not need backing up again
  const restoredIds = [...evidence.map((e) => e.meta.id), ...alreadyHere];
  if (restoredIds.length) {
    const state = (isRecord(existing.storage.backupState) ? existing.storage.backupState : { backedUpIds: [] }) as unknown as BackupState;
    storage[FORMATS.backupState.key] = { ...state, backedUpIds: [...new Set([...(state.backedUpIds ?? []), ...restoredIds])] };
  }
  return { storage, evidence, skipped, summary };
}

// ------------------------------------------------------------------------------------------------

export interface RestoreTarget {
  readStorage(): Promise<Record<string, unknown>>;
  evidenceKeys(): Promise<{ id: string; sha256: string }[]>;
  /** bytes the browser still lets the extension store in IndexedDB, when it says */
  freeBytes?(): Promise<number | undefined>;
  /** bytes still free in storage.local (Chrome: 10 MB in all without unlimitedStorage), when it says */
  localRoom?(): Promise<number | undefined>;
  /** all items in ONE transaction: all or nothing */
  writeEvidence(items: RestoreEvidence[]): Promise<void>;
  /** ONE storage.local.set */
  writeStorage(values: Record<string, unknown>): Promise<void>;
}

export type RestoreReport =
  | { ok: true; summary: RestoreSummary; skipped: Skipped[]; notIncluded: BackupManifest['notIncluded']; createdAt: string }
  | { ok: false; error: RestoreError };

const jsonBytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/** Check, plan and write. On any refusal nothing has been written. */
export async function restoreBackup(file: Uint8Array, target: RestoreTarget): Promise<RestoreReport> {
  const parsed = await parseBackup(file);
  if (!parsed.ok) return parsed;
  const [storage, evidence] = await Promise.all([target.readStorage(), target.evidenceKeys()]);
  const plan = planRestore(parsed.backup, { storage, evidence });
  const free = await target.freeBytes?.();
  // room for the evidence plus a margin for the database's own overhead
  if (free !== undefined && plan.summary.evidenceBytes * 1.2 + 1_000_000 > free) {
    return { ok: false, error: { code: 'quota', detail: `${plan.summary.evidenceBytes} bytes needed, ${free} free` } };
  }
  // storage.local is replaced key by key: what matters is the new size of the keys written
  const room = await target.localRoom?.();
  if (room !== undefined) {
    const written = Object.keys(plan.storage);
    const growth = jsonBytes(plan.storage) - jsonBytes(Object.fromEntries(written.filter((k) => k in storage).map((k) => [k, storage[k]])));
    if (growth > room) return { ok: false, error: { code: 'quota', detail: `orders and settings need ${growth} more bytes, ${room} free` } };
  }
  try {
    if (plan.evidence.length) await target.writeEvidence(plan.evidence);
  } catch (e) {
    return { ok: false, error: { code: 'writeFailed', detail: String((e as Error)?.message ?? e) } };
  }
  try {
    if (Object.keys(plan.storage).length) await target.writeStorage(plan.storage);
  } catch (e) {
    // the evidence is in; the orders and settings are not: say so plainly
    return { ok: false, error: { code: 'writeFailed', detail: `the evidence was restored but the orders and settings were not: ${String((e as Error)?.message ?? e)}` } };
  }
  return {
    ok: true,
    summary: plan.summary,
    skipped: plan.skipped,
    notIncluded: parsed.backup.manifest.notIncluded ?? [],
    createdAt: parsed.backup.manifest.createdAt,
  };
}

