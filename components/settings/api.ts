// What the settings page needs from the browser besides the stores: backup, restore, delete, storage
// use. The options page passes the real one (entrypoints/options/data.ts); tests pass a fake.
import type { RestoreError, RestoreReport } from '../../utils/backup/restore';
import type { BackupNeed } from '../../utils/backup/state';

export interface BackupOutcome {
  fileName: string;
  orders: number;
  evidence: number;
  bytes: number;
  /** what the file does not hold, and why (plain words, English) */
  left: { what: string; why: string }[];
}

export interface BackupInfo {
  lastBackupAt?: string;
  /** captures in no backup */
  notBackedUp: number;
  /** set when the oldest of them is 7 days old or more */
  need?: BackupNeed;
  evidence: number;
}

export type BackupCheck = { ok: true; createdAt: string; orders: number; evidence: number } | { ok: false; error: RestoreError };

export interface StorageUse {
  /** navigator.storage.estimate(): the extension's IndexedDB and caches */
  site?: { usage: number; quota: number };
  /** storage.local bytes, where the browser can say */
  local?: number;
}

export interface SettingsData {
  backupInfo(): Promise<BackupInfo>;
  /** make the file and hand it to the browser's downloads */
  backup(): Promise<BackupOutcome>;
  /** check a file completely without writing anything */
  check(file: Uint8Array): Promise<BackupCheck>;
  restore(file: Uint8Array): Promise<RestoreReport>;
  deleteAll(): Promise<void>;
  usage(): Promise<StorageUse>;
}
