// The save path: slicing uploads into messages, the background's staging, item checks, and what the tab
// does when a save fails (nothing half-saved; a final slice without an answer is deleted again).
import { ask, saveUploads, type Send } from '@/utils/evidence/client';
import { bytesToDataUrl, parseDataUrl } from '@/utils/evidence/data-url';
import { sha256Hex } from '@/utils/evidence/hash';
import { checkLinks, groupUploads, prepareItem, saveErrorText, UploadStaging, uploadMessages, uploadSize } from '@/utils/evidence/upload';
import type { EvidenceMessage, EvidenceUpload } from '@/utils/evidence/types';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function upload(n: number, opts: { bytes?: Uint8Array; derivedFrom?: string; mime?: string } = {}): Promise<EvidenceUpload> {
  const bytes = opts.bytes ?? new TextEncoder().encode(`item ${n}`);
  const mime = opts.mime ?? 'image/png';
  return {
    dataUrl: bytesToDataUrl(bytes, mime),
    meta: {
      id: ID(n),
      captureId: ID(999),
      kind: 'chat',
      orderId: '8212313961591322',
      url: 'https://www.aliexpress.com/p/message/index.html',
      title: 'Messages',
      capturedAt: '2026-08-03T05:04:09.000Z',
      method: 'html2canvas-1.4.1+rgb-colours',
      mime,
      sha256: await sha256Hex(bytes),
      part: { index: n, count: 3 },
      ...(opts.derivedFrom ? { derivedFrom: opts.derivedFrom } : {}),
    },
  };
}

describe('slicing a capture into messages', () => {
  it('groups items under the size limit, never splitting one, in order', async () => {
    const items = await Promise.all([1, 2, 3].map((n) => upload(n, { bytes: new Uint8Array(3_000) })));
    const size = items[0].dataUrl!.length + 2_000;
    expect(groupUploads(items, size * 2 + 1).map((g) => g.map((i) => i.meta.id))).toEqual([[ID(1), ID(2)], [ID(3)]]);
    expect(groupUploads(items, 10).map((g) => g.length)).toEqual([1, 1, 1]); // larger than the limit: alone
    const msgs = uploadMessages(items, 'u1', size * 2 + 1);
    expect(msgs.map((m) => m.upload)).toEqual([
      { id: 'u1', index: 0, count: 2 },
      { id: 'u1', index: 1, count: 2 },
    ]);
  });
});

describe('the background staging (one transaction when the last slice arrives)', () => {
  const msg = (id: string, index: number, count: number, items: EvidenceUpload[] = []): Extract<EvidenceMessage, { type: 'save-evidence' }> => ({
    type: 'save-evidence',
    upload: { id, index, count },
    items,
  });

  it('holds slices until all are there, in any order, then gives every item once', async () => {
    const s = new UploadStaging();
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => upload(n)));
    expect(s.add(msg('u', 1, 2, [c]))).toBeNull();
    expect(s.size).toBe(1);
    expect(s.add(msg('u', 0, 2, [a, b]))).toEqual([a, b, c]);
    expect(s.size).toBe(0);
  });

  it('refuses malformed slices and forgets uploads whose tab went away', () => {
    let now = 0;
    const s = new UploadStaging(1_000, () => now);
    expect(s.add(msg('u', 2, 2))).toBe('the upload is malformed');
    expect(s.add(msg('u', 0, 0))).toBe('the upload is malformed');
    expect(s.add(msg('u', 0, 2))).toBeNull();
    expect(s.add(msg('u', 1, 3))).toBe('the upload changed its size');
    expect(s.add(msg('v', 0, 2))).toBeNull();
    now = 5_000;
    expect(s.add(msg('w', 0, 2))).toBeNull(); // sweeps v
    expect(s.size).toBe(1);
  });
});

