import { casesByUrgency, effectiveOrder, effectiveOrders, validateFact } from '@/utils/store/effective';
import { clockOrigin } from '@/utils/advice/clocks';
import { tm } from '@/utils/i18n';
import { IN_TRANSIT, NOW, facts, record } from './factories';

const at = '2026-08-01T01:00:00.000Z';

describe('effectiveOrder', () => {
  it('reads page facts as they are, with source "page"', () => {
    const e = effectiveOrder(record(IN_TRANSIT), undefined, { now: NOW });
    expect(e.sources).toEqual({ placedOn: 'page', paidOn: 'page', shippedOn: 'page', status: 'page', paymentMethod: 'page' });
    expect(e.order.deadlines.map((d) => [d.basis, d.closesOn])).toEqual([
      ['R-NR-60', '2026-09-16'],
      ['R-CB-120', '2026-11-12'],
    ]);
    expect(e.order.next).toMatchObject({ kind: 'not-received', daysLeft: 46 });
    expect(e.notReceived).toBe(false);
  });

  it("lets the user's delivery date beat the page and recomputes the clocks", () => {
    const e = effectiveOrder(record(IN_TRANSIT), { deliveredOn: { value: '2026-07-30', at } }, { now: NOW });
    expect(e.order.deliveredOn).toBe('2026-07-30');
    expect(e.sources.deliveredOn).toBe('user');
    const ad = e.order.deadlines.find((d) => d.basis === 'R-AD-15')!;
    expect(ad.closesOn).toBe('2026-08-14');
    expect(clockOrigin(ad, e.order, e.sources)).toBe('user');
    expect(e.order.deadlines.some((d) => d.basis === 'R-NR-60')).toBe(false);
  });

  it("replaces a page value and remembers it; the record itself is not changed", () => {
    const e = effectiveOrder(record(IN_TRANSIT), { shippedOn: { value: '2026-07-20', at }, status: { value: 'completed', at } }, { now: NOW });
    expect(e.order.shippedOn).toBe('2026-07-20');
    expect(e.order.status).toBe('completed');
    expect(e.pageValues).toEqual({ shippedOn: '2026-07-18', status: 'awaiting-delivery' });
    expect(IN_TRANSIT.shippedOn).toBe('2026-07-18');
  });

  it('ignores stored values that are not valid', () => {
    const e = effectiveOrder(record(IN_TRANSIT), { deliveredOn: { value: '30/07/2026', at }, status: { value: 'lost', at } }, { now: NOW });
    expect(e.order.deliveredOn).toBeUndefined();
    expect(e.order.status).toBe('awaiting-delivery');
  });

  it('carries the not-received flag', () => {
    expect(effectiveOrder(record(IN_TRANSIT), { notReceived: { value: 'true', at } }, { now: NOW }).notReceived).toBe(true);
    expect(effectiveOrder(record(IN_TRANSIT), { notReceived: { value: 'false', at } }, { now: NOW }).notReceived).toBe(false);
  });

  it('applies rule overrides from the settings', () => {
    const done = facts('8200000000000009', { status: 'completed', placedOn: '2026-07-10', deliveredOn: '2026-07-28', completedOn: '2026-07-28' });
    const e = effectiveOrder(record(done), undefined, { now: NOW, overrides: { 'R-AD-15': 7 } });
    expect(e.order.deadlines.find((d) => d.basis === 'R-AD-15')!.closesOn).toBe('2026-08-04');
  });
});

describe('casesByUrgency', () => {
  it('sorts by days left; passed, then no deadline, last', () => {
    const cases = {
      a: record(facts('1000000001', { status: 'awaiting-delivery', pageNotes: [{ text: 'Refund if no delivery before Aug 21, 2026' }] })),
      b: record(facts('1000000002', { status: 'awaiting-delivery', pageNotes: [{ text: 'Refund if no delivery before Aug 4, 2026' }] })),
      c: record(facts('1000000003', { status: 'completed', placedOn: '2026-01-05', paidOn: '2026-01-05', deliveredOn: '2026-02-01', completedOn: '2026-02-01' })),
      d: record(facts('1000000004')),
      e: record(facts('1000000005', { status: 'awaiting-delivery', pageNotes: [{ text: 'Refund if no delivery before Aug 1, 2026' }] })),
    };
    const sorted = effectiveOrders(cases, {}, { now: NOW });
    expect(sorted.map((o) => o.orderId)).toEqual(['1000000005', '1000000002', '1000000001', '1000000003', '1000000004']);
    expect(casesByUrgency([...sorted].reverse(), NOW).map((o) => o.orderId)).toEqual(sorted.map((o) => o.orderId));
  });
});

describe('validateFact', () => {
  const ctx = { now: NOW, placedOn: '2026-07-15' };
  const err = (k: Parameters<typeof validateFact>[0], v: string) => {
    const m = validateFact(k, v, ctx);
    return m && tm(m, 'en');
  };
  it('accepts real past dates after the order date', () => {
    expect(err('deliveredOn', '2026-07-30')).toBeUndefined();
    expect(err('deliveredOn', ' 2026-08-01 ')).toBeUndefined();
  });
  it('explains what is wrong', () => {
    expect(err('deliveredOn', '')).toBe('Enter a value.');
    expect(err('deliveredOn', '30.07.2026')).toBe('Enter the date as YYYY-MM-DD.');
    expect(err('deliveredOn', '2026-02-30')).toBe('That date does not exist.');
    expect(err('deliveredOn', '2026-08-02')).toBe('That date is in the future.');
    expect(err('deliveredOn', '2026-07-14')).toBe('That date is before the order date (Jul 15, 2026).');
    expect(err('status', 'lost')).toBe('Choose a status.');
    expect(err('paymentMethod', 'x'.repeat(61))).toBe('Keep it under 60 characters.');
    expect(err('paymentMethod', 'PayPal')).toBeUndefined();
  });
});
