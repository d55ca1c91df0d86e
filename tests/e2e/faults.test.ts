// Faults, in real Chromium with the built extension: the background stopped in the middle of a save,
// an evidence database that cannot be opened, storage.local writes failing, two tabs capturing at once, a double
// click on capture, two tabs reading order pages at once, and an update over data saved by every
// earlier storage version. Evidence is never half-saved or lost, what the user is told matches what is
// stored, and a capture that could not be stored is offered as a download.
// (The IndexedDB quota case is in capture.test.ts.)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, storedCases, waitFor, type ExtensionBrowser } from './browser';
import { chat300Html } from './chat-300';
import { solidPng } from './png';
import { orderListPage, sampleOrders } from '../../scripts/lib/sample-pages';
import { transcriptMessages } from '../../utils/evidence/transcript';
import { FORMATS, migrateValue, type FormatName } from '../../utils/migrations/registry';
import { localDay } from '../../utils/reminders/plan';

// the extension API, as seen by code evaluated in the service worker or an extension page
declare const chrome: {
  storage: { local: { get(k?: string | string[] | null): Promise<Record<string, any>>; set(v: Record<string, unknown>): Promise<void>; clear(): Promise<void>; QUOTA_BYTES: number; getBytesInUse(k: null): Promise<number> } };
  runtime: { sendMessage(m: unknown): Promise<any>; onMessage: { addListener(f: (m: any) => void): void } };
};

