import { applyReading, emptyCaseStore } from '../../../utils/cases/case-store';
import { mergeOrders } from '../../../utils/orders/merge';
import { emptyOrder, type OrderFacts, type PageReading } from '../../../utils/types';

const order = (id: string, facts: Partial<OrderFacts>): OrderFacts => ({ ...emptyOrder(id), ...facts });
const reading = (kind: PageReading['kind'], orders: OrderFacts[]): PageReading => ({ kind, orders, problems: [] });

describe('merging orders by id', () => {
  it('lets later readings fill and update facts, never an unknown status over a known one', () => {
    const list = order('8212313961591322', { status: 'awaiting-delivery', statusText: 'Awaiting delivery', placedOn: '2026-07-15', items: [{ title: '' }, { title: '' }] });
    const detail = order('8212313961591322', { status: 'unknown', paidOn: '2026-07-15', items: [{ title: 'Cable', quantity: 1 }, { title: 'Adapter' }] });
    const [m] = mergeOrders([list], [detail]);
    expect(m).toMatchObject({ status: 'awaiting-delivery', statusText: 'Awaiting delivery', placedOn: '2026-07-15', paidOn: '2026-07-15' });
    expect(m.items.map((i) => i.title)).toEqual(['Cable', 'Adapter']);
  });

  it('keeps page notes from every page once and the longer tracking history', () => {
    const a = order('1', { pageNotes: [{ text: 'Refund if no delivery before Sep 4, 2026', date: '2026-09-04' }], tracking: { number: 'LP1', events: [{ at: '2026-07-20T10:00', text: 'A' }, { at: '2026-07-19T10:00', text: 'B' }] } });
    const b = order('1', { pageNotes: [{ text: 'Refund if no delivery before Sep 4, 2026', date: '2026-09-04' }, { text: 'Refund if no delivery before Sep 3, 2026', date: '2026-09-03' }], tracking: { carrier: 'Cainiao', events: [{ at: '2026-07-20T10:00', text: 'A' }] } });
    const [m] = mergeOrders([a], [b]);
    expect(m.pageNotes).toHaveLength(2);
    expect(m.tracking).toMatchObject({ number: 'LP1', carrier: 'Cainiao' });
    expect(m.tracking!.events).toHaveLength(2);
  });

  it('keeps the first-seen order of orders', () => {
    expect(mergeOrders([order('2', {}), order('1', {})], [order('3', {}), order('2', {})]).map((o) => o.orderId)).toEqual(['2', '1', '3']);
  });
});

describe('case store', () => {
  const t1 = '2026-07-16T01:00:00.000Z';
  const t2 = '2026-07-20T01:00:00.000Z';

  it('records every order seen with the day each fact was first seen', () => {
    let store = applyReading(emptyCaseStore(), reading('order-list', [order('8212313961591322', { status: 'awaiting-delivery', placedOn: '2026-07-15' })]), { url: 'https://www.aliexpress.com/p/order/index.html', at: t1 });
    store = applyReading(store, reading('order-detail', [order('8212313961591322', { status: 'awaiting-delivery', placedOn: '2026-07-15', shippedOn: '2026-07-17' })]), { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322', at: t2 });
    const c = store.cases['8212313961591322'];
    expect(c.facts).toMatchObject({ status: 'awaiting-delivery', placedOn: '2026-07-15', shippedOn: '2026-07-17' });
    expect(c.seen.placedOn).toEqual({ value: '2026-07-15', firstSeen: t1 });
    expect(c.seen.shippedOn).toEqual({ value: '2026-07-17', firstSeen: t2 });
    expect(c.firstSeen).toBe(t1);
    expect(c.lastSeen).toBe(t2);
    expect(c.sources.map((s) => s.kind)).toEqual(['order-list', 'order-detail']);
  });

  it('dates a changed value from when the change was seen', () => {
    let store = applyReading(emptyCaseStore(), reading('order-list', [order('1234567890', { status: 'awaiting-delivery' })]), { url: 'u', at: t1 });
    store = applyReading(store, reading('order-list', [order('1234567890', { status: 'completed' })]), { url: 'u', at: t2 });
    expect(store.cases['1234567890'].seen.status).toEqual({ value: 'completed', firstSeen: t2 });
  });

  it('does not store computed deadlines and leaves the input store unchanged', () => {
    const empty = emptyCaseStore();
    const o = order('1234567890', { deadlines: [{ kind: 'paypal', closesOn: '2026-12-01', source: 'rule', estimated: false, basis: 'R-PP-180' }] });
    const store = applyReading(empty, reading('order-list', [o]), { url: 'u', at: t1 });
    expect(store.cases['1234567890'].facts.deadlines).toEqual([]);
    expect(empty.cases).toEqual({});
  });
});

describe('reading the same page again', () => {
  const url = 'https://www.aliexpress.com/p/order/index.html';
  const first = applyReading(emptyCaseStore(), reading('order-list', [order('1234567890', { status: 'awaiting-delivery', placedOn: '2026-07-15' })]), { url, at: '2026-07-16T01:00:00.000Z' });

  it('leaves the record as it was when nothing is new on the same day', () => {
    const again = applyReading(first, reading('order-list', [order('1234567890', { status: 'awaiting-delivery', placedOn: '2026-07-15' })]), { url, at: '2026-07-16T09:00:00.000Z' });
    expect(again.cases['1234567890']).toBe(first.cases['1234567890']);
  });

  it('records a new value, another page or another day', () => {
    const changed = applyReading(first, reading('order-list', [order('1234567890', { status: 'completed', placedOn: '2026-07-15' })]), { url, at: '2026-07-16T09:00:00.000Z' });
    expect(changed.cases['1234567890']).not.toBe(first.cases['1234567890']);
    expect(changed.cases['1234567890'].seen.status.value).toBe('completed');
    expect(changed.cases['1234567890'].sources).toHaveLength(1); // same page, same day: one entry

    const detail = applyReading(first, reading('order-detail', [order('1234567890', { status: 'awaiting-delivery', placedOn: '2026-07-15' })]), { url: `${url}?d`, at: '2026-07-16T09:00:00.000Z' });
    expect(detail.cases['1234567890'].sources.map((s) => s.kind)).toEqual(['order-list', 'order-detail']);

    const nextDay = applyReading(first, reading('order-list', [order('1234567890', { status: 'awaiting-delivery', placedOn: '2026-07-15' })]), { url, at: '2026-07-17T09:00:00.000Z' });
    expect(nextDay.cases['1234567890'].lastSeen).toBe('2026-07-17T09:00:00.000Z');
    expect(nextDay.cases['1234567890'].sources).toHaveLength(2);
  });
});
