import {
  classifyNote,
  classifyNotes,
  classifyPageNote,
  mentionsDeliveryGuarantee,
  paymentKind,
  splitSentences,
} from '@/utils/aliexpress/deadline-text';

// Real 2026 strings (dispute-rules.md §2, aliexpress-pages.md §2.9 and §10).
const FAST_DELIVERY =
  'Apply for R$5,00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery before Sep 4, 2026 · Refund if items damaged · Refund if package lost';
const REMINDER =
  'Order complete.If there is a problem with the item you can apply for a return/refund within 7 days of confirming receipt.If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.';
const FREE_RETURNS =
  'Not satisfied with your order? Send it back within 15 days after delivery. The first return on each order is free (up to 5 times per month).';

describe('classifyNote: P1 not received (absolute date)', () => {
  it.each([
    ['Refund if no delivery before Sep 4, 2026', '2026-09-04'],
    ['Refund if no delivery before Oct 15, 2026', '2026-10-15'],
    ['Refund if no delivery by Sep 3, 2026', '2026-09-03'],
    ['Refund if no delivery before Sep. 4, 2026', '2026-09-04'],
    ['Refund if no delivery before September 4 2026', '2026-09-04'],
    ['REFUND IF NO DELIVERY BEFORE SEP 4, 2026', '2026-09-04'],
    ['refund if no delivery before  sept. 30, 2026.', '2026-09-30'],
  ])('%s', (text, closesOn) => {
    expect(classifyNote(text)).toEqual({ kind: 'not-received', closesOn, basis: text.trim().replace(/\s+/g, ' ') });
  });

  it('needs the date right after "before"/"by"', () => {
    expect(classifyNote('Refund if no delivery before the promised date')).toBeUndefined();
    // a year-less date is not a full date
    expect(classifyNote('Refund if no delivery before Sep 4')).toBeUndefined();
  });

  it('reads a progress node "Refund" + date as P1', () => {
    expect(classifyNote('Refund Sep 4, 2026')).toMatchObject({ kind: 'not-received', closesOn: '2026-09-04' });
    expect(classifyNote('Refund: Sep 4, 2026')).toMatchObject({ closesOn: '2026-09-04' });
    expect(classifyPageNote({ text: 'Refund', date: '2026-09-04' })).toEqual([
      { kind: 'not-received', closesOn: '2026-09-04', basis: 'Refund 2026-09-04' },
    ]);
    // other progress nodes and refund promises without a date are not deadlines
    expect(classifyPageNote({ text: 'R$5', date: '2026-08-05' })).toEqual([]);
    expect(classifyPageNote({ text: 'Paid', date: '2026-07-15' })).toEqual([]);
    expect(classifyNote('Refund if items damaged')).toBeUndefined();
    expect(classifyNote('Refund if package lost')).toBeUndefined();
    expect(classifyNote('Refund Sep 4, 2026 if delayed again')).toBeUndefined();
  });
});

describe('classifyNote: P2-P4 relative windows', () => {
  it.each([
    ['you can apply for a return/refund within 7 days of confirming receipt.', 'after-delivery', 7, 'completedOn'],
    ['You can apply for a return/refund within 1 day of confirming receipt', 'after-delivery', 1, 'completedOn'],
    ['apply for a return/refund within 15 days after confirming the receipt', 'after-delivery', 15, 'completedOn'],
    ['you can open a dispute within 90 days after order was placed.', 'not-as-described', 90, 'placedOn'],
    ['You can open a dispute within 90 days after the order was placed', 'not-as-described', 90, 'placedOn'],
    ['you can OPEN A DISPUTE within 30 day after order placed', 'not-as-described', 30, 'placedOn'],
    ['Send it back within 15 days after delivery.', 'free-return', 15, 'deliveredOn'],
    ['send it back within 30 days after the delivery', 'free-return', 30, 'deliveredOn'],
  ])('%s', (text, kind, days, base) => {
    expect(classifyNote(text)).toEqual({ kind, days, base, basis: text.trim() });
  });

  it('ignores the free-return tag that states no number', () => {
    expect(classifyNote('You can return it within the order protection period.')).toBeUndefined();
  });
});