const ORDER_A = '8212313961591322';
const ORDER_B = '8212313961591999';
const chatUrl = (orderId: string) => `https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=${orderId}`;
const open: ExtensionBrowser[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const b of open.splice(0)) await b.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(userDataDir?: string): Promise<ExtensionBrowser> {
  const b = await launchWithExtension(userDataDir ? { userDataDir } : {});
  open.push(b);
  await b.context.route(/^https:\/\/ae01\.alicdn\.com\//, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidPng(50, 50, [18, 140, 70]) }));
  return b;
}

async function openChat(b: ExtensionBrowser, orderId: string, messages = 40): Promise<Page> {
  b.serve(chatUrl(orderId), { body: chat300Html(messages) });
  const page = await b.context.newPage();
  await page.goto(chatUrl(orderId));
  await page.locator('aliproof-capture button').waitFor({ timeout: 30_000 });
  return page;
}

async function captureResult(page: Page) {
  const result = page.locator('aliproof-capture [data-aliproof-result]');
  await result.waitFor({ timeout: 90_000 });
  return { state: await result.getAttribute('data-aliproof-result'), text: await result.innerText() };
}

/** An extension page of AliProof's own origin, to look into its storage without the background. */
async function extensionPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/case.html`);
  return page;
}

/** Every stored order (one storage key per order, "case:<id>"), read from an extension page. */
function pageCases(page: Page): Promise<Record<string, any>> {
  return page.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('case:')).map(([k, v]) => [k.slice('case:'.length), v]));
  });
}

interface DbState {
  items: { id: string; captureId: string; orderId?: string; kind: string; derivedFrom?: string }[];
  blobs: string[];
  thumbs: string[];
  /** prepared AliExpress copies (by their original's id) */
  uploads: string[];
  version: number;
  index: Record<string, { id: string }[]>;
}

/** Everything in the evidence database and the storage.local index, read directly. */
function dbState(page: Page): Promise<DbState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      const r = indexedDB.open('aliproof-evidence');
      // never create the database here: the background must create it with its stores
      r.onupgradeneeded = () => r.transaction!.abort();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(undefined);
    });
    const all = <T,>(s: string) =>
      new Promise<T[]>((resolve, reject) => {
        if (!db || !db.objectStoreNames.contains(s)) return resolve([]);
        const r = db.transaction(s).objectStore(s).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const items = await all<DbState['items'][number]>('items');
    const blobs = await all<{ id: string }>('blobs');
    const thumbs = await all<{ id: string }>('thumbs');
    const uploads = await all<{ id: string }>('uploads');
    const version = db?.version ?? 0;
    db?.close();
    const index = (await chrome.storage.local.get('evidenceIndex')).evidenceIndex ?? {};
    return {
      items: items.map((m) => ({ id: m.id, captureId: m.captureId, orderId: m.orderId, kind: m.kind, ...(m.derivedFrom ? { derivedFrom: m.derivedFrom } : {}) })),
      blobs: blobs.map((x) => x.id),
      thumbs: thumbs.map((x) => x.id),
      uploads: uploads.map((x) => x.id),
      version,
      index,
    };
  });
}

/** Every stored item has its bytes, the index names exactly the stored items, each once, and no prepared copy outlives its original. */
function expectConsistent(s: DbState) {
  const ids = s.items.map((i) => i.id).sort();
  expect(new Set(ids).size).toBe(ids.length);
  expect([...s.blobs].sort()).toEqual(ids);
  for (const u of s.uploads) expect(ids).toContain(u);
  const indexed = Object.values(s.index).flat().map((e) => e.id).sort();
  expect(indexed).toEqual(ids);
}

async function downloadedZip(page: Page): Promise<{ names: string[]; listing: { saveError: string }; messages: number }> {
  const link = page.locator('aliproof-capture a[download]');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const dir = mkdtempSync(join(tmpdir(), 'aliproof-dl-'));
  dirs.push(dir);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  return {
    names: Object.keys(zip),
    listing: JSON.parse(new TextDecoder().decode(zip['capture.json'])),
    messages: transcriptMessages(new TextDecoder().decode(zip['transcript.txt'])).length,
  };
}

describe('the background stopped in the middle of a save', () => {
  it.each([
    ['during the database write', 'write'],
    ['after the write, before it answered', 'answer'],
  ])('%s: nothing half-saved, the user is told, the capture is offered as a download', async (_, when) => {
    const b = await start();
    const page = await openChat(b, ORDER_A);
    // a slow disk: the background stops dead at the chosen point (busy, as a long write is) and says so
    await b.worker.evaluate((when) => {
      const pause = () => {
        console.log('aliproof-test:paused');
        const end = Date.now() + 8_000;
        while (Date.now() < end) {
          /* the test stops the worker now */
        }
      };
      if (when === 'write') {
        const add = IDBObjectStore.prototype.add;
        let once = false;
        IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
          const r = add.apply(this, args);
          if (this.name === 'blobs' && !once) {
            once = true;
            pause(); // one record and its bytes are in the open transaction, not committed
          }
          return r;
        };
      } else {
        const area = chrome.storage.local;
        const set = area.set.bind(area);
        area.set = (v: Record<string, unknown>) => {
          if ('evidenceIndex' in v) pause(); // the database write has committed; the index and the answer have not
          return set(v);
        };
      }
    }, when);
    const paused = new Promise<void>((resolve) => b.worker.on('console', (m) => m.text() === 'aliproof-test:paused' && resolve()));
    const cdp = await b.context.newCDPSession(page);
    const versions: { versionId: string; scriptURL: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
    await cdp.send('ServiceWorker.enable');

    await page.locator('aliproof-capture button').click();
    await paused;
    const version = versions.find((v) => v.scriptURL === `chrome-extension://${b.extensionId}/background.js`);
    expect(version).toBeDefined();
    await cdp.send('ServiceWorker.stopWorker', { versionId: version!.versionId });

    // the user is told, in plain words, and gets the whole capture as a file
    const result = await captureResult(page);
    expect(result.state, result.text).toBe('failed');
    expect(result.text).toMatch(/Not saved/);
    expect(result.text).toMatch(/Nothing was saved/);
    const zip = await downloadedZip(page);
    expect(zip.names).toContain('transcript.txt');
    expect(zip.names.some((n) => /^chat-part-1-of-\d+\.png$/.test(n))).toBe(true);
    expect(zip.messages).toBe(40);
    expect(zip.listing.saveError).toMatch(/background/);

    // and the store agrees with what the user was told: nothing, not half of something
    const ext = await extensionPage(b);
    const state = await waitFor(async () => {
      const s = await dbState(ext);
      return s.items.length === 0 && s.blobs.length === 0 && Object.keys(s.index).length === 0 && s;
    }, 'an empty evidence store', 30_000);
    expect(state.thumbs).toEqual([]);

    // the background works again: the next capture is saved whole
    await page.reload();
    await page.locator('aliproof-capture button').click({ timeout: 30_000 });
    expect((await captureResult(page)).state).toBe('saved');
    const after = await dbState(ext);
    expect(after.items.length).toBeGreaterThan(0);
    expectConsistent(after);
  });
});

