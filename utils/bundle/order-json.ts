// order.json: the order's facts, where each came from, and every dispute clock with its source, basis
// and whether it is an estimate. Facts are copied field by field from a fixed list, so a field added to
// OrderFacts later (personal details, say) never slips into an exported file unnoticed.
import type { CaseRecord } from '../cases/case-store';
import type { EffectiveOrder } from '../store/effective';
import type { OrderFacts } from '../types';
import { daysLeft } from '../deadlines/engine';
import { RULES, type RuleId, type RuleOverrides } from '../deadlines/rules';
import { clockOrigin } from '../advice/clocks';
import { BUNDLE_FORMAT_VERSION } from './format';

/** The OrderFacts fields an export may carry. None is personal: no name, address or phone. */
export const EXPORTED_FACT_KEYS = [
  'orderId',
  'status',
  'statusText',
  'placedOn',
  'paidOn',
  'shippedOn',
  'deliveredOn',
  'completedOn',
  'store',
  'total',
  'items',
  'pageNotes',
  'tracking',
  'paymentMethod',
] as const satisfies readonly (keyof OrderFacts)[];

export function exportedFacts(o: OrderFacts): Partial<OrderFacts> {
  const out: Record<string, unknown> = {};
  for (const k of EXPORTED_FACT_KEYS) if (o[k] !== undefined) out[k] = o[k];
  return out as Partial<OrderFacts>;
}

export interface OrderJsonInput {
  entry: EffectiveOrder;
  record?: CaseRecord;
  now: Date;
  aliproofVersion: string;
  /** the user's rule settings, so each rule clock says how many days it counted */
  overrides?: RuleOverrides;
}

export function orderJson({ entry, record, now, aliproofVersion, overrides }: OrderJsonInput) {
  const o = entry.order;
  return {
    format: 'aliproof-order',
    formatVersion: BUNDLE_FORMAT_VERSION,
    orderId: entry.orderId,
    exportedAt: now.toISOString(),
    aliproofVersion,
    facts: exportedFacts(o),
    factSources: entry.sources,
    pageValuesReplacedByBuyer: entry.pageValues,
    buyerSaysNotReceived: entry.notReceived,
    firstSeen: record?.seen ?? {},
    firstSeenAt: record?.firstSeen,
    lastSeenAt: record?.lastSeen,
    readFrom: record?.sources ?? [],
    deadlines: o.deadlines.map((d) => {
      const rule = RULES[d.basis as RuleId];
      return {
        ...d,
        daysLeftAtExport: daysLeft(d.closesOn, now),
        origin: clockOrigin(d, o, entry.sources),
        ...(rule && d.source === 'rule' ? { rule: { id: rule.id, days: overrides?.[rule.id] ?? rule.days, defaultDays: rule.days, base: rule.base, en: rule.en, ko: rule.ko, sources: rule.sources } } : {}),
      };
    }),
    next: o.next ?? null,
    problems: entry.problems,
  };
}
