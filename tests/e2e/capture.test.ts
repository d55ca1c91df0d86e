// One-click evidence capture in real Chromium with the built extension: a 300-message chat at a real
// message-centre address, captured with ONE click; the stored images cover the whole conversation, the
// transcript has every message in order, the stored hash matches the stored bytes, the evidence survives
// a browser restart, and a save that hits the storage quota ends in a clear message and a download with
// nothing half-saved.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page, Worker } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, waitFor, type ExtensionBrowser } from './browser';
import { AVATAR_URL, chat300Html, CHAT_ORDER_ID, CHAT_URL, FIRST_RGB, LAST_RGB, messageText } from './chat-300';
import { solidPng } from './png';
import { transcriptMessages } from '../../utils/evidence/transcript';
import { HEADER_HEIGHT } from '../../utils/evidence/header';
import { patchHtml2canvas } from '../../scripts/lib/html2canvas-patches';
import { ORDER_PAGE_LOADER } from '../../components/page/order-page-contract';

// the extension API, as seen by code evaluated in the service worker
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, any>> } } };

const AVATAR_RGB = [18, 140, 70] as const;
const STRICT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self' https://ae01.alicdn.com; style-src 'self' 'unsafe-inline'";
const open: ExtensionBrowser[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const b of open.splice(0)) await b.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Other test runs may rebuild .output/chrome-mv3 while these tests run: use a private copy of the build.
let extensionDir = '';
beforeAll(() => {
  extensionDir = mkdtempSync(join(tmpdir(), 'aliproof-ext-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  for (const f of ['manifest.json', 'background.js', 'evidence-capture.js', 'content-scripts/chat.js']) {
    if (!existsSync(join(extensionDir, f))) throw new Error(`the built extension has no ${f}`);
  }
});
afterAll(() => rmSync(extensionDir, { recursive: true, force: true }));

async function start(userDataDir?: string, dir = extensionDir) {
  const b = await launchWithExtension({ extensionDir: dir, ...(userDataDir ? { userDataDir } : {}) });
  open.push(b);
  // the chat page comes with a strict Content-Security-Policy (no data: images, no foreign scripts): the
  // capture must work under it
  await b.context.route(CHAT_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP }, body: chat300Html() }),
  );
  // the avatar lives on AliExpress's image host (cross-origin for the page); registered after the
  // shared router, so this route answers first
  await b.context.route(`${AVATAR_URL}*`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidPng(50, 50, AVATAR_RGB) }));
  return b;
}

interface StoredItem {
  meta: { id: string; kind: string; orderId?: string; sha256: string; bytes: number; mime: string; part?: { index: number; count: number }; width?: number; height?: number; derivedFrom?: string; captureId: string; method: string; extensionVersion: string; capturedAt: string; url: string };
  hash: string;
  size: number;
  text?: string;
  colours?: { first: number; last: number; avatar: number; redacted: number };
}

/** Everything in the extension's evidence database, read directly (not through AliProof's code). */
function readEvidenceDb(worker: Worker, probe: { first: readonly number[]; last: readonly number[]; avatar: readonly number[]; redacted: readonly number[] }): Promise<StoredItem[]> {
  return worker.evaluate(async (probe) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('aliproof-evidence');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const metas = await all<StoredItem['meta']>('items');
    const blobs = new Map((await all<{ id: string; blob: Blob }>('blobs')).map((b) => [b.id, b.blob]));
    db.close();
    const same = (d: Uint8ClampedArray, i: number, c: readonly number[]) => Math.abs(d[i] - c[0]) <= 2 && Math.abs(d[i + 1] - c[1]) <= 2 && Math.abs(d[i + 2] - c[2]) <= 2;
    const out = [];
    for (const meta of metas) {
      const blob = blobs.get(meta.id);
      if (!blob) continue;
      const bytes = await blob.arrayBuffer();
      const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const item: Record<string, unknown> = { meta, hash, size: bytes.byteLength };
      if (meta.mime === 'text/plain') item.text = new TextDecoder().decode(bytes);
      else {
        const bmp = await createImageBitmap(blob);
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
        const colours = { first: 0, last: 0, avatar: 0, redacted: 0 };
        for (let i = 0; i < d.length; i += 4) {
          if (same(d, i, probe.first)) colours.first++;
          else if (same(d, i, probe.last)) colours.last++;
          else if (same(d, i, probe.avatar)) colours.avatar++;
          else if (same(d, i, probe.redacted)) colours.redacted++;
        }
        item.colours = colours;
      }
      out.push(item);
    }
    return out as never;
  }, probe);
}

