// Seeding the built extension with evidence and orders, for the end-to-end tests and the benchmarks.
// Evidence goes in the way a capture puts it: the background's own `save-evidence` message, sent from an
// extension page (so the repository checks, hashes and stores it exactly as it stores real captures).
// Images are drawn in the page: white with text lines, a coloured header and a block of noise, so their
// PNG sizes are like real captures'. Orders are stored one key per order, as the background's applyReading makes them.
import type { Page, Worker } from 'playwright-core';
import { applyReading, emptyCaseStore, type CaseStore } from '../../utils/cases/case-store';
import type { PageReading } from '../../utils/types';
import type { SampleOrder } from './sample-pages';

export interface SeedOptions {
  orderId: string;
  captures: number;
  /** text a seller could write: goes into titles, the transcript and tracking events */
  hostile?: string;
  /** image height of ordinary parts, px (chat part 1 is 3× as tall) */
  height?: number;
}

export interface SeedResult {
  captures: number;
  items: number;
  bytes: number;
  ms: number;
}

/** Runs in an extension page (chrome-extension://<id>/case.html). */
export function seedEvidence(page: Page, opts: SeedOptions): Promise<SeedResult> {
  return page.evaluate(async ({ orderId, captures, hostile = '', height = 2400 }) => {
    const started = performance.now();
    const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const sha = async (bytes: Uint8Array) => hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
    const dataUrl = (bytes: Uint8Array, mime: string) => {
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `data:${mime};base64,${btoa(bin)}`;
    };
    const W = 1280;
    async function png(h: number, seed: number, label: string): Promise<Uint8Array> {
      const c = new OffscreenCanvas(W, h);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, W, h);
      ctx.fillStyle = `hsl(${(seed * 47) % 360}, 70%, 45%)`;
      ctx.fillRect(0, 0, W, 64);
      ctx.fillStyle = '#222222';
      ctx.font = '16px sans-serif';
      for (let y = 96; y < h; y += 28) ctx.fillText(`${label} · line ${Math.floor(y / 28)} · message text ${seed} — the seller asked me to wait ${y % 97} more days`, 24, y);
      const noise = ctx.createImageData(360, 360);
      for (let i = 0; i < noise.data.length; i += 4) {
        const v = (Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453) % 1;
        noise.data[i] = Math.abs(v * 255);
        noise.data[i + 1] = Math.abs(v * 131) % 255;
        noise.data[i + 2] = Math.abs(v * 71) % 255;
        noise.data[i + 3] = 255;
      }
      ctx.putImageData(noise, W - 400, 120);
      const blob = await c.convertToBlob({ type: 'image/png' });
      return new Uint8Array(await blob.arrayBuffer());
    }
    async function thumb(bytes: Uint8Array): Promise<string> {
      const bmp = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }));
      const w = 160;
      const h = Math.max(1, Math.round((bmp.height * w) / bmp.width));
      const c = new OffscreenCanvas(w, Math.min(h, 480));
      c.getContext('2d')!.drawImage(bmp, 0, 0, w, h);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
      return dataUrl(new Uint8Array(await blob.arrayBuffer()), 'image/jpeg');
    }
    const kinds = ['chat', 'tracking', 'order-detail', 'tracking', 'product-page'] as const;
    const urls: Record<string, string> = {
      chat: `https://www.aliexpress.com/p/message/index.html?orderId=${orderId}`,
      tracking: `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${orderId}`,
      'order-detail': `https://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`,
      'product-page': 'https://www.aliexpress.com/item/1005001234567890.html',
    };
    let items = 0;
    let bytesTotal = 0;
    const t0 = Date.UTC(2026, 6, 10, 3, 0, 0);
    for (let i = 0; i < captures; i++) {
      const kind = kinds[i % kinds.length];
      const captureId = crypto.randomUUID();
      const capturedAt = new Date(t0 + i * 6 * 3600_000).toISOString();
      const common = { orderId, captureId, url: urls[kind], title: `${kind} ${hostile}`.slice(0, 2000), capturedAt, method: 'html2canvas-1.4.1+rgb' };
      const uploads: { dataUrl: string; meta: Record<string, unknown> }[] = [];
      const addImage = async (h: number, part: { index: number; count: number }, extra: Record<string, unknown> = {}) => {
        const bytes = await png(h, i * 10 + part.index + (extra.derivedFrom ? 5 : 0), `${kind} ${i}`);
        const id = crypto.randomUUID();
        bytesTotal += bytes.length;
        uploads.push({ dataUrl: dataUrl(bytes, 'image/png'), meta: { ...common, id, kind, mime: 'image/png', sha256: await sha(bytes), part, width: W, height: h, thumb: await thumb(bytes), ...extra } });
        return id;
      };
      if (kind === 'chat') {
        const first = await addImage(height * 3, { index: 1, count: 2 });
        await addImage(height, { index: 2, count: 2 });
        await addImage(height * 3, { index: 1, count: 2 }, { derivedFrom: first, derivation: 'redacted copy: names, addresses and phone numbers covered' });
        const text = `AliProof chat transcript\nPage: ${urls.chat}\nOrder: ${orderId}\n\n#1  seller (Store)  2026-07-10T10:00\n    Please wait 15 more days. ${hostile}\n\n#2  buyer (you)  2026-07-10T10:05\n    I have waited 40 days already.\n`;
        const bytes = new TextEncoder().encode(text);
        bytesTotal += bytes.length;
        uploads.push({ dataUrl: dataUrl(bytes, 'text/plain'), meta: { ...common, id: crypto.randomUUID(), kind: 'transcript', mime: 'text/plain', sha256: await sha(bytes), method: 'aliproof-chat-reader', messages: 2 } });
      } else {
        const tracking =
          kind === 'tracking'
            ? {
                orderId,
                at: capturedAt,
                status: 'awaiting-delivery',
                tracking: { number: 'LP00098765432', events: [{ at: '2026-07-09T08:00', text: `Departed from sorting center ${hostile}` }, { at: '2026-07-05T10:00', text: 'Received by carrier' }] },
              }
            : undefined;
        await addImage(height, { index: 1, count: 1 }, tracking ? { tracking } : {});
      }
      items += uploads.length;
      const reply = (await (globalThis as any).chrome.runtime.sendMessage({ type: 'save-evidence', upload: { id: crypto.randomUUID(), index: 0, count: 1 }, items: uploads })) as { ok: boolean; error?: string };
      if (!reply?.ok) throw new Error(`seeding capture ${i} failed: ${reply?.error}`);
    }
    return { captures, items, bytes: bytesTotal, ms: Math.round(performance.now() - started) };
  }, opts);
}