describe('not deadlines', () => {
  it.each([
    'Apply for R$5,00 coupon code if delayed by Aug 3, 2026',
    'Apply for R$5.00 coupon code if delayed by Aug 3, 2026',
    'If delivered after Aug 3, 2026 you can collect a R$5 coupon after 48 hours of that date',
    'Estimated delivery date: Aug 3, 2026',
    'Order placed on: Jul 15, 2026',
    'Fast delivery: active',
    '',
  ])('%j', (text) => {
    expect(classifyNote(text)).toBeUndefined();
    expect(classifyNotes(text)).toEqual([]);
  });
});

describe('classifyNotes: several sentences in one text', () => {
  it('reads the Fast delivery service text and skips the coupon', () => {
    expect(classifyNotes(FAST_DELIVERY)).toEqual([
      { kind: 'not-received', closesOn: '2026-09-04', basis: 'Refund if no delivery before Sep 4, 2026' },
    ]);
  });

  it('reads both windows of a completed order reminder with no space after the full stops', () => {
    expect(classifyNotes(REMINDER)).toEqual([
      {
        kind: 'after-delivery',
        days: 7,
        base: 'completedOn',
        basis: 'If there is a problem with the item you can apply for a return/refund within 7 days of confirming receipt.',
      },
      {
        kind: 'not-as-described',
        days: 90,
        base: 'placedOn',
        basis:
          'If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.',
      },
    ]);
  });

  it('reads the Free returns text', () => {
    expect(classifyNotes(FREE_RETURNS)).toEqual([
      { kind: 'free-return', days: 15, base: 'deliveredOn', basis: 'Send it back within 15 days after delivery.' },
    ]);
  });

  it('classifyNote on an unsplit text still finds the P1 date, not the coupon date', () => {
    expect(classifyNote(FAST_DELIVERY)).toMatchObject({ kind: 'not-received', closesOn: '2026-09-04' });
  });
});

describe('splitSentences', () => {
  it('keeps dates with dots whole', () => {
    expect(splitSentences('Refund if no delivery before Sep. 4, 2026')).toEqual(['Refund if no delivery before Sep. 4, 2026']);
    expect(splitSentences('Zahlung am 4. Sep. 2026. Danke')).toEqual(['Zahlung am 4. Sep. 2026. Danke']);
    expect(splitSentences('2026. 9. 4. 까지')).toEqual(['2026. 9. 4. 까지']);
  });

  it('splits on " · ", line breaks and full stops before a capital', () => {
    expect(splitSentences('A one · B two\nC three.Done here. Next')).toEqual(['A one', 'B two', 'C three.', 'Done here.', 'Next']);
  });
});

describe('mentionsDeliveryGuarantee', () => {
  it.each([
    ['Fast delivery', true],
    ['Fast delivery: active', true],
    ['DELIVERY_GUARANTEE', true],
    ['Refund if no delivery before (date missing)', true],
    ['Free returns', false],
    ['Estimated delivery date: Aug 3, 2026', false],
  ])('%s -> %s', (text, expected) => {
    expect(mentionsDeliveryGuarantee(text)).toBe(expected);
  });
});

describe('paymentKind', () => {
  it.each([
    ['Credit/Debit card', 'card'],
    ['Visa ****1234', 'card'],
    ['Apple Pay', 'card'],
    ['신용카드', 'card'],
    ['PayPal', 'paypal'],
    ['paypal (balance)', 'paypal'],
    ['Boleto', 'other'],
    ['Bank transfer', 'other'],
    ['계좌이체', 'other'],
    ['Kakao Pay', undefined], // may charge a card: not known to be a non-card payment
    [undefined, undefined],
    ['  ', undefined],
  ] as const)('%s -> %s', (method, expected) => {
    expect(paymentKind(method)).toBe(expected);
  });
});

describe('old layout countdown (P5)', () => {
  it('turns the buyer-protection countdown note into a not-received page deadline', async () => {
    const { classifyPageNote } = await import('../../../utils/aliexpress/deadline-text');
    expect(classifyPageNote({ text: 'Buyer protection countdown: 12 days left (lefttime 1058400000 ms)', date: '2026-12-03' })).toEqual([
      { kind: 'not-received', closesOn: '2026-12-03', basis: 'Buyer protection countdown: 12 days left (lefttime 1058400000 ms)' },
    ]);
    // the seller's shipping countdown is not the buyer's deadline
    expect(classifyPageNote({ text: 'Seller shipping countdown: 3 days left (lefttime 259200000 ms)', date: '2026-11-24' })).toEqual([]);
  });
});
