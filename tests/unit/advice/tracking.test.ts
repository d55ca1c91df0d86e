import { trackingPrompts } from '@/utils/advice/tracking';
import { tm } from '@/utils/i18n';
import { emptyOrder, type OrderFacts, type TrackingEvent } from '@/utils/types';

const NOW = new Date(2026, 7, 2, 10, 0); // Aug 2, 2026

function inTransit(events: TrackingEvent[], f: Partial<OrderFacts> = {}): OrderFacts {
  return {
    ...emptyOrder('8200000000000002'),
    status: 'awaiting-delivery',
    placedOn: '2026-07-20',
    paidOn: '2026-07-20',
    shippedOn: '2026-07-23',
    tracking: { number: 'LP00000001', events },
    ...f,
  };
}
const ids = (o: OrderFacts, opts = {}) => trackingPrompts(o, NOW, opts).map((p) => p.id);

describe('no movement', () => {
  it('prompts once the newest event is stallDays old (default 10), not a day before', () => {
    expect(ids(inTransit([{ at: '2026-07-23T09:00', text: 'In transit' }]))).toEqual(['no-movement']); // 10 days
    expect(ids(inTransit([{ at: '2026-07-24T09:00', text: 'In transit' }]))).toEqual([]); // 9 days
  });

  it('says how many days and since when', () => {
    const [p] = trackingPrompts(inTransit([{ at: '2026-07-21T10:00', text: 'Collected by carrier' }]), NOW);
    expect(p.days).toBe(12);
    expect(tm(p.message, 'en')).toBe('No tracking update for 12 days (last: Jul 21, 2026).');
    expect(tm(p.action, 'en')).toMatch(/message the seller/i);
  });

  it('honours the stallDays setting', () => {
    const o = inTransit([{ at: '2026-07-28T09:00', text: 'In transit' }]); // 5 days
    expect(ids(o, { stallDays: 5 })).toEqual(['no-movement']);
    expect(ids(o, { stallDays: 6 })).toEqual([]);
  });

  it('counts from the shipment date when there is no tracking event', () => {
    expect(ids(inTransit([], { shippedOn: '2026-07-20' }))).toEqual(['no-movement']);
    expect(ids(inTransit([], { shippedOn: '2026-07-30' }))).toEqual([]);
  });

  it('stays quiet for delivered, completed, unpaid and closed orders', () => {
    const old = [{ at: '2026-07-01T09:00', text: 'In transit' }];
    expect(ids(inTransit(old, { deliveredOn: '2026-07-02' }))).toEqual([]);
    expect(ids(inTransit(old, { status: 'completed' }))).toEqual([]);
    expect(ids(inTransit(old, { status: 'awaiting-payment' }))).toEqual([]);
    expect(ids(inTransit(old, { status: 'closed' }))).toEqual([]);
  });
});

describe('customs hold', () => {
  it('recognises AE_CC_* codes and customs texts with no later event', () => {
    const byCode = inTransit([{ at: '2026-07-20T09:00', text: 'Processing in customs', code: 'AE_CC_IM_START' }]);
    const [p] = trackingPrompts(byCode, NOW);
    expect(p.id).toBe('customs-hold');
    expect(p.days).toBe(13);
    expect(tm(p.action, 'en')).toMatch(/official customs document/);
    expect(ids(inTransit([{ at: '2026-07-20T09:00', text: '통관 진행 중' }]))).toEqual(['customs-hold']);
    expect(ids(inTransit([{ at: '2026-07-20T09:00', text: 'Arrived at customs' }]))).toEqual(['customs-hold']);
  });

  it('is not a hold while customs events are recent', () => {
    expect(ids(inTransit([{ at: '2026-07-30T09:00', text: 'Processing in customs', code: 'AE_CC_IM_START' }]))).toEqual([]);
  });
});

describe('returned to sender', () => {
  it('prompts at once, whatever the age of the event', () => {
    const o = inTransit([
      { at: '2026-08-01T09:00', text: 'Returned to sender: addressee unknown' },
      { at: '2026-07-25T09:00', text: 'In transit' },
    ]);
    const [p] = trackingPrompts(o, NOW);
    expect(p.id).toBe('returned');
    expect(tm(p.message, 'en')).toBe('Tracking says the parcel is being returned to the sender (Aug 1, 2026).');
    expect(ids(inTransit([{ at: '2026-08-01T09:00', text: 'Return to sender' }]))).toEqual(['returned']);
    expect(ids(inTransit([{ at: '2026-08-01T09:00', text: '발송인에게 반송' }]))).toEqual(['returned']);
  });

  it('is superseded by a later delivery', () => {
    const o = inTransit([
      { at: '2026-08-01T09:00', text: 'Package delivered.', code: 'AE_GTMS_SIGNED' },
      { at: '2026-07-29T09:00', text: 'Returned to sender' },
    ]);
    expect(ids(o)).toEqual([]);
  });
});

describe('delivered but not received', () => {
  const delivered = inTransit([{ at: '2026-07-30T18:39', text: 'Package delivered.', code: 'AE_GTMS_SIGNED' }], {
    deliveredOn: '2026-07-30',
  });

  it('needs the user flag', () => {
    expect(ids(delivered)).toEqual([]);
    const [p] = trackingPrompts(delivered, NOW, { notReceived: true });
    expect(p.id).toBe('delivered-not-received');
    expect(tm(p.message, 'en')).toBe('Tracking says delivered (Jul 30, 2026), but you have not received it.');
    expect(tm(p.action, 'en')).toMatch(/proof of delivery/);
  });

  it('recognises a "delivered" event text without a delivery date', () => {
    const o = inTransit([{ at: '2026-07-30T18:39', text: 'Delivered to the mailbox' }]);
    expect(ids(o, { notReceived: true })).toEqual(['delivered-not-received']);
    expect(ids(inTransit([{ at: '2026-07-30T18:39', text: 'Could not be delivered' }]), { notReceived: true })).toEqual([]);
  });
});