describe('checking an uploaded item', () => {
  it('keeps the hash made at capture and adds size and version', async () => {
    const u = await upload(1);
    const p = await prepareItem(u, '0.1.0');
    expect(typeof p).toBe('object');
    if (typeof p === 'string') return;
    expect(p.meta.sha256).toBe(u.meta.sha256);
    expect(p.meta.bytes).toBe(6);
    expect(p.meta.extensionVersion).toBe('0.1.0');
    expect(new TextDecoder().decode(p.bytes)).toBe('item 1');
  });

  it('takes the bytes as they are (structured-clone messages) exactly like a data URL of them', async () => {
    const u = await upload(1, { bytes: new Uint8Array([137, 80, 78, 71, 0, 255]) });
    const { dataUrl, ...rest } = u;
    const asBytes: EvidenceUpload = { ...rest, bytes: parseDataUrl(dataUrl!)!.bytes };
    const [a, b] = await Promise.all([prepareItem(u, 'v'), prepareItem(asBytes, 'v')]);
    if (typeof a === 'string' || typeof b === 'string') throw new Error(String(a) + String(b));
    expect(b.meta).toEqual(a.meta);
    expect(Array.from(b.bytes)).toEqual([137, 80, 78, 71, 0, 255]);
    // what a JSON message makes of a Uint8Array, both forms at once, or neither: refused
    expect(await prepareItem({ ...rest, bytes: JSON.parse(JSON.stringify(asBytes.bytes)) }, 'v')).toMatch(/no data/);
    expect(await prepareItem({ ...asBytes, dataUrl }, 'v')).toMatch(/no data/);
    expect(await prepareItem(rest as EvidenceUpload, 'v')).toMatch(/no data/);
    // the type and the hash are checked the same way
    expect(await prepareItem({ ...asBytes, meta: { ...asBytes.meta, mime: 'text/html' } }, 'v')).toMatch(/unsupported file type/);
    expect(await prepareItem({ ...asBytes, bytes: new Uint8Array([137, 80, 78, 71, 0, 254]) }, 'v')).toMatch(/do not match their SHA-256/);
  });

  it('takes the bytes in a Blob (structured-clone messages that keep Blobs) exactly like a data URL of them, and keeps that Blob', async () => {
    const u = await upload(1, { bytes: new Uint8Array([137, 80, 78, 71, 0, 255]) });
    const { dataUrl, ...rest } = u;
    const blob = new Blob([parseDataUrl(dataUrl!)!.bytes as BlobPart], { type: 'image/png' });
    const [a, b] = await Promise.all([prepareItem(u, 'v'), prepareItem({ ...rest, blob }, 'v')]);
    if (typeof a === 'string' || typeof b === 'string') throw new Error(String(a) + String(b));
    expect(b.meta).toEqual(a.meta);
    expect(Array.from(b.bytes)).toEqual([137, 80, 78, 71, 0, 255]);
    expect(b.blob).toBe(blob);
    expect(a.blob).toBeUndefined();
    // what a JSON message makes of a Blob, two forms at once: refused
    expect(await prepareItem({ ...rest, blob: {} as Blob }, 'v')).toMatch(/no data/);
    expect(await prepareItem({ ...rest, blob, bytes: b.bytes }, 'v')).toMatch(/no data/);
    // type, hash and size are checked the same way (the size before reading)
    expect(await prepareItem({ ...rest, blob, meta: { ...rest.meta, mime: 'text/html' } }, 'v')).toMatch(/unsupported file type/);
    expect(await prepareItem({ ...rest, blob: new Blob([new Uint8Array([137, 80, 78, 71, 0, 254])]) }, 'v')).toMatch(/do not match their SHA-256/);
    class Huge extends Blob {
      get size() {
        return 65 * 2 ** 20;
      }
      arrayBuffer(): Promise<ArrayBuffer> {
        throw new Error('read although too large');
      }
    }
    expect(await prepareItem({ ...rest, blob: new Huge([]) }, 'v')).toMatch(/too large/);
  });

  it('weighs Blobs and bytes by their length and data URLs by their characters when slicing', async () => {
    const u = await upload(1, { bytes: new Uint8Array(3_000) });
    expect(uploadSize(u)).toBe(u.dataUrl!.length);
    expect(uploadSize({ meta: u.meta, bytes: new Uint8Array(3_000) })).toBe(3_000);
    expect(uploadSize({ meta: u.meta, blob: new Blob([new Uint8Array(3_000)]) })).toBe(3_000);
  });

  it('keeps only known fields, bounded', async () => {
    const u = await upload(1);
    const p = await prepareItem({ ...u, meta: { ...u.meta, evil: 'x'.repeat(10), problems: ['a', 7 as never, 'b'.repeat(5_000)], part: { index: 4, count: 3 } } as never }, 'v');
    if (typeof p === 'string') throw new Error(p);
    expect('evil' in p.meta).toBe(false);
    expect(p.meta.problems).toEqual(['a', 'b'.repeat(1_000)]);
    expect(p.meta.part).toBeUndefined();
    expect(await prepareItem({ ...u, meta: { ...u.meta, tracking: 'x' as never } }, 'v')).toMatch(/tracking facts are malformed/);
  });

  it('refuses bytes changed on the way, wrong types, bad ids and bad order numbers', async () => {
    const u = await upload(1);
    expect(await prepareItem({ ...u, meta: { ...u.meta, sha256: 'a'.repeat(64) } }, 'v')).toMatch(/do not match their SHA-256/);
    expect(await prepareItem({ ...u, dataUrl: bytesToDataUrl(new Uint8Array([1]), 'text/html'), meta: { ...u.meta, mime: 'text/html' } }, 'v')).toMatch(/unsupported file type/);
    expect(await prepareItem({ ...u, meta: { ...u.meta, id: '../../x' } }, 'v')).toMatch(/bad id/);
    expect(await prepareItem({ ...u, meta: { ...u.meta, orderId: '12ab' } }, 'v')).toMatch(/order id/);
    expect(await prepareItem({ ...u, meta: { ...u.meta, kind: 'video' as never } }, 'v')).toMatch(/unknown evidence kind/);
    expect(await prepareItem({ ...u, dataUrl: 'https://evil.example/x.png' }, 'v')).toMatch(/not a data URL/);
  });

  it('accepts a copy only with its original (same upload or stored), and only new ids', async () => {
    const original = (await upload(1)).meta;
    const copy = (await upload(2, { derivedFrom: ID(1) })).meta;
    const none = () => false;
    expect(checkLinks([original as never, copy as never], none)).toBeUndefined();
    expect(checkLinks([copy as never], none)).toMatch(/original that is not stored/);
    expect(checkLinks([copy as never], (id) => id === ID(1))).toBeUndefined();
    expect(checkLinks([original as never], (id) => id === ID(1))).toMatch(/already stored/);
  });

  it('words IndexedDB failures plainly', () => {
    expect(saveErrorText(new DOMException('x', 'QuotaExceededError'))).toEqual({
      code: 'quota',
      error: 'Your browser has no room left for AliProof evidence (storage quota exceeded). Nothing was saved.',
    });
    expect(saveErrorText(new DOMException('Connection to Indexed Database server lost', 'UnknownError')).code).toBe('unavailable');
  });
});

