// Backup and restore in real Chromium with the built extension. Profile A reads orders from saved
// AliExpress pages at their real addresses and stores captures through the background's save message;
// the options page makes ONE backup file (caught as a download); a FRESH profile B restores it from its
// options page; B then holds the same orders and the same evidence, every hash equal. A backup with one
// byte changed in an evidence file, or with its manifest edited, is refused with a clear message and
// B's storage and IndexedDB stay exactly as they were.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, storedCases, waitFor, type ExtensionBrowser } from './browser';
import type { CaseStore } from '../../utils/cases/case-store';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'aliexpress');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const LIST_ORDERS = JSON.parse(fixture('list-2026-en.expected.json')).expect.orders.length as number;
const DETAIL_ID = JSON.parse(fixture('detail-2026-en.expected.json')).expect.orders[0].orderId as string;
const DETAIL_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${DETAIL_ID}`;
const TRACKING_URL = `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${DETAIL_ID}`;
// BACKUP_CAPTURES=30 npx vitest run --project e2e tests/e2e/backup.test.ts  measures a bigger backup
const CAPTURES = Number(process.env.BACKUP_CAPTURES ?? 6);

const open: ExtensionBrowser[] = [];
const dir = mkdtempSync(join(tmpdir(), 'aliproof-backup-e2e-'));
afterAll(async () => {
  for (const b of open.splice(0)) await b.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<ExtensionBrowser> {
  const b = await launchWithExtension(); // a new user-data directory each time: a fresh profile
  open.push(b);
  return b;
}

const optionsPage = async (b: ExtensionBrowser): Promise<Page> => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
};

interface Snapshot {
  storage: Record<string, unknown>;
  evidence: { meta: Record<string, unknown>; hash: string; size: number; thumb?: string }[];
}

/** Everything the extension keeps, read directly from storage.local and IndexedDB (not through AliProof's code). */
function snapshot(worker: Worker): Promise<Snapshot> {
  return worker.evaluate(async () => {
    const raw = (await (globalThis as any).chrome.storage.local.get(null)) as Record<string, unknown>;
    // orders are kept one key per order ("case:<id>"): fold them into one value, as backups do
    const storage: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('case:')));
    const orders = Object.entries(raw).filter(([k]) => k.startsWith('case:'));
    if (orders.length) storage.cases = { version: 1, cases: Object.fromEntries(orders.map(([k, v]) => [k.slice('case:'.length), v])) };
    // opening a database that does not exist would create it empty (and break AliProof's own schema)
    if (!(await indexedDB.databases()).some((d) => d.name === 'aliproof-evidence')) return { storage, evidence: [] } as never;
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
    const metas = await all<Record<string, unknown> & { id: string }>('items');
    const blobs = new Map((await all<{ id: string; blob: Blob }>('blobs')).map((b) => [b.id, b.blob]));
    const thumbs = new Map((await all<{ id: string; thumb: string }>('thumbs')).map((t) => [t.id, t.thumb]));
    db.close();
    const evidence = [];
    for (const meta of metas.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const bytes = await blobs.get(meta.id)!.arrayBuffer();
      const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((x) => x.toString(16).padStart(2, '0')).join('');
      evidence.push({ meta, hash, size: bytes.byteLength, thumb: thumbs.get(meta.id) });
    }
    return { storage, evidence } as never;
  });
}

/** Real PNG captures (full-page screenshots of the saved pages), a transcript and a redacted copy, saved
 *  through the background's `save-evidence` message the way a capturing tab sends them. */
async function saveCaptures(b: ExtensionBrowser, sender: Page): Promise<number> {
  const shots: Buffer[] = [];
  const page = await b.context.newPage();
  for (let i = 0; i < CAPTURES; i++) {
    await page.goto(i % 2 ? TRACKING_URL : DETAIL_URL);
    await page.setViewportSize({ width: 1280, height: 900 + i * 150 });
    shots.push(await page.screenshot({ fullPage: true }));
  }
  await page.close();
  const transcript = Buffer.from(Array.from({ length: 120 }, (_, i) => `[2026-11-0${(i % 9) + 1} 10:${String(i % 60).padStart(2, '0')}] ${i % 2 ? 'Seller' : 'Me'}: message ${i}`).join('\n'), 'utf8');
  return sender.evaluate(
    async ({ shots, transcript, orderId }) => {
      const hex = async (bytes: Uint8Array) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))].map((x) => x.toString(16).padStart(2, '0')).join('');
      const b64 = (bytes: Uint8Array) => {
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      };
      const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const items = [];
      const captureId = crypto.randomUUID();
      let firstId = '';
      const files = [...shots.map((s) => ({ bytes: fromB64(s), mime: 'image/png', kind: 'order-detail' })), { bytes: fromB64(transcript), mime: 'text/plain', kind: 'transcript' }];
      for (const [i, f] of files.entries()) {
        const id = crypto.randomUUID();
        if (!firstId) firstId = id;
        items.push({
          dataUrl: `data:${f.mime};base64,${b64(f.bytes)}`,
          meta: {
            id,
            orderId,
            kind: f.kind,
            captureId,
            url: `https://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`,
            title: 'Order details',
            capturedAt: new Date(Date.UTC(2026, 10, 5, 8, i)).toISOString(),
            method: 'e2e-screenshot',
            mime: f.mime,
            sha256: await hex(f.bytes),
            ...(f.kind === 'transcript' ? { messages: 120 } : { part: { index: i + 1, count: shots.length }, thumb: 'data:image/jpeg;base64,/9j/AAAA' }),
          },
        });
      }
      // a "redacted" copy linked to the first image
      const copy = fromB64(shots[0]).slice();
      copy[copy.length - 20] ^= 0xff;
      items.push({
        dataUrl: `data:image/png;base64,${b64(copy)}`,
        meta: { ...items[0].meta, id: crypto.randomUUID(), derivedFrom: firstId, derivation: 'redacted: names', sha256: await hex(copy), thumb: undefined, part: undefined },
      });
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'save-evidence', upload: { id: crypto.randomUUID(), index: 0, count: 1 }, items });
      if (!reply?.ok || reply.pending) throw new Error(`save failed: ${JSON.stringify(reply)}`);
      return reply.saved.length as number;
    },
    { shots: shots.map((s) => s.toString('base64')), transcript: transcript.toString('base64'), orderId: DETAIL_ID },
  );
}

