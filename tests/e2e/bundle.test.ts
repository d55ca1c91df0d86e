// The case page and the evidence bundle in real Chromium with the built extension: a hostile order (markup
// and script in its store name and title) enters the case store from a list page at the real address; it
// shows as text in the sidebar, the case page and the report, and no script runs. Captures are stored
// through the background's own save message; the case page exports the bundle with one click; the
// download unpacks, passes `sha256sum -c`, and verify.html (opened from disk) says every file is intact —
// and names the file whose byte was changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, format } from 'date-fns';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, storedCases, waitFor, type ExtensionBrowser } from './browser';
import { orderListPage, type SampleOrder } from '../../scripts/lib/sample-pages';
import { seedEvidence } from './bundle-seed';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const HOSTILE = `Evil</style><script>window.__pwned=1;document.title='pwned'</script><img src=x onerror="window.__pwned=2;alert(1)">"Store" 'x'`;
const now = new Date();
const HOSTILE_ORDER: SampleOrder = {
  orderId: '3046299999990001',
  status: 'awaiting-delivery',
  placedOn: format(addDays(now, -20), 'yyyy-MM-dd'),
  store: HOSTILE,
  title: `Cable ${HOSTILE}`,
  total: 12.5,
};
const PLAIN_ORDER: SampleOrder = { orderId: '3046299999990002', status: 'awaiting-delivery', placedOn: format(addDays(now, -30), 'yyyy-MM-dd'), store: 'Blue Harbor Home', title: 'LED Strip 5m RGB', total: 20 };

let b: ExtensionBrowser;
const dialogs: string[] = [];
const dirs: string[] = [];

/**
 * A private copy of the built extension: other test runs in this tree rebuild .output while this one
 * runs, and a half-written build would fail the launch. Copied once the build is whole.
 */
async function privateBuild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aliproof-ext-'));
  dirs.push(dir);
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      cpSync(EXTENSION_DIR, dir, { recursive: true });
      const whole = ['manifest.json', 'background.js', 'case.html', 'order-page-loader.js'].every((f) => existsSync(join(dir, f)));
      if (whole) return dir;
    } catch {
      /* being rewritten: try again */
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error('the built extension in .output never became complete');
}

