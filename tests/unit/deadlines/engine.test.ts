import { computeDeadlines, daysLeft, plusDays, urgency, withDeadlines } from '@/utils/deadlines/engine';
import { emptyOrder, type Deadline, type OrderFacts } from '@/utils/types';

// Expected dates below are written out by hand (not computed with the code under test).
const NOW = new Date(2026, 7, 1, 10, 0); // Aug 1, 2026, 10:00 local

const P1_DETAIL = 'Refund if no delivery before Sep 4, 2026';
const P1_TRACKING = 'Refund if no delivery before Sep 3, 2026';
const REMINDER =
  'Order complete.If there is a problem with the item you can apply for a return/refund within 7 days of confirming receipt.If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.';

function order(facts: Partial<OrderFacts>): OrderFacts {
  return { ...emptyOrder('8200000000000001'), ...facts };
}

/** Placed and paid Jul 15, shipped Jul 18, in transit, paid by card. */
const inTransit = order({
  status: 'awaiting-delivery',
  placedOn: '2026-07-15',
  paidOn: '2026-07-15',
  shippedOn: '2026-07-18',
  paymentMethod: 'Credit/Debit card',
});

/** Same order, delivered Aug 10 and completed Aug 12. */
const completed = order({ ...inTransit, status: 'completed', deliveredOn: '2026-08-10', completedOn: '2026-08-12' });

