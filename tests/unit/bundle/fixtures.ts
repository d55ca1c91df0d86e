// A case with evidence for the bundle, template and case-page tests (not a test file itself), and the
// hostile strings a seller could put in a store name or item title.
import { createHash } from 'node:crypto';
import type { CaseRecord } from '@/utils/cases/case-store';
import { effectiveOrder, type EffectiveOrder } from '@/utils/store/effective';
import type { EvidenceMeta } from '@/utils/evidence/types';
import type { DecodedImage, JpegEncoder } from '@/utils/bundle/venues/aliexpress';
import type { BundleInput } from '@/utils/bundle/build';
import { facts, NOW } from '../store/factories';

export { NOW };

export const HOSTILE =
  `Evil</style><script>window.__pwned=1;document.title='pwned'</script><img src=x onerror="window.__pwned=2;alert(1)">"quoted" 'single' & \`tick\``;

export const ORDER_ID = '8200000000000042';

export const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Bytes that look like a PNG (signature) and are different per seed. */
export function fakePng(seed: number, size = 300): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) b[i] = (i * 31 + seed * 17) & 0xff;
  return b;
}

export function caseRecord(store = 'Sunny Gadgets Store', title = 'USB-C cable 2m'): CaseRecord {
  const f = facts(ORDER_ID, {
    status: 'awaiting-delivery',
    placedOn: '2026-07-15',
    paidOn: '2026-07-15',
    shippedOn: '2026-07-18',
    paymentMethod: 'Credit/Debit card',
    store: { name: store, url: 'https://www.aliexpress.com/store/1101' },
    total: { amount: 12.5, currency: 'USD', text: 'US $12.50' },
    items: [{ title, quantity: 1, sku: 'Color: Black' }],
    tracking: {
      number: 'LP00012345678',
      carrier: 'Cainiao',
      events: [
        { at: '2026-07-21T08:00', text: 'Departed from sorting center' },
        { at: '2026-07-19T10:00', text: 'Received by carrier' },
      ],
    },
  });
  return {
    orderId: ORDER_ID,
    facts: f,
    seen: {
      placedOn: { value: '2026-07-15', firstSeen: '2026-07-16T01:00:00.000Z' },
      shippedOn: { value: '2026-07-18', firstSeen: '2026-07-19T02:00:00.000Z' },
      store: { value: store, firstSeen: '2026-07-16T01:00:00.000Z' },
      trackingNumber: { value: 'LP00012345678', firstSeen: '2026-07-19T02:00:00.000Z' },
    },
    firstSeen: '2026-07-16T01:00:00.000Z',
    lastSeen: '2026-07-25T03:00:00.000Z',
    sources: [{ kind: 'order-list', url: 'https://www.aliexpress.com/p/order/index.html', at: '2026-07-16T01:00:00.000Z' }],
  };
}