/** Wait until no page read is still arriving (the pages opened for screenshots are read too). */
async function settled(worker: Worker) {
  let last = '';
  await waitFor(async () => {
    const now = JSON.stringify((await snapshot(worker)).storage.cases);
    const same = now === last;
    last = now;
    if (!same) await new Promise((r) => setTimeout(r, 700));
    return same;
  }, 'the case store to settle', 20_000);
}

async function restoreFile(page: Page, file: string) {
  await page.getByLabel(/^Backup file/).setInputFiles(file);
}

let backupPath: string;
let a: Snapshot;
let b: ExtensionBrowser;
let bPage: Page;

it('backs up every order and capture of one profile into one file, from the options page', async () => {
  const browserA = await start();
  browserA.serve(LIST_URL, { body: fixture('list-2026-en.html') });
  browserA.serve(DETAIL_URL, { body: fixture('detail-2026-en.html') });
  browserA.serve(TRACKING_URL, { body: fixture('tracking-2026-v2-en.html') });
  const reader = await browserA.context.newPage();
  await reader.goto(LIST_URL);
  // as a user would: the list's orders are read and stored before the next page is opened
  await waitFor(async () => Object.keys(await storedCases(browserA.worker)).length === LIST_ORDERS, 'the list orders in the case store');
  await reader.goto(DETAIL_URL);
  await waitFor(async () => {
    const s = await snapshot(browserA.worker);
    const cases = (s.storage.cases as CaseStore | undefined)?.cases ?? {};
    return Object.keys(cases).length >= 3 && cases[DETAIL_ID]?.sources.some((x) => x.kind === 'order-detail');
  }, 'the orders in the case store');

  await reader.close();
  // the user's own data beside the orders: a note, a corrected date, a muted order, settings
  await browserA.worker.evaluate(async ({ id, at }) => {
    await (globalThis as any).chrome.storage.local.set({
      caseNotes: { [id]: { text: 'Seller promised a refund. 판매자가 환불을 약속함.', updatedAt: at } },
      userFacts: { [id]: { deliveredOn: { value: '2026-11-10', at } } },
      reminderPrefs: { [id]: { days: [5, 1] } },
      settings: { language: 'en', stallDays: 12, ruleOverrides: { 'R-AD-15': 7 }, redactByDefault: false, reminderDays: [7, 1], reminderHour: 20, warnDays: 10 },
      settings$: { v: 2 },
    });
  }, { id: DETAIL_ID, at: new Date().toISOString() });
  const options = await optionsPage(browserA);
  expect(await saveCaptures(browserA, options)).toBe(CAPTURES + 2);
  await settled(browserA.worker);

  await options.reload();
  const t0 = Date.now();
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Back up now (download a file)' }).click()]);
  backupPath = join(dir, download.suggestedFilename());
  await download.saveAs(backupPath);
  await options.locator('[data-backup-result="saved"]').waitFor();
  const backupMs = Date.now() - t0;
  expect(download.suggestedFilename()).toMatch(/^aliproof-backup-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);

  a = await snapshot(browserA.worker);
  expect(a.evidence).toHaveLength(CAPTURES + 2);
  const files = unzipSync(readFileSync(backupPath));
  const manifest = JSON.parse(strFromU8(files['aliproof-backup.json']));
  expect(manifest.evidence).toHaveLength(CAPTURES + 2);
  const evidenceBytes = a.evidence.reduce((n, e) => n + e.size, 0);
  console.log(`[measure] backup of ${Object.keys((a.storage.cases as CaseStore).cases).length} orders and ${a.evidence.length} captures (${evidenceBytes} bytes of evidence): file ${statSync(backupPath).size} bytes in ${backupMs} ms`);
  // the backup time is remembered, and every capture counts as backed up
  expect(JSON.parse(strFromU8(files['storage/cases.json']))).toEqual(a.storage.cases);
  expect((a.storage.backupState as { backedUpIds: string[] }).backedUpIds.sort()).toEqual(a.evidence.map((e) => e.meta.id).sort());
  await options.getByText('Every capture is in a backup.').waitFor();
});