it('an evidence database that cannot be opened: a clear message, a download, no index entry', async () => {
  const b = await start();
  const page = await openChat(b, ORDER_A);
  // A real IndexedDB failure, no code replaced: the database is taken to version 3 (as a newer AliProof
  // would, before the user went back to this one). The background's open connection is told to close
  // (versionchange), and every later open at version 1 fails with a VersionError.
  const ext = await extensionPage(b);
  await ext.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('aliproof-evidence', 3);
        r.onsuccess = () => {
          r.result.close();
          resolve();
        };
        r.onerror = () => reject(r.error);
        r.onblocked = () => reject(new Error('the background kept the database open'));
      }),
  );

  await page.locator('aliproof-capture button').click();
  const result = await captureResult(page);
  expect(result.state, result.text).toBe('failed');
  expect(result.text).toMatch(/Not saved: AliProof could not store this capture/);
  expect(result.text).toMatch(/VersionError/);
  const zip = await downloadedZip(page);
  expect(zip.messages).toBe(40);
  expect(zip.listing.saveError).toMatch(/VersionError/);
  const index = await ext.evaluate(async () => (await chrome.storage.local.get('evidenceIndex')).evidenceIndex ?? {});
  expect(index).toEqual({});
  // the case page's gallery asks the background too: it answers with an error, it does not hang
  const reply = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'list-evidence', orderId: '8212313961591322' }));
  expect(reply).toMatchObject({ ok: false });
});

it('storage.local beyond 10 MB is fine (unlimitedStorage); when writes fail (disk full) stored orders are kept, the page says so, the capture is still saved whole and the index is rebuilt', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'aliproof-full-'));
  dirs.push(userDataDir);
  let b = await start(userDataDir);
  // some orders stored before the space runs out
  const listUrl = 'https://www.aliexpress.com/p/order/index.html';
  const orders = sampleOrders(5, new Date());
  b.serve(listUrl, { body: orderListPage(orders) });
  const list = await b.context.newPage();
  await list.goto(listUrl);
  const ext = await extensionPage(b);
  const casesBefore = await waitFor(async () => {
    const c = await pageCases(ext);
    return Object.keys(c).length === 5 && c;
  }, 'five stored orders');
  // Chrome caps storage.local at 10 MB unless the extension has unlimitedStorage: AliProof has it
  const used = await ext.evaluate(async () => {
    await chrome.storage.local.set({ filler: 'x'.repeat(11_000_000) });
    return chrome.storage.local.getBytesInUse(null);
  });
  expect(used).toBeGreaterThan(11_000_000);

  // a full disk: every storage.local write in the background now fails the way Chrome reports it
  await b.worker.evaluate(() => {
    const area = chrome.storage.local as unknown as { set: (v: unknown) => Promise<void> };
    area.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
  });
  const page = await openChat(b, ORDER_A);
  await page.locator('aliproof-capture button').click();
  const result = await captureResult(page);
  expect(result.state, result.text).toBe('saved');
  const full = await dbState(ext);
  expect(full.items.length).toBeGreaterThan(0);
  expect(full.index).toEqual({}); // the index could not be written …

  // a page read that cannot be stored: the background says so and the page tells the user; the
  // orders stored before are untouched
  const more = sampleOrders(2, new Date(), 5);
  b.serve(listUrl, { body: orderListPage([...orders, ...more]) });
  await list.reload();
  const alert = list.locator('aliproof-sidebar').getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  expect(await alert.innerText()).toMatch(/could not save the orders on this page \(.*quota/i);
  expect(await list.locator(`[data-aliproof="badge"][data-order-id="${more[0].orderId}"]`).count()).toBe(1); // badges still show
  expect(await pageCases(ext)).toEqual(casesBefore);

  // … room again (a fresh start of the background), and the index is rebuilt from the database
  await b.close();
  open.splice(open.indexOf(b), 1);
  b = await start(userDataDir);
  const ext2 = await extensionPage(b);
  const healed = await waitFor(async () => {
    const s = await dbState(ext2);
    return Object.keys(s.index).length > 0 && s;
  }, 'the rebuilt index', 20_000);
  expectConsistent(healed);
  expect(healed.items.map((i) => i.id).sort()).toEqual(full.items.map((i) => i.id).sort());
});

