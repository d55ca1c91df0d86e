// The capture flow of a tab with the renderer and the background replaced: what is sent, tracking
// snapshots, the transcript, and the download offered when the save fails.
import { capturePage, type CaptureModule, type Send } from '@/utils/evidence/client';
import { captureChat } from '@/utils/evidence/chat-capture';
import { parseDataUrl } from '@/utils/evidence/data-url';
import { prepareItem } from '@/utils/evidence/upload';
import { sha256Hex } from '@/utils/evidence/hash';
import { transcriptMessages } from '@/utils/evidence/transcript';
import type { EvidenceMessage, EvidenceUpload } from '@/utils/evidence/types';
import type { RenderRequest } from '@/utils/evidence/capture';
import type { PageReading } from '@/utils/types';
import { emptyOrder } from '@/utils/types';

const NOW = new Date('2026-08-03T05:04:09Z');

async function fakeModule(parts = 2, redacted = false) {
  const requests: RenderRequest[] = [];
  const img = async (i: number, red: boolean) => {
    const bytes = new Uint8Array([i, red ? 1 : 0, 7]);
    const blob = new Blob([bytes], { type: 'image/png' });
    return { blob, bytes, sha256: await sha256Hex(blob), width: 100, height: 200, part: { index: i, count: parts }, thumb: 'data:image/jpeg;base64,AA==', redacted: red };
  };
  const zips: unknown[] = [];
  const mod: CaptureModule = {
    async renderCapture(req) {
      requests.push(req);
      req.onProgress?.({ done: 0, total: parts });
      const images = await Promise.all(Array.from({ length: parts }, (_, i) => img(i + 1, false)));
      const copies = redacted ? await Promise.all(Array.from({ length: parts }, (_, i) => img(i + 1, true))) : [];
      return { method: 'html2canvas-1.4.1+rgb-colours', images, redacted: copies, problems: [], stats: { ms: 1, widthCss: 100, heightCss: 400, scale: 1, colorsRewritten: 0, imagesInlined: 0, imagesMissing: 0 } };
    },
    async makeZip(files, manifest) {
      zips.push({ files: files.map((f) => f.name), manifest });
      return new Blob(['zip']);
    },
    downloadName: (kind, orderId) => `aliproof-${kind}-${orderId}.zip`,
  };
  return { mod, requests, zips };
}

const saveAll = (m: EvidenceMessage) => (m.type === 'save-evidence' ? { ok: true, pending: false, saved: m.items.map((i) => i.meta) } : { ok: true, deleted: [] });

/**
 * The background, behind a channel that carries messages as JSON (a Uint8Array becomes a plain object,
 * a Blob {}), as structured clones that keep bytes but not Blobs, or as structured clones that keep
 * both. The format questions are answered like the real background does.
 */
type Channel = 'json' | 'bytes' | 'blob';
function background(answer: (m: EvidenceMessage) => unknown = saveAll, opts: { channel?: Channel } = {}) {
  const sent: EvidenceMessage[] = [];
  const noBlobs = (v: unknown): unknown =>
    v instanceof Blob ? {} : Array.isArray(v) ? v.map(noBlobs) : v && typeof v === 'object' && !ArrayBuffer.isView(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, noBlobs(x)])) : v;
  const channel = opts.channel ?? 'json';
  const send: Send = async (m) => {
    const travelled = (channel === 'json' ? JSON.parse(JSON.stringify(m)) : channel === 'bytes' ? noBlobs(m) : m) as EvidenceMessage;
    sent.push(travelled);
    if (travelled.type === 'message-format') {
      const holds123 = (b: unknown) => b instanceof Uint8Array && b.join() === '1,2,3';
      const blob = travelled.blob;
      return { ok: true, bytes: holds123(travelled.probe), blob: blob instanceof Blob && holds123(new Uint8Array(await blob.arrayBuffer())) };
    }
    return answer(travelled);
  };
  const uploads = () => sent.flatMap((m) => (m.type === 'save-evidence' ? m.items : [])) as EvidenceUpload[];
  return { sent, send, uploads };
}

/** The bytes an upload carries, however they travelled. */
const dataOf = async (u: EvidenceUpload): Promise<Uint8Array> => (u.blob ? new Uint8Array(await u.blob.arrayBuffer()) : (u.bytes ?? parseDataUrl(u.dataUrl!)!.bytes));

const tracking = { number: 'LP00123456789', carrier: 'Cainiao', events: [{ at: '2026-07-30T10:00', text: 'Arrived at customs' }] };
const reading: PageReading = {
  kind: 'tracking',
  problems: [],
  orders: [{ ...emptyOrder('8212313961591322'), status: 'awaiting-delivery', statusText: 'Awaiting delivery', tracking }],
};

