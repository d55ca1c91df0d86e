// This browser's own backups: when the last one was made and which evidence it held, so AliProof can
// say when new evidence has gone 7 days without a backup. Not itself backed up (it is about this browser).
import { storage } from 'wxt/utils/storage';
import { itemVersioning } from '../migrations/registry';
import type { EvidenceIndex } from '../evidence/types';

export interface BackupState {
  lastBackupAt?: string;
  /** evidence ids that are in a backup file (made here, or restored from one) */
  backedUpIds: string[];
}

export const backupStateItem = storage.defineItem<BackupState>('local:backupState', {
  fallback: { backedUpIds: [] },
  ...itemVersioning('backupState'),
});

export const BACKUP_REMINDER_DAYS = 7;

export interface BackupNeed {
  /** captures in no backup */
  count: number;
  /** capture time of the oldest of them (ISO) */
  oldest: string;
}

/** Evidence not in any backup, when the oldest of it is `days` days old or more; else undefined. */
export function backupNeeded(index: EvidenceIndex, state: BackupState, now: Date, days = BACKUP_REMINDER_DAYS): BackupNeed | undefined {
  const done = new Set(state.backedUpIds);
  let count = 0;
  let oldest: string | undefined;
  for (const entries of Object.values(index)) {
    for (const e of entries) {
      if (done.has(e.id)) continue;
      count++;
      if (!oldest || e.capturedAt < oldest) oldest = e.capturedAt;
    }
  }
  if (!count || !oldest) return undefined;
  const age = now.getTime() - Date.parse(oldest);
  return age >= days * 86_400_000 ? { count, oldest } : undefined;
}

/** Evidence not in any backup, whatever its age (for the settings page). */
export function notBackedUp(index: EvidenceIndex, state: BackupState): number {
  const done = new Set(state.backedUpIds);
  return Object.values(index).reduce((n, entries) => n + entries.filter((e) => !done.has(e.id)).length, 0);
}