it('two tabs capturing at once: both saved whole, every item indexed once', async () => {
  const b = await start();
  const [a, c] = await Promise.all([openChat(b, ORDER_A, 60), openChat(b, ORDER_B, 50)]);
  await Promise.all([a.locator('aliproof-capture button').click(), c.locator('aliproof-capture button').click()]);
  const [ra, rc] = await Promise.all([captureResult(a), captureResult(c)]);
  expect(ra.state, ra.text).toBe('saved');
  expect(rc.state, rc.text).toBe('saved');
  expect(ra.text).toMatch(/transcript of 60 messages/);
  expect(rc.text).toMatch(/transcript of 50 messages/);
  const s = await dbState(await extensionPage(b));
  expectConsistent(s);
  expect(new Set(s.items.map((i) => i.captureId)).size).toBe(2);
  for (const id of [ORDER_A, ORDER_B]) {
    const mine = s.items.filter((i) => i.orderId === id);
    expect(mine.filter((i) => i.kind === 'transcript')).toHaveLength(1);
    expect(s.index[id].map((e) => e.id).sort()).toEqual(mine.map((i) => i.id).sort());
  }
});

describe('a double click on capture makes exactly one capture', () => {
  it('two real clicks in quick succession', async () => {
    const b = await start();
    const page = await openChat(b, ORDER_A);
    await page.locator('aliproof-capture button').dblclick();
    expect((await captureResult(page)).state).toBe('saved');
    await page.waitForTimeout(1_000); // a second capture, if one had started, would be saving by now
    const s = await dbState(await extensionPage(b));
    expect(new Set(s.items.map((i) => i.captureId)).size).toBe(1);
    expect(s.items.filter((i) => i.kind === 'transcript')).toHaveLength(1);
    expectConsistent(s);
  });

  it('two clicks delivered in the same task (before the button could redraw)', async () => {
    const b = await start();
    const page = await openChat(b, ORDER_A);
    await page.evaluate(() => {
      const button = document.querySelector('aliproof-capture')!.shadowRoot!.querySelector('button')!;
      button.click();
      button.click();
    });
    expect((await captureResult(page)).state).toBe('saved');
    await page.waitForTimeout(1_000);
    const s = await dbState(await extensionPage(b));
    expect(new Set(s.items.map((i) => i.captureId)).size).toBe(1);
    expectConsistent(s);
  });
});

it('eight tabs reading order lists at once: the background queues the writes and keeps every order and every read', async () => {
  const b = await start();
  const now = new Date();
  // every tab shows the same five orders (read-modify-write of the same records) and forty of its own
  const shared = sampleOrders(5, now, 1_000);
  const tabs = Array.from({ length: 8 }, (_, t) => ({ url: `https://www.aliexpress.com/p/order/index.html?tab=${t}`, orders: [...shared, ...sampleOrders(40, now, t * 40)] }));
  for (const t of tabs) b.serve(t.url, { body: orderListPage(t.orders) });
  // a slow disk (each write of orders takes 300 ms), and a log of what the background does
  await b.worker.evaluate(() => {
    const log: string[] = ((globalThis as unknown as { __log: string[] }).__log = []);
    const area = chrome.storage.local as unknown as { set(v: Record<string, unknown>): Promise<void> };
    const set = area.set.bind(area);
    area.set = async (v) => {
      if (Object.keys(v).some((k) => k.startsWith('case:'))) {
        log.push('write');
        await new Promise((r) => setTimeout(r, 300));
        log.push('written');
      }
      return set(v);
    };
    chrome.runtime.onMessage.addListener((m) => {
      if (m?.type === 'page-read') log.push('message');
    });
  });
  const pages = await Promise.all(tabs.map(() => b.context.newPage()));
  await Promise.all(pages.map((p, i) => p.goto(tabs[i].url)));

  const all = [...new Set(tabs.flatMap((t) => t.orders.map((o) => o.orderId)))].sort();
  const sharedRead = (c: Record<string, any>) => shared.every((o) => (c[o.orderId]?.sources ?? []).length >= 8);
  const stored = await waitFor(async () => {
    const c = await storedCases(b.worker);
    return Object.keys(c).length >= all.length && sharedRead(c) && c;
  }, 'all 325 orders stored, the shared ones read by every tab', 60_000);
  expect(Object.keys(stored).sort()).toEqual(all);
  // no read was lost: each shared order lists the page of every tab among its sources
  for (const o of shared) expect(stored[o.orderId].sources.map((x: { url: string }) => x.url).sort()).toEqual(tabs.map((t) => t.url).sort());

  const log = await b.worker.evaluate(() => (globalThis as unknown as { __log: string[] }).__log);
  // two reads per tab: the cards on screen at once, the other cards a moment later
  expect(log.filter((e) => e === 'message')).toHaveLength(16);
  // one write at a time …
  const io = log.filter((e) => e !== 'message');
  io.forEach((e, i) => expect(e, io.join(' ')).toBe(i % 2 ? 'written' : 'write'));
  // … although the tabs really overlapped: messages arrived while a write was still going on
  let writing = false;
  let overlapped = 0;
  for (const e of log) {
    if (e === 'write') writing = true;
    else if (e === 'written') writing = false;
    else if (writing) overlapped++;
  }
  expect(overlapped).toBeGreaterThan(0);
});