beforeAll(async () => {
  b = await launchWithExtension({ extensionDir: await privateBuild() });
  b.context.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  b.serve(LIST_URL, { body: orderListPage([HOSTILE_ORDER, PLAIN_ORDER]) });
});
afterAll(async () => {
  await b?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pwned = (page: Page) => page.evaluate(() => ({ pwned: (window as { __pwned?: unknown }).__pwned ?? null, title: document.title }));

async function casePage(hash = ''): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/case.html${hash}`);
  return page;
}

/** Export from the case page: click, catch the download, save it; returns the zip path and timings. */
async function exportBundle(page: Page, dir: string) {
  // the page's longest stall while exporting (responsiveness), measured inside the page
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __last: number; __timer: number };
    w.__gap = 0;
    w.__last = performance.now();
    w.__timer = window.setInterval(() => {
      const t = performance.now();
      w.__gap = Math.max(w.__gap, t - w.__last);
      w.__last = t;
    }, 10);
  });
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      peakHeap = Math.max(peakHeap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.click('[data-aliproof="export-bundle"]')]);
  const ms = Date.now() - t0;
  sampling = false;
  await sampler;
  const gap = await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __timer: number };
    clearInterval(w.__timer);
    return Math.round(w.__gap);
  });
  const zip = join(dir, download.suggestedFilename());
  await download.saveAs(zip);
  const status = page.locator('[data-aliproof-export]');
  await status.waitFor();
  return { zip, ms, gap, peakHeapMb: Math.round(peakHeap / 1024 / 1024), status: await status.getAttribute('data-aliproof-export'), statusText: await status.innerText() };
}

/** Info-ZIP's own test of the .zip: every entry's CRC-32 and size as the headers say. */
function expectZipIntact(zip: string) {
  const test = spawnSync('unzip', ['-t', '-q', zip], { encoding: 'utf8' });
  expect(test.status, test.stdout + test.stderr).toBe(0);
  expect(test.stdout).toMatch(/No errors detected/);
}

type JpegEntry = { path: string; bytes: number; sha256: string; method: string; evidenceId: string; derivation: string };
let firstJpegs: JpegEntry[] = [];

function unpack(zip: string, dir: string): string {
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const folders = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory());
  expect(folders).toHaveLength(1);
  return join(dir, folders[0]);
}

async function verifyFolder(folder: string): Promise<{ verdict: string | null; text: string; rows: { path: string; status: string }[] }> {
  const page = await b.context.newPage();
  await page.goto(pathToFileURL(join(folder, 'verify.html')).href);
  await page.setInputFiles('#folder', folder);
  const verdict = page.locator('#verdict');
  await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 60_000 }).toMatch(/^(intact|tampered|no-list|error)$/);
  const rows = await page.$$eval('#rows tr', (trs) => trs.map((tr) => ({ path: tr.getAttribute('data-path')!, status: tr.getAttribute('data-status')! })));
  const out = { verdict: await verdict.getAttribute('data-verdict'), text: await verdict.innerText(), rows };
  expect(await pwned(page)).toEqual({ pwned: null, title: 'AliProof 증거 묶음 확인 · Evidence bundle check' });
  await page.close();
  return out;
}

describe('case page and evidence bundle (Chromium, built extension)', () => {
  it('reads a hostile order into the case store and shows it as text in the sidebar', async () => {
    const page = await b.context.newPage();
    await page.goto(LIST_URL);
    const stored = await waitFor(async () => {
      const cases = await storedCases<{ facts: { store?: { name: string }; items: { title: string }[] } }>(b.worker);
      return cases['3046299999990001'] && cases['3046299999990002'] && cases;
    }, 'both orders in the case store');
    expect(stored['3046299999990001'].facts.store!.name).toBe(HOSTILE);
    expect(stored['3046299999990001'].facts.items[0].title).toBe(`Cable ${HOSTILE}`);

    await page.keyboard.press('Alt+Shift+A');
    const sidebar = page.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
    await sidebar.waitFor();
    await expect.poll(() => sidebar.innerText()).toContain(HOSTILE);
    expect(await page.evaluate(() => document.querySelector('aliproof-sidebar')!.shadowRoot!.querySelectorAll('script, img[onerror]').length)).toBe(0);
    expect(await pwned(page)).toEqual({ pwned: null, title: 'Orders' });
    await page.close();
  });

  it('lists the orders on the case page, searchable, with the hostile text as text', async () => {
    const page = await casePage();
    await page.getByRole('link', { name: 'Open the case of order 3046299999990001' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(HOSTILE);
    await page.getByRole('searchbox', { name: 'Search orders' }).fill('LED strip');
    await expect.poll(() => page.getByRole('link', { name: /^Open the case of order/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Open the case of order/ }).innerText()).toBe('3046299999990002');
    expect(await page.evaluate(() => document.querySelectorAll('main script, main img[onerror]').length)).toBe(0);
    expect(await pwned(page)).toEqual({ pwned: null, title: 'Your orders, nearest deadline first — AliProof case file' });
    await page.close();
  });

  it('exports a bundle of 20 captures that passes sha256sum -c and verify.html, and catches a changed byte', async () => {
    const seeder = await casePage();
    const seeded = await seedEvidence(seeder, { orderId: HOSTILE_ORDER.orderId, captures: 20, hostile: HOSTILE });
    await seeder.close();

    const page = await casePage(`#order=${HOSTILE_ORDER.orderId}`);
    await page.getByRole('heading', { level: 1, name: `Order ${HOSTILE_ORDER.orderId}` }).waitFor();
    await page.locator('[data-aliproof-gallery] .ap-gallery-item').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('main').innerText()).toContain(`Cable ${HOSTILE}`);
    await expect.poll(() => page.getByRole('region', { name: 'Timeline' }).innerText()).toContain('no new event since the previous capture');

    const dir = mkdtempSync(join(tmpdir(), 'aliproof-bundle-e2e-'));
    dirs.push(dir);
    const out = await exportBundle(page, dir);
    expect(out.status, out.statusText).toBe('done');
    expect(await pwned(page)).toEqual({ pwned: null, title: `Order ${HOSTILE_ORDER.orderId} — AliProof case file` });

    const folder = unpack(out.zip, dir);
    expectZipIntact(out.zip);
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const listed = readFileSync(join(folder, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    expect(check.stdout.trim().split('\n')).toHaveLength(listed.length);

    // the report: self-contained, no script, hostile text as text
    const report = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(report.toLowerCase()).not.toContain('<script');
    expect(report).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    const reportPage = await b.context.newPage();
    await reportPage.goto(pathToFileURL(join(folder, 'report.html')).href);
    expect(await reportPage.locator('body').innerText()).toContain(HOSTILE);
    expect(await reportPage.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    expect((await pwned(reportPage)).pwned).toBeNull();
    expect((await pwned(reportPage)).title).toMatch(/^AliProof — /);
    // the language switch works with no script: English only hides every Korean text
    await reportPage.click('label[for="lang-en"]');
    expect(await reportPage.evaluate(() => [...document.querySelectorAll('main [lang="ko"]')].every((e) => getComputedStyle(e).display === 'none'))).toBe(true);
    await reportPage.click('label[for="lang-both"]');
    // prints to PDF: on an A4-wide page nothing sticks out sideways, and the PDF is made
    await reportPage.emulateMedia({ media: 'print' });
    await reportPage.setViewportSize({ width: 700, height: 1000 });
    const overflow = await reportPage.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tables: [...document.querySelectorAll('table, pre, dl')].filter((t) => t.scrollWidth > t.clientWidth + 1).length,
    }));
    expect(overflow).toEqual({ page: 0, tables: 0 });
    const pdf = await reportPage.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await reportPage.close();

    // verify.html: all intact
    const intact = await verifyFolder(folder);
    expect(intact.verdict, intact.text).toBe('intact');
    expect(intact.rows.filter((r) => r.status === 'intact')).toHaveLength(listed.length);
    expect(intact.text).toContain(`All ${listed.length} files are intact`);

    // change one byte of one capture: sha256sum fails and verify.html names that file
    const evidence = readdirSync(join(folder, 'evidence')).filter((n) => n.endsWith('.png')).sort();
    const victim = `evidence/${evidence[3]}`;
    const bytes = readFileSync(join(folder, victim));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(join(folder, victim), bytes);
    expect(spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' }).status).not.toBe(0);
    const tampered = await verifyFolder(folder);
    expect(tampered.verdict, tampered.text).toBe('tampered');
    expect(tampered.rows.filter((r) => r.status === 'changed')).toEqual([{ path: victim, status: 'changed' }]);
    expect(tampered.text).toMatch(/1 changed, 0 missing/);

    // nothing ran, nothing left the browser
    expect(dialogs).toEqual([]);
    const foreign = b.requests.filter((u) => /^https?:/.test(u) && !/^https:\/\/www\.aliexpress\.com\//.test(u));
    expect(foreign).toEqual([]);

    const zipBytes = statSync(out.zip).size;
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    const jpegs = manifest.files.filter((f: { path: string }) => f.path.endsWith('.jpg'));
    for (const j of jpegs) expect(j.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    firstJpegs = jpegs;
    console.info(
      `[bundle] 20 captures (${seeded.items} items, ${(seeded.bytes / 1024 / 1024).toFixed(1)} MB stored): export ${out.ms} ms click-to-download, longest page stall ${out.gap} ms, peak JS heap ${out.peakHeapMb} MB, zip ${(zipBytes / 1024 / 1024).toFixed(1)} MB, ${listed.length + 1} files (${jpegs.length} AliExpress JPEGs)`,
    );
    expect(out.gap).toBeLessThan(1_500);
  });

  it('exports the same AliExpress copies from the ones the background prepared, and drops them with their capture', async () => {
    expect(firstJpegs.length).toBeGreaterThan(0);
    const ext = await casePage();
    const prepared = await ext.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'prepare-upload-copies' }));
    expect(prepared).toMatchObject({ ok: true, failed: 0 });
    const uploads = () =>
      ext.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('aliproof-evidence');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const r = open.result.transaction('uploads').objectStore('uploads').getAllKeys();
              r.onsuccess = () => {
                open.result.close();
                resolve(r.result as string[]);
              };
              r.onerror = () => reject(r.error);
            };
          }),
      );
    const originals = new Set(firstJpegs.map((j) => j.evidenceId));
    const ready = await uploads();
    for (const id of originals) expect(ready).toContain(id);

    const page = await casePage(`#order=${HOSTILE_ORDER.orderId}`);
    await page.locator('[data-aliproof-gallery] .ap-gallery-item').first().waitFor({ timeout: 30_000 });
    const dir = mkdtempSync(join(tmpdir(), 'aliproof-bundle-e2e-'));
    dirs.push(dir);
    const out = await exportBundle(page, dir);
    expect(out.status, out.statusText).toBe('done');
    expectZipIntact(out.zip);
    const folder = unpack(out.zip, dir);
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    const jpegs: JpegEntry[] = manifest.files.filter((f: { path: string }) => f.path.endsWith('.jpg'));
    // the same files, made the same way, from the same originals, each under the limit
    const shape = (j: JpegEntry) => ({ path: j.path, method: j.method, evidenceId: j.evidenceId, derivation: j.derivation });
    expect(jpegs.map(shape)).toEqual(firstJpegs.map(shape));
    for (const j of jpegs) expect(j.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect((await verifyFolder(folder)).verdict).toBe('intact');
    await page.close();

    // deleting a capture deletes its prepared copies in the same step
    const victim = [...originals][0];
    expect(await ext.evaluate((id) => (globalThis as any).chrome.runtime.sendMessage({ type: 'delete-evidence', id }), victim)).toMatchObject({ ok: true });
    expect(await uploads()).not.toContain(victim);
    await ext.close();
  });
});
