// What the UI shows for one order: the facts read from pages with the user's corrections on top
// (the user beats the page for every fact they fixed), each fact's source, and the clocks computed
// from the result. Pure: no storage, no clock of its own.
import { mergedFacts, type CaseRecord } from '../cases/case-store';
import type { OrderFacts, OrderStatus } from '../types';
import type { Msg } from '../i18n';
import { daysLeft, withDeadlines } from '../deadlines/engine';
import type { RuleOverrides } from '../deadlines/rules';
import type { FactSource } from '../advice/clocks';
import type { UserFactKey, UserFacts } from './items';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'awaiting-payment',
  'awaiting-shipment',
  'awaiting-delivery',
  'completed',
  'closed',
  'unknown',
];
export const DATE_FACTS = ['placedOn', 'paidOn', 'shippedOn', 'deliveredOn', 'completedOn'] as const;
export type DateFact = (typeof DATE_FACTS)[number];
/** The facts the "Fix the facts" form offers (notReceived has its own checkbox). */
export const EDITABLE_FACTS = [...DATE_FACTS, 'status', 'paymentMethod'] as const;
export type EditableFact = (typeof EDITABLE_FACTS)[number];

export interface EffectiveOrder {
  orderId: string;
  /** facts with the user's corrections, `deadlines` and `next` computed for `now` */
  order: OrderFacts;
  /** where each shown fact came from */
  sources: Partial<Record<UserFactKey, FactSource>>;
  /** the page's own value of each fact the user replaced, for "use the page value" */
  pageValues: Partial<Record<UserFactKey, string>>;
  /** the user says the parcel has not arrived */
  notReceived: boolean;
  /** what the engine could not compute, in plain words (English) */
  problems: string[];
  lastSeen?: string;
}

export interface EffectiveOptions {
  now: Date;
  overrides?: RuleOverrides;
}

function pageValue(facts: OrderFacts, key: UserFactKey): string | undefined {
  if (key === 'notReceived') return undefined;
  if (key === 'status') return facts.status === 'unknown' ? undefined : facts.status;
  return facts[key];
}

export function effectiveOrder(
  record: CaseRecord,
  userFacts: UserFacts[string] | undefined,
  opts: EffectiveOptions,
): EffectiveOrder {
  const facts: OrderFacts = { ...record.facts, deadlines: [] };
  const sources: EffectiveOrder['sources'] = {};
  const pageValues: EffectiveOrder['pageValues'] = {};
  for (const key of EDITABLE_FACTS) if (pageValue(record.facts, key) !== undefined) sources[key] = 'page';

  let notReceived = false;
  for (const [key, fact] of Object.entries(userFacts ?? {}) as [UserFactKey, { value: string }][]) {
    if (!fact || validateFact(key, fact.value) !== undefined) continue; // a bad stored value never wins
    if (key === 'notReceived') {
      notReceived = fact.value === 'true';
      if (notReceived) sources.notReceived = 'user';
      continue;
    }
    const before = pageValue(record.facts, key);
    if (before !== undefined) pageValues[key] = before;
    if (key === 'status') facts.status = fact.value as OrderStatus;
    else facts[key] = fact.value;
    sources[key] = 'user';
  }

  const { order, problems } = withDeadlines(facts, { now: opts.now, overrides: opts.overrides });
  return { orderId: record.orderId, order, sources, pageValues, notReceived, problems, lastSeen: record.lastSeen };
}

/** Every stored case as shown, nearest deadline first. */
export function effectiveOrders(
  cases: Record<string, CaseRecord>,
  userFacts: UserFacts,
  opts: EffectiveOptions,
): EffectiveOrder[] {
  return casesByUrgency(Object.values(cases).map((r) => effectiveOrder(r, userFacts[r.orderId], opts)), opts.now);
}

/**
 * Orders sorted by the days left on their next clock, fewest first; orders whose clocks have all
 * passed come next, then those with no clock at all. Ties: most recently seen first.
 */
export function casesByUrgency(orders: readonly EffectiveOrder[], now: Date): EffectiveOrder[] {
  const rank = (e: EffectiveOrder): [number, number] => {
    const next = e.order.next;
    if (next) return [0, daysLeft(next.closesOn, now)];
    return e.order.deadlines.length > 0 ? [1, 0] : [2, 0];
  };
  return [...orders].sort((a, b) => {
    const [ga, da] = rank(a);
    const [gb, db] = rank(b);
    if (ga !== gb) return ga - gb;
    if (da !== db) return da - db;
    return (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || a.orderId.localeCompare(b.orderId);
  });
}

const MAX_TEXT = 60;

function isRealDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(y, m - 1, d, 12);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/**
 * Why a value the user typed cannot be saved, or undefined when it can. With `context`, dates are
 * also checked against today and the order date.
 */
export function validateFact(
  key: UserFactKey,
  raw: string,
  context?: { now: Date; placedOn?: string },
): Msg | undefined {
  const value = raw.trim();
  if ((DATE_FACTS as readonly string[]).includes(key)) {
    if (!value) return { key: 'fix.error.required' };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { key: 'fix.error.dateFormat' };
    if (!isRealDate(value)) return { key: 'fix.error.dateInvalid' };
    if (context) {
      if (daysLeft(value, context.now) > 0) return { key: 'fix.error.future' };
      if (key !== 'placedOn' && context.placedOn && value < context.placedOn) {
        return { key: 'fix.error.beforePlaced', vars: { date: { date: context.placedOn } } };
      }
    }
    return undefined;
  }
  if (key === 'status') return (ORDER_STATUSES as readonly string[]).includes(value) ? undefined : { key: 'fix.error.status' };
  if (key === 'notReceived') return value === 'true' || value === 'false' ? undefined : { key: 'fix.error.required' };
  if (!value) return { key: 'fix.error.required' };
  if (value.length > MAX_TEXT) return { key: 'fix.error.tooLong', vars: { n: MAX_TEXT } };
  return undefined;
}

/**
 * What a badge shows: the stored case with this page's reading merged in, as the background is about
 * to store it (so the badge is drawn once, not again when the save comes back), with the user's facts.
 */
export function orderForBadge(
  record: CaseRecord | undefined,
  userFacts: UserFacts[string] | undefined,
  pageFacts: OrderFacts | undefined,
  opts: EffectiveOptions,
): { order: Pick<OrderFacts, 'deadlines'> & Partial<OrderFacts>; sources: EffectiveOrder['sources'] } {
  if (!record && !pageFacts) return { order: { deadlines: [] }, sources: {} };
  const facts = pageFacts ? mergedFacts(record?.facts, pageFacts) : record!.facts;
  const e = effectiveOrder({ ...(record ?? { seen: {}, firstSeen: '', lastSeen: '', sources: [] }), orderId: facts.orderId, facts }, userFacts, opts);
  return { order: e.order, sources: e.sources };
}