/** A product page whose specifications scroll inside a 300 px box, with a photo on AliExpress's image host. */
function productHtml(): string {
  const rows = Array.from({ length: 100 }, (_, i) => `<div style="height: 30px">Specification ${i + 1}</div>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>USB-C cable - AliExpress</title>
<style>body { margin: 0; font: 14px Arial, sans-serif; color: oklch(0.3 0.02 260); } h1 { margin: 16px; }</style></head><body>
<div class="my-account--textCenter--3xYz1" style="width: 200px; height: 30px; margin: 16px">Kim Minsu</div>
<h1>USB-C Charging Cable 2m</h1>
<img src="${AVATAR_URL}" width="400" height="400" alt="product photo" style="display: block; margin: 16px">
<div style="height: 500px; background: color-mix(in srgb, #ffffff 80%, #ff7a00)">Price and options</div>
<div id="specs" style="height: 300px; overflow-y: auto; border: 1px solid #cccccc; margin: 16px">
  <div style="height: 150px; background: rgb(255, 0, 255)">first</div>${rows}<div style="height: 150px; background: rgb(0, 200, 255)">last</div>
</div>
<div style="height: 200px">Store information</div>
</body></html>`;
}

const PROBE = { first: FIRST_RGB, last: LAST_RGB, avatar: AVATAR_RGB, redacted: [0x4b, 0x55, 0x63] }; // redaction boxes are #4b5563

/**
 * Send runtime messages from AliProof's content script on `page` (its isolated world, found through the
 * DevTools protocol), exactly as the sidebar and the gallery do.
 */
async function contentScriptMessenger(b: ExtensionBrowser, page: Page) {
  const cdp = await b.context.newCDPSession(page);
  const contexts: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
  await cdp.send('Runtime.enable');
  const ctx = await waitFor(async () => contexts.find((c) => c.origin === `chrome-extension://${b.extensionId}`), 'the content script world');
  const evaluate = async (expression: string): Promise<any> => {
    const r = await cdp.send('Runtime.evaluate', { contextId: ctx.id, expression, awaitPromise: true, returnByValue: true });
    return r.result.value;
  };
  const send = (message: unknown): Promise<any> => evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
  return Object.assign(send, { evaluate });
}

async function openChat(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(CHAT_URL);
  await page.locator('aliproof-capture button').waitFor({ timeout: 30_000 });
  return page;
}

describe('evidence capture (Chromium, built extension)', () => {
  it('keeps html2canvas out of the always-on content scripts', () => {
    const orders = readFileSync(join(extensionDir, ORDER_PAGE_LOADER), 'utf8');
    const orderPage = readFileSync(join(extensionDir, 'order-page.js'), 'utf8');
    const chat = readFileSync(join(extensionDir, 'content-scripts', 'chat.js'), 'utf8');
    const capture = readFileSync(join(extensionDir, 'evidence-capture.js'), 'utf8');
    const signature = 'Attempting to parse an unsupported color function';
    expect(capture).toContain(signature);
    expect(orders).not.toContain(signature);
    expect(orderPage).not.toContain(signature);
    expect(chat).not.toContain(signature);
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.web_accessible_resources[0].resources).toContain('evidence-capture.js');
  });

  it('html2canvas 1.4.1 itself throws on oklch() and color-mix(): why the clone\'s colours are rewritten', async () => {
    const b = await start();
    const url = 'https://www.aliexpress.com/p/message/h2c-probe.html';
    b.serve(url, { body: '<!DOCTYPE html><html><body></body></html>' });
    const page = await b.context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: readFileSync(join(__dirname, '..', '..', 'node_modules', 'html2canvas', 'dist', 'html2canvas.min.js'), 'utf8') });
    const errors = await page.evaluate(async () => {
      const out: string[] = [];
      for (const css of ['color: oklch(0.5 0.1 30)', 'background: color-mix(in srgb, red 50%, blue)', 'color: rgb(1, 2, 3)']) {
        document.body.innerHTML = `<div style="${css}; width: 50px; height: 20px">x</div>`;
        try {
          await (window as unknown as { html2canvas: (e: Element, o: object) => Promise<unknown> }).html2canvas(document.body.firstElementChild!, { logging: false });
          out.push('ok');
        } catch (e) {
          out.push(String((e as Error).message ?? e));
        }
      }
      return out;
    });
    expect(errors[0]).toMatch(/unsupported color function "oklch"/);
    expect(errors[1]).toMatch(/unsupported color function "color"/); // color-mix() computes to color(srgb …)
    expect(errors[2]).toBe('ok');
  });

  it('html2canvas as patched for the bundle (parsing memoised, clone ready at load) draws exactly the pixels of the unmodified library', async () => {
    const b = await start();
    const url = 'https://www.aliexpress.com/p/message/h2c-memo.html';
    const rows = Array.from({ length: 60 }, (_, i) => {
      const self = i % 3 === 0;
      const style = i % 7 === 0 ? ' style="transform: rotate(1deg); opacity: 0.8; text-shadow: 1px 1px 0 #3366cc"' : i % 5 === 0 ? ' style="border: 2px dashed rgb(200, 30, 30); font-style: italic"' : '';
      return `<li class="row${self ? ' self' : ''}"${style}><img src="data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="9" fill="#128c46"/></svg>')}" width="20" height="20"><span class="bubble">Message ${i}: ${self ? 'Where is my parcel?' : 'Please wait a few more days.'}</span><small>${String(9 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}</small></li>`;
    }).join('');
    b.serve(url, {
      body: `<!DOCTYPE html><html><head><style>
  body { margin: 0; font: 14px/1.4 Arial, sans-serif; background: #f5f5f5; }
  ul { list-style: square inside; margin: 0; padding: 8px; width: 600px; background: linear-gradient(#ffffff, #eef2ff); }
  .row { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
  .self { justify-content: flex-end; }
  .bubble { padding: 6px 10px; border-radius: 10px; background: rgb(220, 240, 225); box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3); letter-spacing: 0.2px; }
  .self .bubble { background: rgb(255, 214, 170); font-weight: bold; }
  small { color: #999999; text-decoration: underline; }
</style></head><body><ul id="chat">${rows}</ul></body></html>`,
    });
    const page = await b.context.newPage();
    await page.goto(url);
    const dist = join(__dirname, '..', '..', 'node_modules', 'html2canvas', 'dist', 'html2canvas.js');
    await page.addScriptTag({ content: `${readFileSync(dist, 'utf8')};window.h2cStock = window.html2canvas;` });
    await page.addScriptTag({ content: `${patchHtml2canvas(readFileSync(dist, 'utf8'))};window.h2cMemo = window.html2canvas;` });
    const [stock, memo] = await page.evaluate(async () => {
      const w = window as unknown as Record<'h2cStock' | 'h2cMemo', (e: Element, o: object) => Promise<HTMLCanvasElement>>;
      const el = document.getElementById('chat')!;
      const opts = { logging: false, scale: 1, backgroundColor: '#ffffff' };
      const out: string[] = [];
      for (const h2c of [w.h2cStock, w.h2cMemo]) out.push((await h2c(el, opts)).toDataURL('image/png'));
      return out;
    });
    expect(stock.length).toBeGreaterThan(10_000);
    expect(memo === stock).toBe(true);
  });

  it('captures a 300-message chat with one click, whole and verifiable, and keeps it across a restart', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'aliproof-capture-'));
    dirs.push(userDataDir);
    let b = await start(userDataDir);
    const page = await openChat(b);
    const paneHeight = await page.evaluate(() => document.querySelector('.message-list--scroll--4De5f')!.scrollHeight);
    const paneScrolled = await page.evaluate(() => document.querySelector('.message-list--scroll--4De5f')!.scrollTop);
    expect(paneScrolled).toBeGreaterThan(0); // opened at the newest message, like the real chat

    const t0 = Date.now();
    await page.locator('aliproof-capture button').click(); // the ONE click
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    const captureMs = Date.now() - t0;
    expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');
    expect(await result.innerText()).toMatch(/transcript of 300 messages/);
    // the user's page was not scrolled or changed by the capture
    expect(await page.evaluate(() => document.querySelector('.message-list--scroll--4De5f')!.scrollTop)).toBe(paneScrolled);

    const items = await readEvidenceDb(b.worker, PROBE);
    const images = items.filter((i) => i.meta.kind === 'chat' && !i.meta.derivedFrom).sort((a, b) => a.meta.part!.index - b.meta.part!.index);
    const transcript = items.find((i) => i.meta.kind === 'transcript');
    expect(images.length).toBeGreaterThan(0);
    expect(transcript).toBeTruthy();

    // every item: stored hash = SHA-256 of the stored bytes; same capture, order, version
    for (const i of items) {
      expect(i.hash).toBe(i.meta.sha256);
      expect(i.size).toBe(i.meta.bytes);
      expect(i.meta.orderId).toBe(CHAT_ORDER_ID);
      expect(i.meta.captureId).toBe(images[0].meta.captureId);
      expect(i.meta.url).toBe(CHAT_URL);
    }

    // the images cover the whole conversation: parts numbered 1..n, within the size limit, together at
    // least as tall as the pane's content; the first and the last message (marker colours) are there;
    // the cross-origin avatar was inlined, not left blank
    const n = images.length;
    images.forEach((img, k) => {
      expect(img.meta.part).toEqual({ index: k + 1, count: n });
      expect(img.meta.height!).toBeLessThanOrEqual(8_000);
    });
    const headers = n * HEADER_HEIGHT; // one header strip per part (scale 1 in headless Chromium)
    const totalHeight = images.reduce((s, i) => s + i.meta.height!, 0);
    expect(totalHeight - headers).toBeGreaterThanOrEqual(paneHeight);
    expect(images[0].colours!.first).toBeGreaterThan(1_000);
    expect(images[n - 1].colours!.last).toBeGreaterThan(1_000);
    expect(images.reduce((s, i) => s + i.colours!.avatar, 0)).toBeGreaterThan(150 * 500); // 150 seller avatars, ~1000 px each
    expect(images[0].meta.method).toMatch(/^html2canvas/);

    // the transcript: 300 messages, in order, with the page's text
    const messages = transcriptMessages(transcript!.text!);
    expect(messages).toHaveLength(300);
    messages.forEach((m, k) => {
      expect(m.n).toBe(k + 1);
      expect(m.text).toBe(messageText(k + 1));
    });
    expect(transcript!.text).toContain(`Order: ${CHAT_ORDER_ID}`);
    expect(transcript!.text).toMatch(/#2 {2}seller \(Sunrise Gadgets Store\) {2}2026-06-01T11:00/);

    // the small index in storage.local names the same items
    const index = await b.worker.evaluate(async () => (await chrome.storage.local.get('evidenceIndex')).evidenceIndex);
    expect(index[CHAT_ORDER_ID].map((e: { id: string }) => e.id).sort()).toEqual(items.map((i) => i.meta.id).sort());

    // nothing left AliExpress's hosts
    const foreign = b.requests.filter((u) => /^https?:/.test(u) && !/^https?:\/\/([^/]+\.)?(aliexpress\.com|alicdn\.com)\//.test(u));
    expect(foreign).toEqual([]);

    console.info(
      `[capture] 300 messages: ${captureMs} ms click-to-saved; ${n} image(s) ${images.map((i) => `${i.meta.width}x${i.meta.height} ${Math.round(i.size / 1024)} kB`).join(', ')}; transcript ${Math.round(transcript!.size / 1024)} kB; pane ${paneHeight}px`,
    );

    // restart the browser on the same profile: the evidence is still there, unchanged
    const before = items.map((i) => `${i.meta.id}:${i.meta.sha256}`).sort();
    await b.close();
    open.splice(open.indexOf(b), 1);
    b = await start(userDataDir);
    const after = await waitFor(async () => {
      const again = await readEvidenceDb(b.worker, PROBE);
      return again.length ? again : undefined;
    }, 'evidence after restart');
    expect(after.map((i) => `${i.meta.id}:${i.hash}`).sort()).toEqual(before);

    // the background's messages, as the gallery uses them, after the restart
    const send = await contentScriptMessenger(b, await openChat(b));
    // this Chromium keeps bytes and Blobs as they are in runtime messages (manifest message_serialization):
    // the capture above sent its images as Blobs, not base64
    expect(await send.evaluate('chrome.runtime.sendMessage({ type: "message-format", probe: new Uint8Array([1, 2, 3]), blob: new Blob([new Uint8Array([1, 2, 3])]) })')).toEqual({ ok: true, bytes: true, blob: true });
    const listed = await send({ type: 'list-evidence', orderId: CHAT_ORDER_ID });
    expect(listed.ok).toBe(true);
    expect(listed.items.map((m: { id: string }) => m.id).sort()).toEqual(items.map((i) => i.meta.id).sort());
    expect(listed.items.filter((m: { thumb?: string }) => m.thumb?.startsWith('data:image/jpeg;base64,'))).toHaveLength(n);
    const first = images[0].meta;
    const got = await send({ type: 'get-evidence', id: first.id });
    expect(got.meta.sha256).toBe(first.sha256);
    expect(createHash('sha256').update(Buffer.from(got.dataUrl.split(',')[1], 'base64')).digest('hex')).toBe(first.sha256);
    const noted = await send({ type: 'update-note', id: first.id, note: 'seller asks me to wait <b>7 days</b>' });
    expect(noted.meta.note).toBe('seller asks me to wait <b>7 days</b>');
    expect(noted.meta.sha256).toBe(first.sha256); // a note never touches the evidence
    expect((await send({ type: 'tracking-history', orderId: CHAT_ORDER_ID })).history).toEqual([]);
    expect(await send({ type: 'fetch-image', url: 'https://tracker.example/pixel.png' })).toMatchObject({ ok: false });
    expect(await send({ type: 'get-evidence', id: 'nope' })).toMatchObject({ ok: false, code: 'not-found' });
    const deleted = await send({ type: 'delete-evidence', id: transcript!.meta.id });
    expect(deleted).toEqual({ ok: true, deleted: [transcript!.meta.id] });
    const indexAfter = await b.worker.evaluate(async () => (await chrome.storage.local.get('evidenceIndex')).evidenceIndex);
    expect(indexAfter[CHAT_ORDER_ID].map((e: { id: string }) => e.id)).not.toContain(transcript!.meta.id);
    expect(indexAfter[CHAT_ORDER_ID]).toHaveLength(items.length - 1);
  });

  it('where runtime messages are JSON (Chrome before 148, no message_serialization), images travel as data URLs and are stored the same', async () => {
    const jsonDir = mkdtempSync(join(tmpdir(), 'aliproof-ext-json-'));
    dirs.push(jsonDir);
    cpSync(extensionDir, jsonDir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(jsonDir, 'manifest.json'), 'utf8'));
    expect(manifest.message_serialization).toBe('structured_clone');
    delete manifest.message_serialization;
    writeFileSync(join(jsonDir, 'manifest.json'), JSON.stringify(manifest));
    const b = await start(undefined, jsonDir);
    b.serve(`${CHAT_URL}&n=40`, { body: chat300Html(40) });
    const page = await b.context.newPage();
    await page.goto(`${CHAT_URL}&n=40`);
    await page.locator('aliproof-capture button').waitFor({ timeout: 30_000 });
    const send = await contentScriptMessenger(b, page);
    expect(await send.evaluate('chrome.runtime.sendMessage({ type: "message-format", probe: new Uint8Array([1, 2, 3]), blob: new Blob([new Uint8Array([1, 2, 3])]) })')).toEqual({ ok: true, bytes: false, blob: false });
    await page.locator('aliproof-capture button').click();
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');
    const items = await readEvidenceDb(b.worker, PROBE);
    expect(items.map((i) => i.meta.kind).sort()).toEqual(['chat', 'transcript']);
    for (const i of items) {
      expect(i.hash).toBe(i.meta.sha256);
      expect(i.size).toBe(i.meta.bytes);
    }
    const image = items.find((i) => i.meta.kind === 'chat')!;
    expect(image.colours!.first).toBeGreaterThan(1_000);
    expect(image.colours!.last).toBeGreaterThan(1_000);
    expect(transcriptMessages(items.find((i) => i.meta.kind === 'transcript')!.text!)).toHaveLength(40);
  });

  it('pick mode: when no scrolling conversation is found the user points at it; the page never sees the click', async () => {
    const b = await start();
    const url = `${CHAT_URL}&layout=flow`;
    b.serve(url, { body: chat300Html(300, { scrolling: false }) });
    const page = await b.context.newPage();
    await page.goto(url);
    const button = page.locator('aliproof-capture button');
    await button.waitFor({ timeout: 30_000 });

    // Escape cancels
    await button.click();
    const hint = page.locator('[data-aliproof-pick="hint"]');
    await hint.waitFor();
    expect(await hint.innerText()).toMatch(/Click the conversation you want to capture/);
    await page.keyboard.press('Escape');
    await page.locator('aliproof-capture [data-aliproof-capture="done"]').waitFor();
    expect(await page.locator('aliproof-capture .ap-capture').innerText()).toContain('Capture cancelled');
    expect(await hint.count()).toBe(0);

    // point at a message, widen the outline to the whole list with ArrowUp, pick with Enter
    await button.click();
    await hint.waitFor();
    await page.getByText('Message 005:').hover();
    const outline = page.locator('[data-aliproof-pick="outline"]');
    const list = (await page.locator('.message-list--inner--5Ef6g').boundingBox())!;
    for (let i = 0; i < 8 && Math.round((await outline.boundingBox())!.height) < Math.round(list.height); i++) await page.keyboard.press('ArrowUp');
    expect(Math.round((await outline.boundingBox())!.height)).toBe(Math.round(list.height));
    await page.keyboard.press('Enter');
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    const text = await result.innerText();
    expect(text, text).toMatch(/Saved \d+ images? and a transcript of 300 messages/);
    const items = await readEvidenceDb(b.worker, PROBE);
    const parts = items.filter((i) => i.meta.kind === 'chat');
    expect(parts.reduce((s, i) => s + i.meta.height! - HEADER_HEIGHT, 0)).toBeGreaterThanOrEqual(Math.floor(list.height));
    expect(parts.reduce((s, i) => s + i.colours!.first, 0)).toBeGreaterThan(1_000);
    expect(parts.reduce((s, i) => s + i.colours!.last, 0)).toBeGreaterThan(1_000);

    // a mouse click picks too, and is swallowed: the message under it never receives it
    await button.click();
    await hint.waitFor();
    await page.getByText('Message 007:').click();
    await page.locator('aliproof-capture [data-aliproof-result="saved"]').waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
  });

  it('captures a whole product page with one click, linked to the order from #aliproof-order', async () => {
    const b = await start();
    const url = 'https://www.aliexpress.com/item/1005001234567890.html';
    b.serve(url, { body: productHtml() });
    const page = await b.context.newPage();
    await page.goto(`${url}#aliproof-order=${CHAT_ORDER_ID}`);
    const button = page.locator('aliproof-capture button');
    await button.waitFor({ timeout: 30_000 });
    expect(await page.locator('aliproof-capture .ap-capture').innerText()).toContain(`For order ${CHAT_ORDER_ID}`);
    // the button sits in the bottom-right corner, over the page (fixed), not in its flow
    const box = (await button.boundingBox())!;
    const [width, height] = await page.evaluate(() => [document.documentElement.clientWidth, innerHeight]);
    expect(box.x + box.width, JSON.stringify({ box, width, height })).toBeGreaterThan(width - 40);
    expect(box.y + box.height).toBeGreaterThan(height - 120); // the hint line sits under the button

    await button.click();
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');
    const items = await readEvidenceDb(b.worker, PROBE);
    expect(items.every((i) => i.meta.kind === 'product-page' && i.meta.orderId === CHAT_ORDER_ID)).toBe(true);
    const parts = items.filter((i) => !i.meta.derivedFrom);
    // the inner scroller (specifications, 3000 px of content in a 300 px box) was expanded in the clone:
    // the page is about 1450 px + 2700 px tall, and both markers are in the images
    const content = parts.reduce((s, i) => s + i.meta.height! - HEADER_HEIGHT, 0);
    expect(content).toBeGreaterThanOrEqual(3_900);
    expect(parts.reduce((s, i) => s + i.colours!.first, 0)).toBeGreaterThan(1_000); // top of the specifications
    expect(parts.reduce((s, i) => s + i.colours!.last, 0)).toBeGreaterThan(1_000); // bottom of the specifications
    expect(parts.reduce((s, i) => s + i.colours!.avatar, 0)).toBeGreaterThan(10_000); // the product photo, inlined
    // the account name in the header (§12) is covered in a redacted copy, part for part; the original keeps it
    const copies = items.filter((i) => i.meta.derivedFrom);
    expect(copies.map((c) => c.meta.derivedFrom).sort()).toEqual(parts.map((p) => p.meta.id).sort());
    expect(copies.reduce((s, i) => s + i.colours!.redacted, 0)).toBeGreaterThan(2_000);
    expect(parts.reduce((s, i) => s + i.colours!.redacted, 0)).toBe(0);
    expect(await result.innerText()).toContain('A copy with personal details hidden was saved too.');
  });

  it('a save that hits a full disk says so, offers a download, and leaves nothing half-saved', async () => {
    const b = await start();
    const page = await openChat(b);
    // a full disk: AliProof has unlimitedStorage, so Chrome's per-origin quota does not apply to it;
    // the background's IndexedDB writes of image bytes fail the way Chrome reports a full disk
    await b.worker.evaluate(() => {
      const real = IDBObjectStore.prototype.add;
      (globalThis as Record<string, unknown>).__realAdd = real;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'blobs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.apply(this, args);
      };
    });

    await page.locator('aliproof-capture button').click();
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-aliproof-result')).toBe('failed');
    expect(await result.innerText()).toMatch(/no room left/i);

    const link = page.locator('aliproof-capture a[download]');
    expect(await link.innerText()).toMatch(/Download the capture/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'aliproof-dl-')), download.suggestedFilename());
    dirs.push(join(file, '..'));
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^aliproof-chat-${CHAT_ORDER_ID}-.*\\.zip$`));
    const zip = unzipSync(new Uint8Array(readFileSync(file)));
    const names = Object.keys(zip);
    expect(names).toContain('transcript.txt');
    expect(names.some((n) => /^chat-part-1-of-\d+\.png$/.test(n))).toBe(true);
    const listing = JSON.parse(new TextDecoder().decode(zip['capture.json']));
    expect(listing.saveError).toMatch(/quota/i);
    expect(transcriptMessages(new TextDecoder().decode(zip['transcript.txt']))).toHaveLength(300);

    // nothing half-saved: no item, no bytes, no index entry
    await b.worker.evaluate(() => {
      IDBObjectStore.prototype.add = (globalThis as Record<string, unknown>).__realAdd as IDBObjectStore['add'];
    });
    const counts = await b.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('aliproof-evidence');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const count = (s: string) =>
        new Promise<number>((resolve) => {
          if (!db.objectStoreNames.contains(s)) return resolve(0);
          const r = db.transaction(s).objectStore(s).count();
          r.onsuccess = () => resolve(r.result);
        });
      const out = { items: await count('items'), blobs: await count('blobs'), thumbs: await count('thumbs') };
      db.close();
      const index = (await chrome.storage.local.get('evidenceIndex')).evidenceIndex ?? {};
      return { ...out, indexed: Object.keys(index).length };
    });
    expect(counts).toEqual({ items: 0, blobs: 0, thumbs: 0, indexed: 0 });
  });
});