describe('saving from the tab', () => {
  function fakeBackground(answer: (m: EvidenceMessage, n: number) => unknown) {
    const sent: EvidenceMessage[] = [];
    const send: Send = async (m) => {
      sent.push(m);
      return answer(m, sent.length);
    };
    return { sent, send };
  }

  it('saves in one message and returns what the background stored', async () => {
    const items = await Promise.all([1, 2].map((n) => upload(n)));
    const bg = fakeBackground((m) => (m.type === 'save-evidence' ? { ok: true, pending: false, saved: m.items.map((i) => i.meta) } : undefined));
    const r = await saveUploads(items, { send: bg.send });
    expect(r.ok).toBe(true);
    expect(bg.sent).toHaveLength(1);
  });

  it('a refused slice (quota) ends the save with its words and deletes nothing', async () => {
    const items = await Promise.all([1, 2].map((n) => upload(n)));
    const bg = fakeBackground(() => ({ ok: false, code: 'quota', error: 'no room left' }));
    expect(await saveUploads(items, { send: bg.send })).toEqual({ ok: false, code: 'quota', error: 'no room left' });
    expect(bg.sent.map((m) => m.type)).toEqual(['save-evidence']);
  });

  it('no answer to the last slice: says so and deletes the items in case they were written', async () => {
    const items = [await upload(1), await upload(2, { derivedFrom: ID(1) })];
    const bg = fakeBackground((m) => (m.type === 'save-evidence' ? new Promise(() => undefined) : { ok: true, deleted: [] }));
    const r = await saveUploads(items, { send: bg.send, timeoutMs: () => 20 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('unavailable');
    expect(r.error).toMatch(/did not answer/);
    // the original is deleted (its copy goes with it)
    expect(bg.sent.filter((m) => m.type === 'delete-evidence')).toEqual([{ type: 'delete-evidence', id: ID(1) }]);
  });

  it('a lost middle slice stops the save before anything is written', async () => {
    const items = await Promise.all([1, 2, 3].map((n) => upload(n)));
    const bg = fakeBackground((_m, n) => (n === 1 ? { ok: true, pending: true } : Promise.reject(new Error('Could not establish connection'))));
    const r = await saveUploads(items, { send: bg.send, maxChars: 100 }); // one item per message
    expect(r).toMatchObject({ ok: false, code: 'unavailable' });
    expect(bg.sent.map((m) => (m.type === 'save-evidence' ? m.upload.index : m.type))).toEqual([0, 1]);
  });

  it('ask() never throws: no listener and a rejected send become plain-words failures', async () => {
    expect(await ask({ type: 'list-evidence' }, 100, async () => undefined)).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await ask({ type: 'list-evidence' }, 100, () => Promise.reject(new Error('Extension context invalidated.')))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/could not be reached \(Extension context invalidated\.\)/),
    });
  });
});