describe('capturePage', () => {
  it('tracking: every original part carries what tracking said, with the order, time and hashes', async () => {
    const { mod, requests } = await fakeModule(2, true);
    const bg = background();
    const progress: string[] = [];
    const out = await capturePage('tracking', document, { reading, now: () => NOW, send: bg.send, loadModule: async () => mod, onProgress: (p) => progress.push(p.stage) });
    expect(out.ok).toBe(true);
    expect(out.parts).toBe(2);
    expect(progress).toEqual(['finding', 'loading', 'rendering', 'rendering', 'saving']);
    expect(requests[0]).toMatchObject({ kind: 'tracking', orderId: '8212313961591322', redact: 'auto', capturedAt: NOW });
    const items = bg.uploads();
    expect(items).toHaveLength(4);
    const originals = items.filter((i) => !i.meta.derivedFrom);
    const copies = items.filter((i) => i.meta.derivedFrom);
    for (const o of originals) {
      expect(o.meta.tracking).toEqual({ orderId: '8212313961591322', at: NOW.toISOString(), status: 'awaiting-delivery', statusText: 'Awaiting delivery', tracking });
      expect(o.meta).toMatchObject({ kind: 'tracking', orderId: '8212313961591322', capturedAt: '2026-08-03T05:04:09.000Z', mime: 'image/png' });
      expect(o.bytes).toBeUndefined(); // JSON messages: data URLs
      expect(await sha256Hex(parseDataUrl(o.dataUrl!)!.bytes)).toBe(o.meta.sha256);
    }
    // each redacted copy names its original, part for part, and carries no tracking snapshot
    expect(copies.map((c) => c.meta.derivedFrom)).toEqual(originals.map((o) => o.meta.id));
    expect(copies.every((c) => !c.meta.tracking && /redacted/.test(c.meta.derivation!))).toBe(true);
    expect(new Set(items.map((i) => i.meta.captureId)).size).toBe(1);
    expect(bg.sent.map((m) => m.type)).toEqual(['message-format', 'message-format', 'save-evidence']);
  });

  it.each(['bytes', 'blob'] as const)('where messages are structured clones sends the bytes as %s, and the background takes them', async (channel) => {
    const { mod } = await fakeModule(2, true);
    const bg = background(saveAll, { channel });
    const out = await capturePage('tracking', document, { reading, now: () => NOW, send: bg.send, loadModule: async () => mod });
    expect(out.ok).toBe(true);
    const items = bg.uploads();
    expect(items).toHaveLength(4);
    const rendered = await mod.renderCapture({} as RenderRequest);
    for (const [k, it] of items.entries()) {
      expect(it.dataUrl).toBeUndefined();
      if (channel === 'blob') {
        expect(it.bytes).toBeUndefined();
        expect(it.blob).toBeInstanceOf(Blob);
      } else {
        expect(it.blob).toBeUndefined();
        expect(it.bytes).toBeInstanceOf(Uint8Array);
      }
      const img = [...rendered.images, ...rendered.redacted][k];
      const bytes = await dataOf(it);
      expect(Array.from(bytes)).toEqual(Array.from(img.bytes));
      expect(await sha256Hex(bytes)).toBe(it.meta.sha256);
      // what the background stores: the same bytes, the same hash
      const prepared = await prepareItem(it, '0.1.0');
      if (typeof prepared === 'string') throw new Error(prepared);
      expect(Array.from(prepared.bytes)).toEqual(Array.from(bytes));
      expect(prepared.blob).toBe(it.blob);
      expect(prepared.meta).toMatchObject({ sha256: it.meta.sha256, bytes: bytes.length, mime: 'image/png' });
    }
    expect(bg.sent.map((m) => m.type)).toEqual(['message-format', 'message-format', 'save-evidence']);
  });

  it('asks how bytes travel once per channel, again only when neither question got an answer', async () => {
    const { mod } = await fakeModule(1);
    let unanswered = 2;
    const bg = background((m) => (m.type === 'save-evidence' ? saveAll(m) : undefined), { channel: 'bytes' });
    const flaky: Send = async (m) => {
      if (m.type === 'message-format' && unanswered > 0) {
        unanswered--;
        return undefined; // no answer: data URLs this time
      }
      return bg.send(m);
    };
    for (let i = 0; i < 3; i++) expect((await capturePage('product-page', document, { send: flaky, loadModule: async () => mod })).ok).toBe(true);
    const uploads = bg.uploads();
    expect(uploads.map((u) => (u.bytes ? 'bytes' : u.blob ? 'blob' : 'dataUrl'))).toEqual(['dataUrl', 'bytes', 'bytes']);
    expect(bg.sent.filter((m) => m.type === 'message-format')).toHaveLength(2);
  });

  it('tracking without readable tracking facts: saves the images and says the facts are missing', async () => {
    const { mod } = await fakeModule(1);
    const bg = background();
    const out = await capturePage('tracking', document, { reading: { ...reading, orders: [emptyOrder('8212313961591322')] }, send: bg.send, loadModule: async () => mod });
    expect(out.ok).toBe(true);
    expect(out.problems).toEqual(['the tracking facts could not be read from this page; only the images were saved']);
    expect(bg.uploads()[0].meta.tracking).toBeUndefined();
  });

  it('a failed save says why in plain words and offers every file as one download', async () => {
    const { mod, zips } = await fakeModule(2);
    const bg = background(() => ({ ok: false, code: 'quota', error: 'Your browser has no room left for AliProof evidence (storage quota exceeded). Nothing was saved.' }));
    const out = await capturePage('order-detail', document, { reading, send: bg.send, loadModule: async () => mod, now: () => NOW });
    expect(out).toMatchObject({ ok: false, errorCode: 'quota', saved: [], error: expect.stringMatching(/no room left/) });
    expect(out.download!.filename).toBe('aliproof-order-detail-8212313961591322.zip');
    expect(zips).toEqual([
      {
        files: ['order-detail-part-1-of-2.png', 'order-detail-part-2-of-2.png'],
        manifest: expect.objectContaining({ kind: 'order-detail', orderId: '8212313961591322', saveError: expect.stringMatching(/no room left/) }),
      },
    ]);
  });

  it('a renderer that cannot load or throws ends in a plain-words error, nothing sent', async () => {
    const bg = background();
    const out = await capturePage('product-page', document, { send: bg.send, loadModule: () => Promise.reject(new Error('the capture tool could not be loaded')) });
    expect(out).toMatchObject({ ok: false, errorCode: 'render', error: 'The capture could not be made: the capture tool could not be loaded.' });
    expect(bg.sent.filter((m) => m.type !== 'message-format')).toEqual([]);
  });
});

