import { filterCases, matchesSearch } from '@/utils/case/search';
import { buildTimeline, timelineText } from '@/utils/case/timeline';
import { caseHash, orderFromHash } from '@/utils/case/url';
import { withNote } from '@/utils/case/notes';
import { effectiveOrders } from '@/utils/store/effective';
import { facts, record } from '../store/factories';
import { caseRecord, entryOf, NOW, ORDER_ID, storedEvidence } from '../bundle/fixtures';

describe('searching the case list', () => {
  const orders = effectiveOrders(
    {
      a: record(facts('8100000000000001', { store: { name: 'Hanbit Electronics Official' }, items: [{ title: 'Mechanical Keyboard Switches' }] })),
      b: record(facts('8100000000000002', { store: { name: '서울 전자' }, items: [{ title: 'USB-C Cable 2m' }] })),
    },
    {},
    { now: NOW },
  );

  it('finds orders by order number, store or item title; every word must match', () => {
    const ids = (q: string) => filterCases(orders, q).map((o) => o.orderId);
    expect(ids('')).toHaveLength(2);
    expect(ids('0002')).toEqual(['8100000000000002']);
    expect(ids('hanbit')).toEqual(['8100000000000001']);
    expect(ids('usb-c   CABLE')).toEqual(['8100000000000002']);
    expect(ids('서울')).toEqual(['8100000000000002']);
    const fullWidth = '8100000000000001'.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(ids(fullWidth)).toEqual(['8100000000000001']); // typed with a Korean IME's full-width digits
    expect(ids('hanbit cable')).toEqual([]);
    expect(matchesSearch(orders[0], 'keyboard switches')).toBe(true);
  });
});

describe('the case timeline', () => {
  const rec = caseRecord();
  const entry = entryOf(rec);
  const evidence = storedEvidence().map((s) => s.meta);
  const tl = buildTimeline({ entry, record: rec, evidence, now: NOW, tzOffsetMinutes: -540 });

  it('puts order dates, first sightings, tracking, captures and deadlines in time order', () => {
    const keys = tl.map((e) => e.sortKey);
    expect(keys).toEqual([...keys].sort());
    const kinds = new Set(tl.map((e) => e.kind));
    for (const k of ['order-date', 'fact-seen', 'tracking-event', 'tracking-capture', 'capture', 'deadline']) expect(kinds).toContain(k);
    expect(tl[0]).toMatchObject({ kind: 'order-date', when: { date: '2026-07-15' }, message: { key: 'timeline.placedOn' }, source: 'page', firstSeen: '2026-07-16T01:00:00.000Z' });
  });

  it('says when a tracking capture shows nothing new since the one before', () => {
    const caps = tl.filter((e) => e.kind === 'tracking-capture');
    expect(caps.map((c) => c.message.key)).toEqual(['timeline.trackingCapture', 'timeline.trackingCaptureSame']);
    // a tracking capture is one line, not two
    expect(tl.filter((e) => e.kind === 'capture').map((e) => e.message.key)).toEqual(['timeline.capture', 'timeline.captureChat']);
  });

  it('marks deadlines still ahead', () => {
    const nr = tl.find((e) => e.kind === 'deadline' && e.when && 'date' in e.when && e.when.date === '2026-09-16')!;
    expect(nr.future).toBe(true);
  });

  it('renders as text lines in either language', () => {
    const shipped = tl.find((e) => e.message.key === 'timeline.shippedOn')!;
    expect(timelineText(shipped, 'en')).toBe('Jul 18, 2026 — Shipped');
    expect(timelineText(shipped, 'ko')).toBe('2026년 7월 18일 — 발송');
    const capture = tl.find((e) => e.kind === 'capture')!;
    expect(timelineText(capture, 'en', -540)).toBe(`2026-07-20 14:00 (UTC+09:00) — Captured: Order page (1 image): https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`);
  });
});

describe('case page address and notes', () => {
  it('names one order in the hash; anything else is the list', () => {
    expect(caseHash(ORDER_ID)).toBe(`#order=${ORDER_ID}`);
    expect(caseHash()).toBe('');
    expect(orderFromHash(`#order=${ORDER_ID}`)).toBe(ORDER_ID);
    expect(orderFromHash('#order=<script>')).toBeUndefined();
    expect(orderFromHash('')).toBeUndefined();
  });

  it('keeps one note per order; an empty note removes it', () => {
    const at = new Date('2026-08-01T00:00:00Z');
    const one = withNote({}, ORDER_ID, 'seller promised a refund', at);
    expect(one).toEqual({ [ORDER_ID]: { text: 'seller promised a refund', updatedAt: '2026-08-01T00:00:00.000Z' } });
    expect(withNote(one, ORDER_ID, '   ', at)).toEqual({});
  });
});