function run(o: OrderFacts, overrides?: Parameters<typeof computeDeadlines>[1]['overrides'], now = NOW) {
  return computeDeadlines(o, { now, overrides });
}
function byKind(deadlines: Deadline[], kind: string) {
  return deadlines.filter((d) => d.kind === kind);
}
function only(deadlines: Deadline[], kind: string): Deadline {
  const found = byKind(deadlines, kind);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('default rules', () => {
  it('R-NR-60: 60 days from shipment, opens 11 days after shipment', () => {
    expect(only(run(inTransit).deadlines, 'not-received')).toEqual({
      kind: 'not-received',
      closesOn: '2026-09-16',
      opensOn: '2026-07-29',
      source: 'rule',
      estimated: false,
      basis: 'R-NR-60',
    });
  });

  it('R-NR-60 falls back to payment, then order date, as an estimate without opensOn', () => {
    const paid = only(run(order({ ...inTransit, status: 'awaiting-shipment', shippedOn: undefined, paidOn: '2026-07-16' })).deadlines, 'not-received');
    expect(paid).toEqual({ kind: 'not-received', closesOn: '2026-09-14', source: 'rule', estimated: true, basis: 'R-NR-60' });
    const placed = only(run(order({ ...inTransit, shippedOn: undefined, paidOn: undefined })).deadlines, 'not-received');
    expect(placed).toMatchObject({ closesOn: '2026-09-13', estimated: true });
  });

  it('R-NR-60 does not apply once the order is delivered or completed', () => {
    expect(byKind(run(order({ ...inTransit, deliveredOn: '2026-08-10' })).deadlines, 'not-received')).toEqual([]);
    expect(byKind(run(order({ ...inTransit, completedOn: '2026-08-12' })).deadlines, 'not-received')).toEqual([]);
    expect(byKind(run(order({ ...inTransit, status: 'completed' })).deadlines, 'not-received')).toEqual([]);
  });

  it('R-AD-15 and R-NAD: 15 days from the earlier of delivery and completion, not estimated when both are known', () => {
    const { deadlines } = run(completed);
    expect(only(deadlines, 'after-delivery')).toEqual({
      kind: 'after-delivery',
      closesOn: '2026-08-25',
      source: 'rule',
      estimated: false,
      basis: 'R-AD-15',
    });
    expect(only(deadlines, 'not-as-described')).toEqual({
      kind: 'not-as-described',
      closesOn: '2026-08-25',
      source: 'rule',
      estimated: false,
      basis: 'R-NAD',
    });
    // completion (early confirmation) before delivery: completion counts
    const early = run(order({ ...completed, completedOn: '2026-08-09' })).deadlines;
    expect(only(early, 'after-delivery').closesOn).toBe('2026-08-24');
  });

  it('R-AD-15 estimated flag: only a completed order with one of the two dates is an estimate', () => {
    const deliveredNotCompleted = order({ ...inTransit, deliveredOn: '2026-08-10' });
    expect(only(run(deliveredNotCompleted).deadlines, 'after-delivery')).toMatchObject({ closesOn: '2026-08-25', estimated: false });
    const completedNoCompletionDate = order({ ...completed, completedOn: undefined });
    expect(only(run(completedNoCompletionDate).deadlines, 'after-delivery')).toMatchObject({ closesOn: '2026-08-25', estimated: true });
    const completedNoDeliveryDate = order({ ...completed, deliveredOn: undefined });
    expect(only(run(completedNoDeliveryDate).deadlines, 'after-delivery')).toMatchObject({ closesOn: '2026-08-27', estimated: true });
    expect(only(run(completedNoDeliveryDate).deadlines, 'not-as-described')).toMatchObject({ estimated: true, basis: 'R-NAD' });
  });

  it('R-AD-15 does not apply before delivery', () => {
    const { deadlines, problems } = run(inTransit);
    expect(byKind(deadlines, 'after-delivery')).toEqual([]);
    expect(byKind(deadlines, 'not-as-described')).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('R-CB-120: 120 days from payment; from the order date as an estimate', () => {
    expect(only(run(inTransit).deadlines, 'card-chargeback')).toEqual({
      kind: 'card-chargeback',
      closesOn: '2026-11-12',
      source: 'rule',
      estimated: false,
      basis: 'R-CB-120',
    });
    const noPaid = order({ ...inTransit, paidOn: undefined, placedOn: '2026-07-16' });
    expect(only(run(noPaid).deadlines, 'card-chargeback')).toMatchObject({ closesOn: '2026-11-13', estimated: true });
  });

  it('R-CB-120 applies when the payment method is unknown, not when it is known and not a card', () => {
    expect(byKind(run(order({ ...inTransit, paymentMethod: undefined })).deadlines, 'card-chargeback')).toHaveLength(1);
    expect(byKind(run(order({ ...inTransit, paymentMethod: 'PayPal' })).deadlines, 'card-chargeback')).toEqual([]);
    expect(byKind(run(order({ ...inTransit, paymentMethod: 'Boleto' })).deadlines, 'card-chargeback')).toEqual([]);
    // a method not known to be a non-card payment keeps the rule
    expect(byKind(run(order({ ...inTransit, paymentMethod: 'Kakao Pay' })).deadlines, 'card-chargeback')).toHaveLength(1);
  });

  it('R-PP-180 only for PayPal payments', () => {
    const paypal = order({ ...inTransit, paymentMethod: 'PayPal' });
    expect(only(run(paypal).deadlines, 'paypal')).toEqual({
      kind: 'paypal',
      closesOn: '2027-01-11',
      source: 'rule',
      estimated: false,
      basis: 'R-PP-180',
    });
    expect(only(run(order({ ...paypal, paidOn: undefined })).deadlines, 'paypal').estimated).toBe(true);
    expect(byKind(run(inTransit).deadlines, 'paypal')).toEqual([]);
    expect(byKind(run(order({ ...inTransit, paymentMethod: undefined })).deadlines, 'paypal')).toEqual([]);
  });

  it.each(['awaiting-payment', 'closed'] as const)('no rules for %s orders, but page text is still read', (status) => {
    const o = order({ ...completed, status, pageNotes: [{ text: P1_DETAIL }] });
    const { deadlines, problems } = run(o);
    expect(deadlines).toEqual([{ kind: 'not-received', closesOn: '2026-09-04', source: 'page', estimated: false, basis: P1_DETAIL }]);
    expect(problems).toEqual([]);
    expect(run(order({ ...completed, status })).deadlines).toEqual([]);
  });

  it('applies rules to orders of unknown status', () => {
    expect(run(order({ ...inTransit, status: 'unknown' })).deadlines.map((d) => d.basis)).toEqual(['R-NR-60', 'R-CB-120']);
  });
});

describe('page text', () => {
  it('P1 replaces R-NR-60', () => {
    const { deadlines } = run(order({ ...inTransit, pageNotes: [{ text: P1_DETAIL }] }));
    expect(only(deadlines, 'not-received')).toEqual({
      kind: 'not-received',
      closesOn: '2026-09-04',
      source: 'page',
      estimated: false,
      basis: P1_DETAIL,
    });
  });

  it('the page beats the rule even when the page date is later', () => {
    const later = 'Refund if no delivery before Oct 30, 2026';
    expect(only(run(order({ ...inTransit, pageNotes: [{ text: later }] })).deadlines, 'not-received')).toMatchObject({
      closesOn: '2026-10-30',
      source: 'page',
    });
    // P3: 90 days after placement (Oct 13) replaces R-NAD (Aug 25)
    const { deadlines } = run(order({ ...completed, pageNotes: [{ text: REMINDER }] }));
    expect(only(deadlines, 'not-as-described')).toMatchObject({ closesOn: '2026-10-13', source: 'page', estimated: false });
    expect(only(deadlines, 'after-delivery')).toMatchObject({
      closesOn: '2026-08-19',
      source: 'page',
      basis: 'If there is a problem with the item you can apply for a return/refund within 7 days of confirming receipt.',
    });
  });

  it.each([
    [[P1_DETAIL, P1_TRACKING]],
    [[P1_TRACKING, P1_DETAIL]],
  ])('keeps the earliest page date of a kind (%j)', (texts) => {
    const { deadlines } = run(order({ ...inTransit, pageNotes: texts.map((text) => ({ text })) }));
    expect(only(deadlines, 'not-received')).toMatchObject({ closesOn: '2026-09-03', basis: P1_TRACKING });
  });

  it('reads the real Fast delivery text and a progress node, ignoring the coupon date', () => {
    const o = order({
      ...inTransit,
      pageNotes: [
        {
          text: 'Apply for R$5,00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery before Sep 4, 2026 · Refund if items damaged · Refund if package lost',
        },
        { text: 'If delivered after Aug 3, 2026 you can collect a R$5 coupon after 48 hours of that date' },
        { text: 'Estimated delivery date: Aug 3, 2026' },
        { text: 'Refund', date: '2026-09-05' },
      ],
    });
    const { deadlines, problems } = run(o);
    expect(byKind(deadlines, 'not-received')).toEqual([
      { kind: 'not-received', closesOn: '2026-09-04', source: 'page', estimated: false, basis: P1_DETAIL },
    ]);
    expect(deadlines.some((d) => d.closesOn === '2026-08-03')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('free-return exists only from page text, counted from delivery', () => {
    expect(byKind(run(completed).deadlines, 'free-return')).toEqual([]);
    const notes = [{ text: 'Not satisfied with your order? Send it back within 15 days after delivery.' }];
    expect(only(run(order({ ...completed, pageNotes: notes })).deadlines, 'free-return')).toEqual({
      kind: 'free-return',
      closesOn: '2026-08-25',
      source: 'page',
      estimated: false,
      basis: 'Send it back within 15 days after delivery.',
    });
  });

  it('a relative sentence whose base date is missing gives a problem, not a deadline', () => {
    const notes = [{ text: 'Send it back within 15 days after delivery.' }];
    const { deadlines, problems } = run(order({ ...inTransit, pageNotes: notes }));
    expect(byKind(deadlines, 'free-return')).toEqual([]);
    expect(problems).toEqual([
      'delivery date unknown: the free-return window AliExpress states ("Send it back within 15 days after delivery.") was not computed',
    ]);
  });

  it('P2 without a completion date: problem, and the rule stands in', () => {
    const o = order({ ...completed, completedOn: undefined, pageNotes: [{ text: REMINDER }] });
    const { deadlines, problems } = run(o);
    expect(only(deadlines, 'after-delivery')).toMatchObject({ source: 'rule', basis: 'R-AD-15', estimated: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^order completion date unknown: the after-delivery window AliExpress states/);
  });
});

describe('problems', () => {
  it('missing base dates are named in plain words', () => {
    const { deadlines, problems } = run(order({ status: 'awaiting-shipment' }));
    expect(deadlines).toEqual([]);
    expect(problems).toEqual([
      'shipment date, payment date and order date unknown: not-received deadline not computed',
      'payment date and order date unknown: card chargeback deadline not computed',
    ]);
  });

  it('a completed order without delivery or completion date', () => {
    const { problems } = run(order({ ...inTransit, status: 'completed' }));
    expect(problems).toContain('delivery date and order completion date unknown: after-delivery deadline not computed');
    expect(problems).toContain('delivery date and order completion date unknown: not-as-described deadline not computed');
  });

  it('C3: warns on a completed order whose 7-day reminder was not read', () => {
    const { problems } = run(completed);
    expect(problems).toEqual([
      "AliExpress allows only 7 days after confirming receipt on some accounts, and this order's reminder was not read: check the order page (the after-delivery date shown uses 15 days)",
    ]);
    expect(run(order({ ...completed, pageNotes: [{ text: REMINDER }] })).problems).toEqual([]);
    expect(run(completed, { 'R-AD-15': 7 }).problems).toEqual([]);
    expect(run(inTransit).problems).toEqual([]);
  });

  it('warns when a delivery guarantee is shown but its date was not read', () => {
    const warning = 'AliExpress shows a delivery guarantee for this order but its date could not be read — open the tracking page';
    expect(run(order({ ...inTransit, pageNotes: [{ text: 'Fast delivery' }] })).problems).toEqual([warning]);
    expect(run(order({ ...inTransit, pageNotes: [{ text: 'Refund if no delivery before Sep 4' }] })).problems).toEqual([warning]);
    expect(run(order({ ...inTransit, pageNotes: [{ text: 'Fast delivery' }, { text: P1_DETAIL }] })).problems).toEqual([]);
    // delivered: the guarantee no longer matters
    expect(run(order({ ...inTransit, deliveredOn: '2026-08-10', pageNotes: [{ text: 'Fast delivery' }] })).problems).toEqual([]);
  });

  it('never leaks field names or undefined values', () => {
    const cases = [order({ status: 'completed' }), order({ status: 'awaiting-shipment', pageNotes: [{ text: REMINDER }] })];
    const problems = cases.flatMap((o) => run(o).problems);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).not.toMatch(/[a-z]On\b|undefined|NaN/);
  });
});

describe('overrides', () => {
  it('change the number of days of a rule', () => {
    const { deadlines } = run(inTransit, { 'R-NR-60': 90, 'R-CB-120': 60 });
    expect(only(deadlines, 'not-received').closesOn).toBe('2026-10-16');
    expect(only(deadlines, 'card-chargeback').closesOn).toBe('2026-09-13');
    const ad = run(completed, { 'R-AD-15': 7 }).deadlines;
    expect(only(ad, 'after-delivery').closesOn).toBe('2026-08-17');
    expect(only(ad, 'not-as-described').closesOn).toBe('2026-08-25'); // R-NAD has its own setting
  });

  it('do not change page deadlines', () => {
    const { deadlines } = run(order({ ...inTransit, pageNotes: [{ text: P1_DETAIL }] }), { 'R-NR-60': 10 });
    expect(only(deadlines, 'not-received')).toMatchObject({ closesOn: '2026-09-04', source: 'page' });
  });

  it('ignore values that are not whole days, with a problem', () => {
    const { deadlines, problems } = run(inTransit, { 'R-NR-60': -3 });
    expect(only(deadlines, 'not-received').closesOn).toBe('2026-09-16');
    expect(problems).toEqual(['the setting "-3 days" for R-NR-60 is not a whole number of days: the default 60 was used']);
  });
});

describe('ordering and next', () => {
  it('keeps every deadline, sorted by closesOn', () => {
    const { deadlines } = run(order({ ...completed, pageNotes: [{ text: REMINDER }] }));
    expect(deadlines.map((d) => [d.kind, d.closesOn])).toEqual([
      ['after-delivery', '2026-08-19'],
      ['not-as-described', '2026-10-13'],
      ['card-chargeback', '2026-11-12'],
    ]);
  });

  it('next is the earliest deadline not yet passed, with its days left', () => {
    const o = order({ ...completed, pageNotes: [{ text: REMINDER }] });
    expect(run(o, undefined, new Date(2026, 7, 19, 23, 59)).next).toMatchObject({ kind: 'after-delivery', daysLeft: 0 });
    const later = run(o, undefined, new Date(2026, 7, 20, 0, 1));
    expect(later.deadlines).toHaveLength(3); // the passed one is kept
    expect(later.next).toMatchObject({ kind: 'not-as-described', closesOn: '2026-10-13', daysLeft: 54 });
    expect(run(o, undefined, new Date(2026, 10, 13, 8)).next).toBeUndefined();
  });
});

describe('withDeadlines', () => {
  it('returns a copy with deadlines and next, leaving the input alone', () => {
    const input = order({ ...inTransit, pageNotes: [{ text: P1_DETAIL }] });
    const before = structuredClone(input);
    const { order: out, problems } = withDeadlines(input, { now: NOW });
    expect(input).toEqual(before);
    expect(out).not.toBe(input);
    expect(out.deadlines.map((d) => d.closesOn)).toEqual(['2026-09-04', '2026-11-12']);
    expect(out.next).toMatchObject({ closesOn: '2026-09-04', daysLeft: 34 });
    expect(problems).toEqual([]);
  });

  it('drops a stale next when every deadline has passed', () => {
    const stale = order({ ...inTransit, next: { kind: 'x', closesOn: '2026-01-01', source: 'rule', estimated: false, basis: 'x', daysLeft: 3 } });
    const { order: out } = withDeadlines(stale, { now: new Date(2027, 0, 1) });
    expect(out.deadlines).toHaveLength(2);
    expect('next' in out).toBe(false);
  });
});

describe('urgency', () => {
  it.each([
    [undefined, 'none'],
    [Number.NaN, 'none'],
    [-1, 'closed'],
    [0, 'urgent'],
    [6, 'urgent'],
    [7, 'warning'],
    [14, 'warning'],
    [15, 'calm'],
    [200, 'calm'],
  ])('%s days -> %s', (left, expected) => {
    expect(urgency(left)).toBe(expected);
  });
});

/** Runs `fn` with the process in another time zone (Node re-reads TZ when it is set). */
function inZone<T>(tz: string, fn: () => T): T {
  const old = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (old === undefined) delete process.env.TZ;
    else process.env.TZ = old;
  }
}

describe('daysLeft', () => {
  it('is 0 all through the last day, -1 the day after, 1 the day before', () => {
    expect(daysLeft('2026-09-04', new Date(2026, 8, 4, 0, 0))).toBe(0);
    expect(daysLeft('2026-09-04', new Date(2026, 8, 4, 23, 59, 59))).toBe(0);
    expect(daysLeft('2026-09-04', new Date(2026, 8, 5, 0, 0))).toBe(-1);
    expect(daysLeft('2026-09-04', new Date(2026, 8, 3, 23, 59))).toBe(1);
    expect(daysLeft('2026-09-04', new Date(2026, 8, 3, 0, 1))).toBe(1);
  });

  it('crosses month and year ends', () => {
    expect(daysLeft('2027-01-01', new Date(2026, 11, 31, 23, 59))).toBe(1);
    expect(daysLeft('2026-03-01', new Date(2026, 1, 28, 12))).toBe(1);
    expect(daysLeft('2028-03-01', new Date(2028, 1, 28, 12))).toBe(2); // leap year
    expect(daysLeft('2026-12-31', new Date(2026, 0, 1, 9))).toBe(364);
  });

  it('uses the local date of now: late evening and early morning in Seoul', () => {
    inZone('Asia/Seoul', () => {
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-540); // the zone switch took effect
      // 23:30 KST on Sep 4 is 14:30 UTC on Sep 4; 00:30 KST on Sep 4 is still Sep 3 in UTC
      expect(daysLeft('2026-09-04', new Date('2026-09-04T23:30:00+09:00'))).toBe(0);
      expect(daysLeft('2026-09-04', new Date('2026-09-04T00:30:00+09:00'))).toBe(0);
      expect(daysLeft('2026-09-04', new Date('2026-09-03T23:59:00+09:00'))).toBe(1);
    });
    inZone('UTC', () => {
      expect(daysLeft('2026-09-04', new Date('2026-09-04T00:30:00+09:00'))).toBe(1);
    });
  });

  it('is not moved by daylight-saving changes', () => {
    inZone('America/Los_Angeles', () => {
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480);
      // DST starts Mar 8, 2026 (a 23-hour day); ends Nov 1, 2026 (a 25-hour day)
      expect(daysLeft('2026-03-09', new Date(2026, 2, 7, 23, 30))).toBe(2);
      expect(daysLeft('2026-03-09', new Date(2026, 2, 8, 0, 30))).toBe(1);
      expect(daysLeft('2026-11-02', new Date(2026, 9, 31, 0, 0))).toBe(2);
      expect(daysLeft('2026-11-01', new Date(2026, 10, 1, 23, 59))).toBe(0);
    });
    inZone('Europe/Berlin', () => {
      expect(daysLeft('2026-03-30', new Date(2026, 2, 28, 23, 59))).toBe(2); // DST Mar 29
    });
  });

  it('is NaN for a malformed date', () => {
    expect(daysLeft('2026-02-30', NOW)).toBeNaN();
    expect(daysLeft('2026-13-05', NOW)).toBeNaN();
    expect(daysLeft('2026-00-10', NOW)).toBeNaN();
    expect(daysLeft('2027-02-29', NOW)).toBeNaN();
    expect(daysLeft('2028-02-29', new Date(2028, 1, 28, 12))).toBe(1);
    expect(plusDays('2026-13-05', 1)).toBeUndefined();
    expect(daysLeft('Sep 4, 2026', NOW)).toBeNaN();
    // the right length and dashes, but not all digits
    for (const bad of ['2026-1a-05', '2026-+1-05', '2026- 9-05', '+026-09-05', '2026-09-5 ', '2026-09-05T', '2026/09/05']) {
      expect(daysLeft(bad, NOW)).toBeNaN();
      expect(plusDays(bad, 1)).toBeUndefined();
    }
    expect(plusDays('2026-09-05', 1)).toBe('2026-09-06');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day ends', () => {
    expect(plusDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(plusDays('2028-02-14', 15)).toBe('2028-02-29');
    expect(plusDays('2026-01-31', 30)).toBe('2026-03-02');
  });

  it.each(['America/Los_Angeles', 'Asia/Seoul', 'America/Santiago', 'Pacific/Kiritimati'])('has no zone drift in %s', (tz) => {
    inZone(tz, () => {
      expect(plusDays('2026-03-07', 1)).toBe('2026-03-08');
      expect(plusDays('2026-03-07', 2)).toBe('2026-03-09');
      expect(plusDays('2026-10-31', 2)).toBe('2026-11-02');
      expect(plusDays('2026-09-05', 1)).toBe('2026-09-06'); // Chile skips midnight on Sep 6, 2026
      expect(plusDays('2026-04-04', 1)).toBe('2026-04-05');
    });
  });

  it('rule dates do not depend on the zone', () => {
    const inSeoul = inZone('Asia/Seoul', () => run(completed).deadlines);
    const inLA = inZone('America/Los_Angeles', () => run(completed).deadlines);
    expect(inLA).toEqual(inSeoul);
  });
});
