// The small evidence summary in storage.local (`local:evidenceIndex`): per order, which items exist,
// so the sidebar and stores can show counts and kinds without opening IndexedDB. The background is the
// only writer; IndexedDB stays the source of truth and the index is rebuilt from it when they differ.
import { lazyItem } from '../store/lazy-item';
import { NO_ORDER_KEY, type EvidenceIndex, type EvidenceIndexEntry, type EvidenceKind, type EvidenceMeta, type TrackingHistoryEntry } from './types';

export const evidenceIndexItem = lazyItem<EvidenceIndex>('local:evidenceIndex', { fallback: {} });

export const orderKey = (orderId: string | undefined): string => orderId || NO_ORDER_KEY;

export function indexEntry(m: EvidenceMeta): EvidenceIndexEntry {
  const e: EvidenceIndexEntry = { id: m.id, kind: m.kind, capturedAt: m.capturedAt, bytes: m.bytes, sha256: m.sha256 };
  if (m.derivedFrom) e.derivedFrom = m.derivedFrom;
  return e;
}

const byTime = (a: { capturedAt: string; id: string }, b: { capturedAt: string; id: string }) =>
  a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A new index with these items added (or replaced, by id). */
export function addToIndex(index: EvidenceIndex, metas: EvidenceMeta[]): EvidenceIndex {
  const next: EvidenceIndex = { ...index };
  for (const m of metas) {
    const key = orderKey(m.orderId);
    next[key] = [...(next[key] ?? []).filter((e) => e.id !== m.id), indexEntry(m)].sort(byTime);
  }
  return next;
}

/** A new index without these ids (orders left empty are dropped). */
export function removeFromIndex(index: EvidenceIndex, ids: string[]): EvidenceIndex {
  const gone = new Set(ids);
  const next: EvidenceIndex = {};
  for (const [key, entries] of Object.entries(index)) {
    const kept = entries.filter((e) => !gone.has(e.id));
    if (kept.length) next[key] = kept;
  }
  return next;
}

export const buildIndex = (metas: EvidenceMeta[]): EvidenceIndex => addToIndex({}, metas);

/** How many items of each kind an order has (redacted copies not counted). */
export function evidenceCounts(index: EvidenceIndex, orderId: string | undefined): Partial<Record<EvidenceKind, number>> {
  const counts: Partial<Record<EvidenceKind, number>> = {};
  for (const e of index[orderKey(orderId)] ?? []) if (!e.derivedFrom) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}

/** The ids to delete with `id`: itself and every copy derived from it, however deep. */
export function withDerived(metas: Pick<EvidenceMeta, 'id' | 'derivedFrom'>[], id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const m of metas) if (m.derivedFrom === out[i] && !out.includes(m.id)) out.push(m.id);
  return out;
}

/** What tracking said at each tracking capture of an order, oldest first (one entry per capture). */
export function trackingHistoryFrom(metas: EvidenceMeta[], orderId: string): TrackingHistoryEntry[] {
  const first = new Map<string, EvidenceMeta>(); // captureId -> its lowest-numbered original part
  for (const m of metas) {
    if (m.kind !== 'tracking' || m.derivedFrom || !m.tracking || m.orderId !== orderId) continue;
    const prev = first.get(m.captureId);
    if (!prev || (m.part?.index ?? 1) < (prev.part?.index ?? 1)) first.set(m.captureId, m);
  }
  return [...first.values()]
    .sort(byTime)
    .map((m) => ({ captureId: m.captureId, evidenceId: m.id, capturedAt: m.capturedAt, snapshot: m.tracking! }));
}

/** The evidence kinds an order has (for the evidence checklist), sorted. */
export function capturedKinds(index: EvidenceIndex, orderId: string | undefined): EvidenceKind[] {
  return (Object.keys(evidenceCounts(index, orderId)) as EvidenceKind[]).sort();
}