export function entryOf(record: CaseRecord, now = NOW): EffectiveOrder {
  return effectiveOrder(record, undefined, { now });
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const THUMB = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==';

export interface Stored {
  meta: EvidenceMeta;
  bytes: Uint8Array;
}

/** A chat capture (2 parts + transcript + a redacted copy of part 1), two tracking captures, an order page. */
export function storedEvidence(opts: { hostile?: boolean } = {}): Stored[] {
  const h = opts.hostile ? HOSTILE : '';
  const base = { orderId: ORDER_ID, extensionVersion: '0.1.0', title: `Messages ${h}`, method: 'html2canvas-1.4.1+rgb' };
  const items: Stored[] = [];
  const image = (n: number, m: Partial<EvidenceMeta>) => {
    const bytes = fakePng(n, 200 + n * 10);
    items.push({
      bytes,
      meta: { ...base, id: uuid(n), captureId: uuid(900 + n), kind: 'chat', url: 'https://www.aliexpress.com/p/message/index.html', capturedAt: '2026-07-24T09:00:00.000Z', bytes: bytes.length, mime: 'image/png', sha256: sha(bytes), width: 1280, height: 9000, thumb: THUMB, ...m } as EvidenceMeta,
    });
  };
  image(1, { captureId: uuid(901), part: { index: 1, count: 2 }, note: opts.hostile ? `note ${HOSTILE}` : undefined });
  image(2, { captureId: uuid(901), part: { index: 2, count: 2 }, height: 3000 });
  image(3, { captureId: uuid(901), part: { index: 1, count: 2 }, derivedFrom: uuid(1), derivation: 'redacted copy: names, addresses and phone numbers covered' });
  const transcriptText = `AliProof chat transcript\nPage: https://www.aliexpress.com/p/message/index.html\n\n#1  seller (Store)  2026-07-24T08:00\n    ${opts.hostile ? HOSTILE : 'Please wait 10 more days'}\n\n#2  buyer (you)  2026-07-24T08:05\n    Where is my parcel?\n`;
  const tBytes = new TextEncoder().encode(transcriptText);
  items.push({
    bytes: tBytes,
    meta: { ...base, id: uuid(4), captureId: uuid(901), kind: 'transcript', url: 'https://www.aliexpress.com/p/message/index.html', capturedAt: '2026-07-24T09:00:00.000Z', bytes: tBytes.length, mime: 'text/plain', sha256: sha(tBytes), method: 'aliproof-chat-reader', messages: 2 } as EvidenceMeta,
  });
  const tracking = (n: number, at: string, events: { at: string; text: string }[]) =>
    image(n, {
      captureId: uuid(900 + n),
      kind: 'tracking',
      url: `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${ORDER_ID}`,
      capturedAt: at,
      height: 2000,
      tracking: { orderId: ORDER_ID, at, status: 'awaiting-delivery', tracking: { number: 'LP00012345678', events: events.map((e) => ({ ...e, text: opts.hostile ? `${e.text} ${HOSTILE}` : e.text })) } },
    });
  tracking(5, '2026-07-22T03:00:00.000Z', [{ at: '2026-07-21T08:00', text: 'Departed from sorting center' }]);
  tracking(6, '2026-07-30T03:00:00.000Z', [{ at: '2026-07-21T08:00', text: 'Departed from sorting center' }]);
  image(7, { captureId: uuid(907), kind: 'order-detail', url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`, capturedAt: '2026-07-20T05:00:00.000Z', height: 1800 });
  return items;
}

/** A JPEG encoder for tests: "JPEG" bytes whose size follows area × quality, so limits can be tested. */
export function fakeJpeg(bytesPerPixel = 0.5): JpegEncoder & { calls: { scale: number; quality: number }[] } {
  const calls: { scale: number; quality: number }[] = [];
  return {
    calls,
    async decode(_bytes, _mime) {
      const img: DecodedImage = {
        width: 1280,
        height: 9000,
        async encode(rect, scale, quality) {
          calls.push({ scale, quality });
          const n = Math.max(4, Math.round(rect.w * scale * rect.h * scale * quality * bytesPerPixel));
          const b = new Uint8Array(n);
          b.set([0xff, 0xd8, 0xff, 0xe0]);
          return new Blob([b], { type: 'image/jpeg' });
        },
        close() {},
      };
      return img;
    },
  };
}

/** A bundle's input for these stored items (Korean user in Seoul unless `over` says otherwise). */
export function bundleInput(stored: Stored[], over: Partial<BundleInput> = {}): BundleInput {
  const record = caseRecord();
  const byId = new Map(stored.map((s) => [s.meta.id, s.bytes]));
  return {
    entry: entryOf(record),
    record,
    evidence: stored.map((s) => s.meta),
    readStored: async (m) => byId.get(m.id)!,
    reason: 'not-received',
    lang: 'ko',
    jpegMaxBytes: 2 * 1024 * 1024,
    jpeg: fakeJpeg(),
    aliproofVersion: '0.1.0',
    now: NOW,
    tzOffsetMinutes: -540,
    timeZone: 'Asia/Seoul',
    nextTurn: async () => undefined,
    ...over,
  };
}
