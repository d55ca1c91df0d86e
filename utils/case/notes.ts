// The user's own note per order (free text), stored in `local:caseNotes`. Written only by the case page.
import { storage } from 'wxt/utils/storage';

export interface CaseNote {
  text: string;
  /** ISO time of the last save */
  updatedAt: string;
}
/** orderId -> note */
export type CaseNotes = Record<string, CaseNote>;

export const MAX_NOTE_CHARS = 20_000;

export const caseNotesItem = storage.defineItem<CaseNotes>('local:caseNotes', { fallback: {}, version: 1 });

/** A new notes map with this order's note set (an empty note removes the entry). */
export function withNote(notes: CaseNotes, orderId: string, text: string, at: Date): CaseNotes {
  const { [orderId]: _old, ...rest } = notes;
  const trimmed = text.slice(0, MAX_NOTE_CHARS);
  if (!trimmed.trim()) return rest;
  return { ...rest, [orderId]: { text: trimmed, updatedAt: at.toISOString() } };
}
