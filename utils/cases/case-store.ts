// The case store: every order AliProof has seen, merged by orderId, with the day each fact was first
// seen. Pure functions here; the background owns the one persisted copy and applies readings to it.
import type { OrderFacts, PageKind, PageReading } from '../types';
import { mergeOrder } from '../orders/merge';

export const CASE_STORE_VERSION = 1;

/** One fact as it was first seen: its value (as text) and when. */
export interface SeenFact {
  value: string;
  firstSeen: string; // ISO time
}

export interface CaseRecord {
  orderId: string;
  /** merged facts from every page read (deadlines are computed when shown, not stored) */
  facts: OrderFacts;
  /** fact key -> the current value and when that value was first seen */
  seen: Record<string, SeenFact>;
  firstSeen: string;
  lastSeen: string;
  /** the last pages this order was read from, newest last */
  sources: { kind: PageKind; url: string; at: string }[];
}

export interface CaseStore {
  version: typeof CASE_STORE_VERSION;
  cases: Record<string, CaseRecord>;
}

export const emptyCaseStore = (): CaseStore => ({ version: CASE_STORE_VERSION, cases: {} });

const MAX_SOURCES = 20;

/** The facts worth dating, flattened to text so a change of value is visible. */
export function factValues(o: OrderFacts): Record<string, string> {
  const v: Record<string, string | undefined> = {
    status: o.status === 'unknown' ? undefined : o.status,
    statusText: o.statusText,
    placedOn: o.placedOn,
    paidOn: o.paidOn,
    shippedOn: o.shippedOn,
    deliveredOn: o.deliveredOn,
    completedOn: o.completedOn,
    store: o.store?.name,
    total: o.total ? `${o.total.amount} ${o.total.currency}` : undefined,
    paymentMethod: o.paymentMethod,
    trackingNumber: o.tracking?.number,
    carrier: o.tracking?.carrier,
    eta: o.tracking?.eta,
    latestEvent: o.tracking?.events[0] ? `${o.tracking.events[0].at} ${o.tracking.events[0].text}` : undefined,
  };
  for (const n of o.pageNotes) v[`note:${n.text}`] = n.date ?? n.text;
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => !!e[1]));
}

/** The facts as stored: what a page read, without the clocks (computed when shown). */
export function storedFacts(order: OrderFacts): OrderFacts {
  const facts: OrderFacts = { ...order, deadlines: [] };
  delete facts.next;
  return facts;
}

/** An order's stored facts with a page's reading merged in, as the background will store them. */
export const mergedFacts = (prev: OrderFacts | undefined, order: OrderFacts): OrderFacts =>
  prev ? mergeOrder(prev, storedFacts(order)) : storedFacts(order);

const sameDay = (a: string | undefined, b: string) => !!a && a.slice(0, 10) === b.slice(0, 10);

/**
 * Apply one page reading to the store; returns a new store (the input is not changed). Reading the
 * same page again on the same day with nothing new leaves the order's record as it was (the same
 * object): the list is re-read on every visit, and rewriting hundreds of unchanged orders would send
 * all of them to every open tab.
 */
export function applyReading(store: CaseStore, reading: PageReading, page: { url: string; at: string }): CaseStore {
  const cases = { ...store.cases };
  for (const order of reading.orders) {
    if (!/^\d{6,}$/.test(order.orderId)) continue;
    const prev = cases[order.orderId];
    const facts = mergedFacts(prev?.facts, order);
    const seen = { ...(prev?.seen ?? {}) };
    let newValue = false;
    for (const [k, value] of Object.entries(factValues(facts))) {
      if (seen[k]?.value !== value) {
        seen[k] = { value, firstSeen: page.at };
        newValue = true;
      }
    }
    const last = prev?.sources[prev.sources.length - 1];
    const samePage = !!last && last.kind === reading.kind && last.url === page.url && sameDay(last.at, page.at);
    if (prev && samePage && !newValue && sameDay(prev.lastSeen, page.at) && JSON.stringify(facts) === JSON.stringify(prev.facts)) continue;
    const sources = samePage ? prev!.sources : [...(prev?.sources ?? []), { kind: reading.kind, url: page.url, at: page.at }].slice(-MAX_SOURCES);
    cases[order.orderId] = {
      orderId: order.orderId,
      facts,
      seen,
      firstSeen: prev?.firstSeen ?? page.at,
      lastSeen: page.at,
      sources,
    };
  }
  return { ...store, cases };
}