describe('captureChat', () => {
  it.each(['json', 'bytes', 'blob'] as const)('saves the images and a transcript of the messages read from the page (%s messages)', async (channel) => {
    document.body.innerHTML = '<div id="pane">chat</div>';
    const { mod } = await fakeModule(1);
    const bg = background(saveAll, { channel });
    const chatReading: PageReading = {
      kind: 'chat',
      orders: [],
      problems: [],
      chat: {
        store: 'Sunrise Gadgets Store',
        orderId: '8212313961591322',
        messages: [
          { sender: 'buyer', text: 'Where is my parcel?', at: '2026-07-29T14:05' },
          { sender: 'seller', text: 'Please wait.', at: '2026-07-29T15:31' },
        ],
      },
    };
    const out = await captureChat(document, { reading: chatReading, container: document.getElementById('pane')!, send: bg.send, loadModule: async () => mod, now: () => NOW });
    expect(out).toMatchObject({ ok: true, parts: 1, messages: 2, orderId: '8212313961591322' });
    const transcript = bg.uploads().find((u) => u.meta.kind === 'transcript')!;
    expect(transcript.meta).toMatchObject({ mime: 'text/plain', messages: 2, orderId: '8212313961591322', method: 'aliproof-chat-reader' });
    const text = new TextDecoder().decode(await dataOf(transcript));
    expect(transcriptMessages(text).map((m) => m.text)).toEqual(['Where is my parcel?', 'Please wait.']);
    expect(await sha256Hex(new TextEncoder().encode(text))).toBe(transcript.meta.sha256);
    expect(transcript.blob !== undefined ? 'blob' : transcript.bytes !== undefined ? 'bytes' : 'json').toBe(channel);
  });

  it('keeps the conversation text when the reader found no messages', async () => {
    document.body.innerHTML = '<div id="pane">Seller: wait 7 days</div>';
    const { mod } = await fakeModule(1);
    const bg = background();
    const out = await captureChat(document, { reading: { kind: 'chat', orders: [], problems: [], chat: { messages: [] } }, container: document.getElementById('pane')!, send: bg.send, loadModule: async () => mod });
    expect(out.ok).toBe(true);
    const transcript = bg.uploads().find((u) => u.meta.kind === 'transcript')!;
    expect(new TextDecoder().decode(await dataOf(transcript))).toContain('    Seller: wait 7 days');
  });
});
