// Merging what several pages said about the same order. Later readings win for single facts (they are
// newer), lists are united, and an unknown status never replaces a known one.
import type { OrderFacts, Tracking } from '../types';

const SCALARS = ['statusText', 'placedOn', 'paidOn', 'shippedOn', 'deliveredOn', 'completedOn', 'store', 'total', 'paymentMethod'] as const;

export function mergeOrder(older: OrderFacts, newer: OrderFacts): OrderFacts {
  const out: OrderFacts = { ...older, items: older.items, pageNotes: older.pageNotes };
  if (newer.status !== 'unknown' || older.status === 'unknown') {
    out.status = newer.status;
    if (newer.statusText !== undefined || newer.status !== 'unknown') out.statusText = newer.statusText ?? out.statusText;
  }
  for (const k of SCALARS) {
    if (k === 'statusText') continue;
    const v = newer[k];
    if (v !== undefined) (out as any)[k] = v;
  }
  out.items = mergeItems(older.items, newer.items);
  const notes = new Map(older.pageNotes.map((n) => [n.text, n]));
  for (const n of newer.pageNotes) if (!notes.has(n.text)) notes.set(n.text, n);
  out.pageNotes = [...notes.values()];
  out.tracking = mergeTracking(older.tracking, newer.tracking);
  if (!out.tracking) delete out.tracking;
  out.deadlines = [];
  delete out.next;
  return out;
}

/** Items from the reading that knows more of them; titles fill in from either. */
function mergeItems(a: OrderFacts['items'], b: OrderFacts['items']): OrderFacts['items'] {
  if (!b.length) return a;
  if (!a.length) return b;
  const [base, other] = b.filter((i) => i.title).length >= a.filter((i) => i.title).length ? [b, a] : [a, b];
  return base.map((item, i) => ({ ...other[i], ...stripUndefined(item), title: item.title || other[i]?.title || '' }));
}

function mergeTracking(a?: Tracking, b?: Tracking): Tracking | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    ...a,
    ...stripUndefined(b),
    events: b.events.length >= a.events.length ? b.events : a.events,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Merge lists of orders by orderId, in the order given; first appearance fixes the position. */
export function mergeOrders(...lists: OrderFacts[][]): OrderFacts[] {
  const byId = new Map<string, OrderFacts>();
  for (const list of lists) {
    for (const o of list) {
      const prev = byId.get(o.orderId);
      byId.set(o.orderId, prev ? mergeOrder(prev, o) : o);
    }
  }
  return [...byId.values()];
}