/** Orders as the case store keeps them after reading an order-list page that showed them. */
export function caseStoreOf(orders: SampleOrder[], at: Date = new Date()): CaseStore {
  const reading: PageReading = {
    kind: 'order-list',
    problems: [],
    orders: orders.map((o) => ({
      orderId: o.orderId,
      status: o.status,
      statusText: o.status,
      placedOn: o.placedOn,
      store: { name: o.store },
      total: { amount: o.total, currency: 'USD', text: `US $${o.total.toFixed(2)}` },
      items: [{ title: o.title, quantity: 1 }],
      pageNotes: [],
      deadlines: [],
    })),
  };
  return applyReading(emptyCaseStore(), reading, { url: 'https://www.aliexpress.com/p/order/index.html', at: at.toISOString() });
}

/** Store these orders as the background does (one key per order, "case:<id>"), from the background. */
export async function seedCases(worker: Worker, store: CaseStore): Promise<void> {
  const perOrder = Object.fromEntries(Object.values(store.cases).map((r) => [`case:${r.orderId}`, r]));
  await worker.evaluate((values) => (globalThis as any).chrome.storage.local.set(values), perOrder);
}

/**
 * `perOrder` small captures (a 320×200 PNG each, with a thumbnail) for every order, saved in batches
 * through the background like real captures, so the evidence index and IndexedDB agree. Runs in an
 * extension page.
 */
export function seedSmallEvidence(page: Page, orderIds: string[], perOrder: number): Promise<{ items: number; ms: number }> {
  return page.evaluate(async ({ orderIds, perOrder }) => {
    const started = performance.now();
    const dataUrl = (bytes: Uint8Array, mime: string) => {
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `data:${mime};base64,${btoa(bin)}`;
    };
    const c = new OffscreenCanvas(320, 200);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 320, 200);
    ctx.fillStyle = '#222';
    ctx.font = '14px sans-serif';
    for (let y = 24; y < 200; y += 20) ctx.fillText(`tracking event line ${y}`, 10, y);
    const png = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const thumb = dataUrl(new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.6 })).arrayBuffer()), 'image/jpeg');
    const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const sha256 = hex(await crypto.subtle.digest('SHA-256', png as BufferSource));
    const url = dataUrl(png, 'image/png');
    const kinds = ['tracking', 'order-detail'] as const;
    const items = orderIds.flatMap((orderId, o) =>
      Array.from({ length: perOrder }, (_, k) => ({
        dataUrl: url,
        meta: {
          id: crypto.randomUUID(),
          captureId: crypto.randomUUID(),
          orderId,
          kind: kinds[k % kinds.length],
          url: `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${orderId}`,
          title: 'Tracking',
          capturedAt: new Date(Date.UTC(2026, 6, 1) + (o * perOrder + k) * 60_000).toISOString(),
          method: 'html2canvas-1.4.1+rgb',
          mime: 'image/png',
          sha256,
          part: { index: 1, count: 1 },
          width: 320,
          height: 200,
          thumb,
        },
      })),
    );
    for (let i = 0; i < items.length; i += 250) {
      const reply = (await (globalThis as any).chrome.runtime.sendMessage({ type: 'save-evidence', upload: { id: crypto.randomUUID(), index: 0, count: 1 }, items: items.slice(i, i + 250) })) as { ok: boolean; error?: string };
      if (!reply?.ok) throw new Error(`seeding small evidence failed: ${reply?.error}`);
    }
    return { items: items.length, ms: Math.round(performance.now() - started) };
  }, { orderIds, perOrder });
}
