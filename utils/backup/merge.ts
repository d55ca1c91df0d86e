// Merging a backup's stored values into this browser's, item by item. Values on both sides are at
// the current version (migrated first). The rule everywhere: nothing this browser holds is lost;
// what the backup adds is added; where both know the same thing, the newer or the local one stays.
import type { CaseRecord, CaseStore } from '../cases/case-store';
import { mergeOrder } from '../orders/merge';
import type { Checklists, Settings, UserFacts } from '../store/items';
import type { ReminderLog, ReminderPrefs } from '../reminders/types';
import type { CaseNotes } from '../case/notes';

export interface MergeOutcome<T> {
  value: T;
  added: number;
  merged: number;
  /** the backup's value was not used at all */
  kept?: boolean;
}

const MAX_SOURCES = 20;

/** Two records of one order: facts merged oldest reading first, dates of first sight kept earliest. */
export function mergeCaseRecord(a: CaseRecord, b: CaseRecord): CaseRecord {
  const [older, newer] = a.lastSeen <= b.lastSeen ? [a, b] : [b, a];
  const seen = { ...newer.seen };
  for (const [k, f] of Object.entries(older.seen)) {
    // same value seen on both sides: the earlier first sighting is the true one
    if (seen[k]?.value === f.value && f.firstSeen < seen[k].firstSeen) seen[k] = f;
    else if (!seen[k]) seen[k] = f;
  }
  const sources = [...older.sources, ...newer.sources]
    .filter((s, i, all) => all.findIndex((x) => x.url === s.url && x.at === s.at && x.kind === s.kind) === i)
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))
    .slice(-MAX_SOURCES);
  return {
    orderId: newer.orderId,
    facts: mergeOrder(older.facts, newer.facts),
    seen,
    firstSeen: older.firstSeen < newer.firstSeen ? older.firstSeen : newer.firstSeen,
    lastSeen: newer.lastSeen,
    sources,
  };
}

export function mergeCases(here: CaseStore | undefined, backup: CaseStore): MergeOutcome<CaseStore> {
  const cases: Record<string, CaseRecord> = { ...(here?.cases ?? {}) };
  let added = 0;
  let merged = 0;
  for (const [id, rec] of Object.entries(backup.cases)) {
    if (!cases[id]) {
      cases[id] = rec;
      added++;
    } else if (JSON.stringify(cases[id]) !== JSON.stringify(rec)) {
      cases[id] = mergeCaseRecord(cases[id], rec);
      merged++;
    }
  }
  return { value: { ...(here ?? backup), version: backup.version, cases }, added, merged };
}

/** The user's own corrections: per fact, the one entered last wins. */
export function mergeUserFacts(here: UserFacts | undefined, backup: UserFacts): MergeOutcome<UserFacts> {
  const out: UserFacts = { ...(here ?? {}) };
  let added = 0;
  let merged = 0;
  for (const [orderId, facts] of Object.entries(backup)) {
    const mine = { ...(out[orderId] ?? {}) };
    for (const [key, fact] of Object.entries(facts) as [keyof typeof facts, NonNullable<(typeof facts)[keyof typeof facts]>][]) {
      const cur = mine[key];
      if (!cur) added++;
      else if (fact.at > cur.at) merged++;
      else continue;
      mine[key] = fact;
    }
    out[orderId] = mine;
  }
  return { value: out, added, merged };
}

/** Checklist ticks: a tick made on either side stays; this browser's chosen reason stays. */
export function mergeChecklists(here: Checklists | undefined, backup: Checklists): MergeOutcome<Checklists> {
  const out: Checklists = { ...(here ?? {}) };
  let added = 0;
  let merged = 0;
  for (const [orderId, entry] of Object.entries(backup)) {
    const mine = out[orderId];
    if (!mine) {
      out[orderId] = entry;
      added++;
      continue;
    }
    const ticks = { ...entry.ticks, ...mine.ticks };
    for (const [k, v] of Object.entries(entry.ticks)) if (v) ticks[k] = true;
    out[orderId] = { ...(mine.reason ?? entry.reason ? { reason: mine.reason ?? entry.reason } : {}), ticks };
    merged++;
  }
  return { value: out, added, merged };
}

/** Settings: a browser that has its own settings keeps them; a fresh one takes the backup's. */
export function mergeSettings(here: Settings | undefined, backup: Settings): MergeOutcome<Settings> {
  return here ? { value: here, added: 0, merged: 0, kept: true } : { value: backup, added: 1, merged: 0 };
}

/** Per-order reminder choices: this browser's choice for an order stays. */
export function mergeReminderPrefs(here: ReminderPrefs | undefined, backup: ReminderPrefs): MergeOutcome<ReminderPrefs> {
  const out = { ...(here ?? {}) };
  let added = 0;
  for (const [id, p] of Object.entries(backup)) {
    if (out[id]) continue;
    out[id] = p;
    added++;
  }
  return { value: out, added, merged: 0 };
}

/** Reminders already sent: sent on either side counts as sent, so none repeats after a restore. */
export function mergeReminderLog(here: ReminderLog | undefined, backup: ReminderLog): MergeOutcome<ReminderLog> {
  const sent = { ...backup.sent, ...(here?.sent ?? {}) };
  const added = Object.keys(sent).length - Object.keys(here?.sent ?? {}).length;
  const base: ReminderLog = here ? { ...here } : { sent: {} };
  return { value: { ...base, sent }, added, merged: 0 };
}

/** The user's notes per order: the one saved last wins. */
export function mergeCaseNotes(here: CaseNotes | undefined, backup: CaseNotes): MergeOutcome<CaseNotes> {
  const out = { ...(here ?? {}) };
  let added = 0;
  let merged = 0;
  for (const [id, note] of Object.entries(backup)) {
    const mine = out[id];
    if (!mine) added++;
    else if (note.updatedAt > mine.updatedAt) merged++;
    else continue;
    out[id] = note;
  }
  return { value: out, added, merged };
}
