// Making a backup file (format: ./format.ts). Pure apart from hashing: the caller reads storage and
// the evidence database and saves the bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sha256Hex } from '../evidence/hash';
import type { EvidenceMeta } from '../evidence/types';
import { FORMATS, FORMAT_NAMES } from '../migrations/registry';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  evidencePath,
  isCompressed,
  MANIFEST_PATH,
  README_PATH,
  storagePath,
  SUMS_PATH,
  type BackupManifest,
  type EvidenceEntry,
  type StorageEntry,
} from './format';

export interface BackupSource {
  /** everything in storage.local: values, and WXT's `<key>$` records holding each item's version */
  storage: Record<string, unknown>;
  /** every evidence item: stored metadata (thumbnail included) and its bytes */
  evidence: { meta: EvidenceMeta; bytes: Uint8Array }[];
}

export interface BackupResult {
  bytes: Uint8Array;
  fileName: string;
  manifest: BackupManifest;
  orders: number;
  /** evidence ids in the file */
  evidenceIds: string[];
  evidenceBytes: number;
}

export const storedVersion = (storage: Record<string, unknown>, key: string): number => {
  const meta = storage[`${key}$`] as { v?: unknown } | undefined;
  return Number.isInteger(meta?.v) ? (meta!.v as number) : 1;
};

const pad = (n: number) => String(n).padStart(2, '0');
export const backupFileName = (now: Date) =>
  `aliproof-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.zip`;

const README = `AliProof backup
================
This file holds your AliProof orders, settings and evidence. Restore it in AliProof:
Settings > Your data > Restore from a backup file.
aliproof-backup.json lists every file with its size and SHA-256; evidence/ holds the captures exactly as
they were stored. To check them yourself: unzip, then run  sha256sum -c SHA256SUMS

AliProof 백업
=============
AliProof의 주문, 설정, 증거가 들어 있는 파일입니다. AliProof 설정 > 내 데이터 > 백업 파일에서 복원에서
복원하세요. aliproof-backup.json에 각 파일의 크기와 SHA-256이 있고, evidence/ 폴더에는 저장된 그대로의
캡처가 있습니다. 직접 확인하려면 압축을 풀고  sha256sum -c SHA256SUMS  를 실행하세요.
`;

export async function createBackup(src: BackupSource, opts: { now: Date; extensionVersion: string }): Promise<BackupResult> {
  const files: Zippable = {};
  const mtime = opts.now;
  const json = (v: unknown) => strToU8(JSON.stringify(v, null, 1));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: opts.now.toISOString(),
    extensionVersion: opts.extensionVersion,
    storage: [],
    evidence: [],
    notIncluded: [],
  };

  const known = new Set<string>();
  for (const name of FORMAT_NAMES) {
    const format = FORMATS[name];
    known.add(format.key);
    if (!format.backup) continue;
    const value = src.storage[format.key];
    if (value === undefined || value === null) continue;
    const bytes = json(value);
    const entry: StorageEntry = { name, path: storagePath(name), version: storedVersion(src.storage, format.key), bytes: bytes.length, sha256: await sha256Hex(bytes) };
    manifest.storage.push(entry);
    files[entry.path] = [bytes, { level: 6, mtime }];
  }
  for (const key of Object.keys(src.storage).sort()) {
    if (key.endsWith('$') || known.has(key)) continue;
    manifest.notIncluded.push({ what: `storage "${key}"`, why: 'this version of AliProof does not know its format' });
  }

  const sums: string[] = [];
  const evidenceIds: string[] = [];
  let evidenceBytes = 0;
  for (const { meta, bytes } of src.evidence) {
    // a backup must restore: an item whose bytes no longer match its hash would make the whole file refused
    const actual = await sha256Hex(bytes);
    if (actual !== meta.sha256 || bytes.length !== meta.bytes) {
      manifest.notIncluded.push({ what: `evidence ${meta.id}`, why: 'its bytes no longer match the SHA-256 recorded when it was captured (kept in this browser)' });
      continue;
    }
    const entry: EvidenceEntry = { path: evidencePath(meta), meta: { ...meta } };
    if (files[entry.path]) {
      manifest.notIncluded.push({ what: `evidence ${meta.id}`, why: 'another item has the same id' });
      continue;
    }
    manifest.evidence.push(entry);
    files[entry.path] = [bytes, { level: isCompressed(meta.mime) ? 0 : 6, mtime }];
    sums.push(`${meta.sha256}  ${entry.path}`);
    evidenceIds.push(meta.id);
    evidenceBytes += bytes.length;
  }
  files[SUMS_PATH] = [strToU8(sums.join('\n') + (sums.length ? '\n' : '')), { level: 6, mtime }];
  files[README_PATH] = [strToU8(README), { level: 6, mtime }];
  files[MANIFEST_PATH] = [json(manifest), { level: 6, mtime }];

  const cases = src.storage[FORMATS.cases.key] as { cases?: Record<string, unknown> } | undefined;
  return {
    bytes: zipSync(files),
    fileName: backupFileName(opts.now),
    manifest,
    orders: Object.keys(cases?.cases ?? {}).length,
    evidenceIds,
    evidenceBytes,
  };
}
