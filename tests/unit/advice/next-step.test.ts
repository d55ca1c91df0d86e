import { nextStep } from '@/utils/advice/next-step';
import { withDeadlines } from '@/utils/deadlines/engine';
import { tm } from '@/utils/i18n';
import { emptyOrder, type OrderFacts } from '@/utils/types';

const NOW = new Date(2026, 7, 1, 10, 0); // Aug 1, 2026

function order(f: Partial<OrderFacts>): OrderFacts {
  return withDeadlines({ ...emptyOrder('8200000000000003'), ...f }, { now: NOW }).order;
}
function advise(o: OrderFacts, now = NOW, settings = {}) {
  const s = nextStep(o, o.deadlines, now, settings);
  return { ...s, en: tm(s.message, 'en'), details: s.details.map((d) => tm(d, 'en')), ko: tm(s.message, 'ko') };
}

describe('nextStep', () => {
  it('stalled tracking: what to do, and from when a not-received dispute is possible', () => {
    const now = new Date(2026, 7, 2, 10, 0); // Aug 2
    const o = withDeadlines(
      {
        ...emptyOrder('8200000000000004'),
        status: 'awaiting-delivery',
        placedOn: '2026-07-20',
        paidOn: '2026-07-20',
        shippedOn: '2026-07-23',
        tracking: { events: [{ at: '2026-07-21T10:00', text: 'Collected by carrier' }] },
      },
      { now },
    ).order;
    const s = advise(o, now);
    expect(s.id).toBe('no-movement');
    expect(s.en).toBe('Tracking has not moved for 12 days: message the seller and capture the chat.');
    expect(s.details).toEqual([
      'You may open a "not received" dispute from Aug 3, 2026.',
      'Last safe day for a "not received" dispute: Sep 21, 2026 (50 days left).',
    ]);
    expect(s.ko).toBe('배송 추적이 12일째 멈춰 있습니다: 판매자에게 메시지를 보내고 대화를 캡처하세요.');
  });

  it('act today when 1 or 0 days are left, saying AliExpress counts in Pacific time', () => {
    const tomorrow = advise(order({ status: 'awaiting-delivery', pageNotes: [{ text: 'Refund if no delivery before Aug 2, 2026' }] }));
    expect(tomorrow.id).toBe('act-today');
    expect(tomorrow.urgency).toBe('urgent');
    expect(tomorrow.en).toBe('Open the "not received" dispute today: Aug 2, 2026 is the last safe day, and AliExpress counts in Pacific time.');
    const today = advise(order({ status: 'awaiting-delivery', pageNotes: [{ text: 'Refund if no delivery before Aug 1, 2026' }] }));
    expect(today.id).toBe('act-today');
  });

  it('in transit with the page guarantee: "Not delivered by <date>? Open … that day."', () => {
    const s = advise(order({ status: 'awaiting-delivery', pageNotes: [{ text: 'Refund if no delivery before Aug 3, 2026' }] }));
    expect(s.id).toBe('in-transit');
    expect(s.details).toContain('Not delivered by Aug 3, 2026? Open a not-received dispute that day.');
  });

  it('the user says it has not arrived: points at the not-received clock', () => {
    const o = order({
      status: 'awaiting-delivery',
      placedOn: '2026-07-15',
      paidOn: '2026-07-15',
      shippedOn: '2026-07-18',
      paymentMethod: 'Credit/Debit card',
      tracking: { events: [{ at: '2026-07-30T08:00', text: 'Arrived at destination country' }] },
    });
    const s = advise(o, NOW, { notReceived: true });
    expect(s.id).toBe('not-received-report');
    expect(s.details).toEqual(['Last safe day for a "not received" dispute: Sep 16, 2026 (46 days left).']);
  });

  it('delivered: check the item before the after-delivery window closes', () => {
    const s = advise(order({ status: 'completed', placedOn: '2026-07-10', paidOn: '2026-07-10', deliveredOn: '2026-07-28', completedOn: '2026-07-30' }));
    expect(s.id).toBe('check-item');
    expect(s.urgency).toBe('warning');
    expect(s.details).toEqual(['Last safe day for a "problem after delivery" dispute: Aug 12, 2026 (11 days left).']);
  });

  it('flags an estimated date', () => {
    const s = advise(order({ status: 'awaiting-shipment', placedOn: '2026-07-30', paidOn: '2026-07-30', paymentMethod: 'PayPal' }));
    expect(s.id).toBe('awaiting-shipment');
    expect(s.details).toEqual([
      'Last safe day for a "not received" dispute: Sep 28, 2026 (58 days left).',
      'This date is an estimate: add the missing date under "Fix the facts".',
    ]);
  });

  it('unpaid, closed, every window passed, nothing known', () => {
    expect(advise(order({ status: 'awaiting-payment', placedOn: '2026-07-30' })).id).toBe('awaiting-payment');
    expect(advise(order({ status: 'closed', placedOn: '2026-07-30' })).id).toBe('closed');
    const passed = advise(
      order({ status: 'completed', placedOn: '2026-01-05', paidOn: '2026-01-05', deliveredOn: '2026-02-01', completedOn: '2026-02-01', paymentMethod: 'Visa card' }),
    );
    expect(passed.id).toBe('all-passed');
    expect(passed.urgency).toBe('closed');
    expect(advise(order({})).id).toBe('unknown');
  });
});
