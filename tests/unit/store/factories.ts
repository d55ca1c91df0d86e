// Test data shared by the store and component tests (not a test file itself).
import type { CaseRecord } from '@/utils/cases/case-store';
import { emptyOrder, type OrderFacts } from '@/utils/types';

/** Aug 1, 2026, 10:00 local. Dates below are written out by hand relative to it. */
export const NOW = new Date(2026, 7, 1, 10, 0);

export function facts(orderId: string, f: Partial<OrderFacts> = {}): OrderFacts {
  return { ...emptyOrder(orderId), ...f };
}

export function record(f: OrderFacts, lastSeen = '2026-08-01T00:00:00.000Z'): CaseRecord {
  return { orderId: f.orderId, facts: f, seen: {}, firstSeen: lastSeen, lastSeen, sources: [] };
}

/** In transit: placed/paid Jul 15, shipped Jul 18 (R-NR-60 -> Sep 16, opens Jul 29), card, moving (Jul 30). */
export const IN_TRANSIT = facts('8200000000000001', {
  status: 'awaiting-delivery',
  placedOn: '2026-07-15',
  paidOn: '2026-07-15',
  shippedOn: '2026-07-18',
  paymentMethod: 'Credit/Debit card',
  store: { name: 'Sunny Gadgets Store' },
  items: [{ title: 'USB-C cable' }],
  tracking: { number: 'LP00012345678', events: [{ at: '2026-07-30T08:00', text: 'Arrived at destination country' }] },
});