it('restores it into a fresh profile: same orders, same evidence, hashes equal', async () => {
  b = await start();
  bPage = await optionsPage(b);
  const before = await snapshot(b.worker);
  expect(before.evidence).toEqual([]);
  expect(before.storage.cases).toBeUndefined();

  const t0 = Date.now();
  await restoreFile(bPage, backupPath);
  await bPage.getByRole('button', { name: 'Restore this backup' }).click();
  const done = bPage.locator('[data-restore-result="restored"]');
  await done.waitFor({ timeout: 60_000 });
  console.log(`[measure] check + restore of ${statSync(backupPath).size} bytes: ${Date.now() - t0} ms`);
  expect(await done.innerText()).toContain(`${CAPTURES + 2} captures added`);

  const got = await snapshot(b.worker);
  for (const key of ['cases', 'caseNotes', 'userFacts', 'reminderPrefs', 'settings', 'settings$']) expect(got.storage[key], key).toEqual(a.storage[key]);
  expect(got.storage.evidenceIndex).toEqual(a.storage.evidenceIndex);
  expect(got.evidence.map((e) => e.meta)).toEqual(a.evidence.map((e) => e.meta));
  expect(got.evidence.map((e) => e.thumb)).toEqual(a.evidence.map((e) => e.thumb));
  for (const e of got.evidence) expect(e.hash).toBe(e.meta.sha256);
  expect(got.evidence.map((e) => e.hash)).toEqual(a.evidence.map((e) => e.hash));

  // restoring the same file again duplicates nothing
  await bPage.reload();
  await restoreFile(bPage, backupPath);
  await bPage.getByRole('button', { name: 'Restore this backup' }).click();
  await bPage.locator('[data-restore-result="restored"]').waitFor();
  expect((await snapshot(b.worker)).evidence).toHaveLength(CAPTURES + 2);
});

function rezip(change: (files: Record<string, Uint8Array>) => void): string {
  const files = unzipSync(readFileSync(backupPath)) as Record<string, Uint8Array>;
  change(files);
  const path = join(dir, `damaged-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(path, zipSync(files as Zippable));
  return path;
}

it.each([
  [
    'one byte changed in an evidence file',
    (files: Record<string, Uint8Array>) => {
      const name = Object.keys(files).find((n) => n.startsWith('evidence/') && n.endsWith('.png'))!;
      files[name][Math.floor(files[name].length / 2)] ^= 0x01;
    },
    /its SHA-256 does not match \(evidence\/[\w-]+\.png\)/,
  ],
  [
    'the manifest edited (a newer format version)',
    (files: Record<string, Uint8Array>) => {
      const m = JSON.parse(strFromU8(files['aliproof-backup.json']));
      m.formatVersion = 99;
      files['aliproof-backup.json'] = strToU8(JSON.stringify(m));
    },
    /made by a newer AliProof/,
  ],
  [
    'the manifest edited (an order added to the orders file without its hash)',
    (files: Record<string, Uint8Array>) => {
      const cases = JSON.parse(strFromU8(files['storage/cases.json']));
      cases.cases['9999999999'] = { ...Object.values(cases.cases)[0] as object, orderId: '9999999999' };
      files['storage/cases.json'] = strToU8(JSON.stringify(cases));
    },
    /(SHA-256 does not match|does not have the size the backup recorded) \(storage\/cases\.json\)/,
  ],
])('refuses a damaged backup (%s) with a clear message, writing nothing', async (_what, change, message) => {
  const damaged = rezip(change);
  const before = await snapshot(b.worker);
  await bPage.reload();
  await restoreFile(bPage, damaged);
  const alert = bPage.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  expect(text).toMatch(/^This backup was refused and nothing was changed: /);
  expect(text).toMatch(message);
  expect(await bPage.getByRole('button', { name: 'Restore this backup' }).count()).toBe(0);
  const after = await snapshot(b.worker);
  expect(after).toEqual(before);
});
