import { badgeInfo, clockOrigin, ruleBaseField } from '@/utils/advice/clocks';
import { withDeadlines } from '@/utils/deadlines/engine';
import { emptyOrder, type Deadline, type OrderFacts } from '@/utils/types';

const NOW = new Date(2026, 7, 1, 10, 0); // Aug 1, 2026

const dl = (kind: string, closesOn: string, extra: Partial<Deadline> = {}): Deadline => ({
  kind,
  closesOn,
  source: 'rule',
  estimated: false,
  basis: 'R-NR-60',
  ...extra,
});

describe('badgeInfo', () => {
  it('counts to the next deadline ahead', () => {
    const info = badgeInfo([dl('card-chargeback', '2026-11-12'), dl('not-received', '2026-08-15'), dl('x', '2026-07-01')], NOW);
    expect(info.deadline!.kind).toBe('not-received');
    expect(info.daysLeft).toBe(14);
    expect(info.urgency).toBe('warning');
  });

  it('shows the last passed deadline when all have passed, and nothing when there is none', () => {
    const info = badgeInfo([dl('a', '2026-07-01'), dl('b', '2026-07-31')], NOW);
    expect([info.deadline!.kind, info.daysLeft, info.urgency]).toEqual(['b', -1, 'closed']);
    expect(badgeInfo([], NOW)).toEqual({ urgency: 'none' });
  });
});

describe('clockOrigin', () => {
  const o: OrderFacts = withDeadlines(
    { ...emptyOrder('8200000000000005'), status: 'awaiting-delivery', placedOn: '2026-07-15', paidOn: '2026-07-15', shippedOn: '2026-07-18' },
    { now: NOW },
  ).order;
  const nr = o.deadlines.find((d) => d.kind === 'not-received')!;

  it('page text, rule, estimate, or a date the user entered', () => {
    expect(clockOrigin(dl('not-received', '2026-09-04', { source: 'page', basis: 'Refund if no delivery before Sep 4, 2026' }), o)).toBe('page');
    expect(clockOrigin(nr, o, { shippedOn: 'page' })).toBe('rule');
    expect(clockOrigin(nr, o, { shippedOn: 'user' })).toBe('user');
    expect(clockOrigin({ ...nr, estimated: true }, o, { shippedOn: 'page' })).toBe('estimated');
    // the user's order date does not matter when the rule counted from the shipment date
    expect(clockOrigin(nr, o, { shippedOn: 'page', placedOn: 'user' })).toBe('rule');
  });

  it('finds the base of "earliest" rules', () => {
    const done = { ...o, deliveredOn: '2026-07-28', completedOn: '2026-07-26' };
    expect(ruleBaseField('R-AD-15', done)).toBe('completedOn');
    expect(ruleBaseField('R-NR-60', { ...o, shippedOn: undefined })).toBe('paidOn');
    expect(ruleBaseField('page text', o)).toBeUndefined();
  });
});
