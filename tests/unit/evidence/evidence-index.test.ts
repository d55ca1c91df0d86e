import { addToIndex, buildIndex, capturedKinds, evidenceCounts, indexEntry, removeFromIndex, trackingHistoryFrom, withDerived } from '@/utils/evidence/evidence-index';
import { NO_ORDER_KEY, type EvidenceMeta } from '@/utils/evidence/types';

const meta = (id: string, over: Partial<EvidenceMeta> = {}): EvidenceMeta => ({
  id,
  captureId: 'c1',
  kind: 'chat',
  orderId: '8212313961591322',
  url: 'https://www.aliexpress.com/p/message/index.html',
  title: 'Messages',
  capturedAt: '2026-08-03T05:00:00.000Z',
  method: 'html2canvas-1.4.1+rgb-colours',
  bytes: 100,
  mime: 'image/png',
  sha256: 'a'.repeat(64),
  extensionVersion: '0.1.0',
  ...over,
});

describe('the storage.local evidence index', () => {
  it('keeps per order only id, kind, time, size, hash and the original of a copy', () => {
    expect(indexEntry(meta('a', { thumb: 'data:image/jpeg;base64,xx', note: 'n', derivedFrom: 'o' }))).toEqual({
      id: 'a',
      kind: 'chat',
      capturedAt: '2026-08-03T05:00:00.000Z',
      bytes: 100,
      sha256: 'a'.repeat(64),
      derivedFrom: 'o',
    });
  });

  it('adds, replaces and removes entries; items without an order go under no-order', () => {
    let index = addToIndex({}, [meta('b', { capturedAt: '2026-08-04T00:00:00Z' }), meta('a'), meta('x', { orderId: undefined })]);
    expect(index['8212313961591322'].map((e) => e.id)).toEqual(['a', 'b']);
    expect(index[NO_ORDER_KEY].map((e) => e.id)).toEqual(['x']);
    index = addToIndex(index, [meta('a', { bytes: 5 })]);
    expect(index['8212313961591322'].find((e) => e.id === 'a')!.bytes).toBe(5);
    index = removeFromIndex(index, ['x', 'a']);
    expect(index).toEqual({ '8212313961591322': [indexEntry(meta('b', { capturedAt: '2026-08-04T00:00:00Z' }))] });
    expect(buildIndex([])).toEqual({});
  });

  it('counts captures per kind (copies not counted) and lists the kinds captured', () => {
    const index = buildIndex([meta('a'), meta('b'), meta('t', { kind: 'transcript' }), meta('r', { derivedFrom: 'a' }), meta('k', { kind: 'tracking' })]);
    expect(evidenceCounts(index, '8212313961591322')).toEqual({ chat: 2, transcript: 1, tracking: 1 });
    expect(capturedKinds(index, '8212313961591322')).toEqual(['chat', 'tracking', 'transcript']);
    expect(evidenceCounts(index, '1111111111')).toEqual({});
  });

  it('deletes an item together with every copy derived from it', () => {
    const metas = [meta('a'), meta('r1', { derivedFrom: 'a' }), meta('r2', { derivedFrom: 'r1' }), meta('b')];
    expect(withDerived(metas, 'a')).toEqual(['a', 'r1', 'r2']);
    expect(withDerived(metas, 'b')).toEqual(['b']);
  });
});

describe('tracking history', () => {
  const snap = (at: string, text: string) => ({
    orderId: '8212313961591322',
    at,
    status: 'awaiting-delivery' as const,
    tracking: { number: 'LP00123', events: [{ at: '2026-07-30T10:00', text }] },
  });

  it('gives what tracking said at each capture, oldest first, once per capture', () => {
    const metas = [
      meta('t2p1', { kind: 'tracking', captureId: 'c2', capturedAt: '2026-08-10T00:00:00Z', part: { index: 1, count: 2 }, tracking: snap('2026-08-10T00:00:00Z', 'In customs') }),
      meta('t2p2', { kind: 'tracking', captureId: 'c2', capturedAt: '2026-08-10T00:00:00Z', part: { index: 2, count: 2 }, tracking: snap('2026-08-10T00:00:00Z', 'In customs') }),
      meta('t1', { kind: 'tracking', captureId: 'c1', capturedAt: '2026-08-01T00:00:00Z', tracking: snap('2026-08-01T00:00:00Z', 'Departed') }),
      meta('t1r', { kind: 'tracking', captureId: 'c1', derivedFrom: 't1', tracking: snap('2026-08-01T00:00:00Z', 'Departed') }),
      meta('other', { kind: 'tracking', orderId: '3041111111111111', tracking: { ...snap('2026-08-02T00:00:00Z', 'x'), orderId: '3041111111111111' } }),
      meta('chat', { kind: 'chat' }),
    ];
    const h = trackingHistoryFrom(metas, '8212313961591322');
    expect(h.map((e) => [e.captureId, e.evidenceId, e.snapshot.tracking.events[0].text])).toEqual([
      ['c1', 't1', 'Departed'],
      ['c2', 't2p1', 'In customs'],
    ]);
  });
});