describe('an update over data from every earlier storage version', () => {
  const DIR = resolve(ROOT, 'tests', 'fixtures', 'storage');
  const examples = readdirSync(DIR)
    .map((f) => /^(\w+)-v(\d+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ name: m[1], version: Number(m[2]), value: JSON.parse(readFileSync(join(DIR, m[0]), 'utf8')) }));
  const generations = [...new Set(examples.map((e) => e.version))].sort();
  /** What a profile last written by storage version `g` holds: each key's newest example up to `g`. */
  const profileAt = (g: number) => {
    const newest = new Map<string, (typeof examples)[number]>();
    for (const e of examples) if (e.version <= g && (newest.get(e.name)?.version ?? 0) < e.version) newest.set(e.name, e);
    return [...newest.values()];
  };

  it('has saved examples to load', () => {
    expect(generations[0]).toBe(1);
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['cases', 'settings', 'evidenceMeta', 'evidenceIndex']));
  });

  it.each(generations)('data last written with storage version %i: nothing lost, everything migrated', async (g) => {
    const data = profileAt(g);
    const local = data.filter((e) => e.name !== 'evidenceMeta');
    const meta = data.find((e) => e.name === 'evidenceMeta')!.value;
    // the index names a second item (a product page without an order): its record, in the saved shape
    const product = { ...meta, id: 'b1c2d3e4-0000-4000-8000-000000000001', captureId: 'b1c2d3e4-0000-4000-8000-0000000000ca', kind: 'product-page', capturedAt: '2026-11-06T08:00:00.000Z', bytes: 1200, sha256: 'b'.repeat(64), url: 'https://www.aliexpress.com/item/1005006123456789.html', title: 'USB-C cable - AliExpress' };
    delete product.orderId;
    delete product.tracking;
    delete product.part;

    // 1. a profile holding exactly that data (written as that version left it, `<key>$` version records too)
    const userDataDir = mkdtempSync(join(tmpdir(), 'aliproof-update-'));
    dirs.push(userDataDir);
    let b = await start(userDataDir);
    await new Promise((r) => setTimeout(r, 1_500)); // the background's own start-up work is done
    await b.worker.evaluate(
      async ({ local, records }) => {
        await chrome.storage.local.clear();
        const values: Record<string, unknown> = {};
        for (const e of local) {
          values[e.name] = e.value;
          values[`${e.name}$`] = { v: e.version };
        }
        await chrome.storage.local.set(values);
        // the current build has just made its own (newer) database: start over from that version's
        await new Promise<void>((resolve, reject) => {
          const d = indexedDB.deleteDatabase('aliproof-evidence');
          d.onsuccess = () => resolve();
          d.onerror = () => reject(d.error);
        });
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('aliproof-evidence', 1);
          r.onupgradeneeded = () => {
            // storage version 1 of the evidence database (entrypoints/background/evidence-repo.ts)
            const items = r.result.createObjectStore('items', { keyPath: 'id' });
            items.createIndex('orderId', 'orderId');
            items.createIndex('derivedFrom', 'derivedFrom');
            items.createIndex('captureId', 'captureId');
            r.result.createObjectStore('blobs', { keyPath: 'id' });
            r.result.createObjectStore('thumbs', { keyPath: 'id' });
          };
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['items', 'blobs', 'thumbs'], 'readwrite');
          for (const s of ['items', 'blobs', 'thumbs']) tx.objectStore(s).clear();
          for (const m of records) {
            tx.objectStore('items').put(m);
            tx.objectStore('blobs').put({ id: m.id, blob: new Blob([new Uint8Array(m.bytes)], { type: m.mime }) });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { local, records: [meta, product] },
    );
    await b.close();
    open.splice(open.indexOf(b), 1);

    // 2. the current build starts on it
    b = await start(userDataDir);
    const ext = await extensionPage(b);
    const current = (name: string) => (FORMATS as Record<string, { version: number }>)[name]?.version ?? 1;
    const raw = await waitFor(async () => {
      const all = await ext.evaluate(() => chrome.storage.local.get(null));
      // orders kept under one key by earlier versions are split into a key per order ("case:<id>")
      return local.every((e) => all[`${e.name}$`]?.v === current(e.name)) && !('cases' in all) && all;
    }, 'every stored format at its current version', 20_000);
    // the orders, folded back into the one value the earlier version stored, for comparison
    const orders = Object.fromEntries(Object.entries(raw).filter(([k]) => k.startsWith('case:')).map(([k, v]) => [k.slice('case:'.length), v]));
    const stored: Record<string, any> = { ...raw, cases: { version: 1, cases: orders } };

    for (const e of local) {
      const format = (FORMATS as Record<string, (typeof FORMATS)[FormatName]>)[e.name];
      const want = format ? migrateValue(format, e.value, e.version) : { ok: true as const, value: e.value };
      expect(want, e.name).toMatchObject({ ok: true });
      let value = (want as { value: Record<string, unknown> }).value;
      // once today's reminder hour has passed, the background runs the day's check as it starts and
      // stamps today on the log (its other entries stay)
      if (e.name === 'reminderLog' && stored.reminderLog?.lastCheckDay !== value.lastCheckDay) {
        expect(stored.reminderLog.lastCheckDay, 'the check ran today').toBe(localDay(new Date()));
        value = { ...value, lastCheckDay: localDay(new Date()) };
      }
      // every value that was there is still there, migrated (new entries, e.g. reminders sent since, may be added)
      expect(stored[e.name], e.name).toMatchObject(value);
      if (e.name === 'settings') expect(stored.settings).toEqual(value);
    }

    // the evidence is still there, unchanged, and still listed through the background
    const db = await dbState(ext);
    expect(db.items.map((i) => i.id).sort()).toEqual([meta.id, product.id].sort());
    const listed = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'list-evidence' }));
    expect(listed.ok).toBe(true);
    const byId = Object.fromEntries(listed.items.map((m: { id: string }) => [m.id, m]));
    expect(byId[meta.id]).toMatchObject(meta);
    expect(byId[product.id]).toMatchObject(product);
    // the database gained the store for prepared AliExpress copies (version 2), and preparing copes
    // with these bytes (not images, and not matching their recorded hash): nothing is made from them
    expect((await dbState(ext)).version).toBe(2);
    expect(await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'prepare-upload-copies' }))).toMatchObject({ ok: true, prepared: 0 });
    expect((await dbState(ext)).uploads).toEqual([]);

    // and the case page shows every stored order, in the language the settings keep
    const cases = Object.keys(local.find((e) => e.name === 'cases')!.value.cases);
    await ext.reload();
    for (const id of cases) await ext.locator(`tr[data-order-id="${id}"]`).waitFor({ timeout: 20_000 });
    const language = (stored.settings as { language: string }).language;
    if (language !== 'auto') expect(await ext.evaluate(() => document.documentElement.lang)).toBe(language);
  });
});
