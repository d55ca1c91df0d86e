// npm run bench [-- --quick] [-- --runs N] [-- --only list,size,chat,export,case] [-- --orders 200,1000]
// Runs the built extension in real Chromium on generated pages and prints a table (and writes
// bench-results/bench.json) with the machine's description. Every figure is the median of several runs;
// each budget is reported as measured/budget. --quick uses small sizes and one run (CI: no budgets
// are enforced, it only proves the benchmark still runs).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, EXTENSION_DIR, launchWithExtension, ROOT, type ExtensionBrowser } from './lib/browser';
import { orderCard, orderListPage, sampleOrders } from './lib/sample-pages';
import { ensureChromium } from './lib/ensure-chromium';
import { benchSections, type Row, type Section } from './lib/bench-sections';
import { mainThreadMs, measuredPage, median, middleHalf } from './lib/bench-measure';
import { writeReferenceExtension } from './lib/reference-extension';
import { ORDER_PAGE_SCRIPT } from '../components/page/order-page-contract';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 1 : 5;
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? args[onlyArg + 1].split(',') : undefined;
const ordersArg = args.indexOf('--orders');
const ORDER_SIZES = ordersArg >= 0 ? args[ordersArg + 1].split(',').map(Number) : undefined;

// The same page at an address AliProof runs on and at one it does not (same browser, same profile):
// the difference in main-thread time is what the extension adds.
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const PLAIN_URL = 'https://www.aliexpress.com/p/bench-plain/index.html';
const APPEND_SIZE = 20;

async function measureList(b: ExtensionBrowser, n: number, appends: number) {
  const now = new Date();
  const html = orderListPage(sampleOrders(n, now));
  b.serve(LIST_URL, { body: html });
  b.serve(PLAIN_URL, { body: html });
  const extra = Array.from({ length: appends }, (_, k) =>
    sampleOrders(APPEND_SIZE, now, n + k * APPEND_SIZE)
      .map((o, i) => orderCard(o, n + k * APPEND_SIZE + i + 1))
      .join('\n'),
  );

  type Ms = { cpu: number; wall: number };
  let visibleCards = 1;
  const minus = (a: Ms, b: Ms): Ms => ({ cpu: a.cpu - b.cpu, wall: a.wall - b.wall });

  async function run(url: string, withBadges: boolean, appendPages: number) {
    const { page, cdp } = await measuredPage(b);
    const badges = () => page.evaluate(() => document.querySelectorAll('aliproof-badge').length);
    const start = await mainThreadMs(cdp);
    await page.goto(url, { waitUntil: 'load' });
    const settle = async (want: number) => {
      if (withBadges) {
        const end = Date.now() + 30_000;
        while ((await badges()) < want && Date.now() < end) await page.waitForTimeout(20);
      }
      await page.waitForTimeout(400); // let debounced re-reads and storage echoes finish
    };
    // the badges of the cards on screen come first, the others a second later in idle time; the
    // plain page goes through the same steps. The page is asked only when it changed (a Playwright wait
    // would inject its own script: 10+ ms; polling every 20 ms cost the page a task each time, counted
    // against AliProof), and a live collection is counted where a query would search the whole page.
    const onScreenDrawn = await page.evaluate(
      `new Promise((done) => {
        const drawn = document.getElementsByTagName('aliproof-badge');
        const enough = () => drawn.length >= ${withBadges ? visibleCards : 0};
        if (enough()) return done(true);
        const watch = new MutationObserver(() => enough() && (watch.disconnect(), clearTimeout(late), done(true)));
        const late = setTimeout(() => (watch.disconnect(), done(false)), 30000);
        watch.observe(document.body, { childList: true, subtree: true });
      })`,
    );
    if (!onScreenDrawn) throw new Error(`the ${visibleCards} badges on screen were not drawn`);
    await page.waitForTimeout(300); // the save of those orders, its echo and acknowledgement
    const onScreen = minus(await mainThreadMs(cdp), start);
    if (withBadges && (await badges()) >= n) throw new Error(`all ${n} badges were drawn before the on-screen ones could be measured alone`);
    await settle(n);
    const load = minus(await mainThreadMs(cdp), start);
    // cards on screen: the ones whose badges come first
    if (!withBadges) visibleCards = await page.evaluate(() => [...document.querySelectorAll('.order-item')].filter((c) => c.getBoundingClientRect().top < innerHeight).length);
    const appendCosts: Ms[] = [];
    for (let k = 0; k < appendPages; k++) {
      const before = await mainThreadMs(cdp);
      await page.evaluate((cards) => document.querySelector('.comet-checkbox-group')!.insertAdjacentHTML('beforeend', cards), extra[k]);
      await settle(n + (k + 1) * APPEND_SIZE);
      appendCosts.push(minus(await mainThreadMs(cdp), before));
    }
    const count = await badges();
    await page.close();
    return { load, onScreen, appendCosts, count };
  }

  // first visit: nothing stored yet, every order is new (and "View orders" brings new ones); return
  // visit: the same list again the same day, every order already stored
  const clearStorage = () => b.worker.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  const first: Ms[] = [];
  const again: Ms[] = [];
  const firstOnScreen: Ms[] = [];
  const againOnScreen: Ms[] = [];
  const appendAdded: Ms[][] = Array.from({ length: appends }, () => []);
  const alone: Ms[] = [];
  for (let r = 0; r < RUNS; r++) {
    const plain = await run(PLAIN_URL, false, appends);
    alone.push(plain.onScreen);
    await clearStorage();
    const ext = await run(LIST_URL, true, appends);
    if (ext.count !== n + appends * APPEND_SIZE) throw new Error(`expected ${n + appends * APPEND_SIZE} badges, saw ${ext.count}`);
    first.push(minus(ext.load, plain.load));
    firstOnScreen.push(minus(ext.onScreen, plain.onScreen));
    ext.appendCosts.forEach((c, k) => appendAdded[k].push(minus(c, plain.appendCosts[k])));
    const back = await run(LIST_URL, true, 0);
    if (back.count !== n) throw new Error(`return visit: expected ${n} badges, saw ${back.count}`);
    again.push(minus(back.load, plain.load));
    againOnScreen.push(minus(back.onScreen, plain.onScreen));
  }
  const med = (xs: Ms[]): Ms => ({ cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) });
  const spread = (xs: Ms[]) => middleHalf(xs.map((x) => x.cpu));
  return {
    first: med(first),
    again: med(again),
    firstOnScreen: med(firstOnScreen),
    againOnScreen: med(againOnScreen),
    spread: { firstOnScreen: spread(firstOnScreen), againOnScreen: spread(againOnScreen) },
    appendAdded: appendAdded.map(med),
    alone: med(alone),
  };
}

async function measureReference(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'aliproof-reference-'));
  const b = await launchWithExtension({ extensionDir: writeReferenceExtension(join(dir, 'extension')) });
  try {
    return await measureList(b, n, 0);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const listSection: Section = {
  id: 'list',
  title: 'Order list: main-thread time AliProof adds (page with badges minus the same page without; CPU time, and wall-clock task time)',
  async run(b) {
    const rows: Row[] = [];
    const sizes = ORDER_SIZES ?? (quick ? [50] : [50, 200, 1000]);
    for (const n of sizes) {
      const m = await measureList(b, n, quick ? 1 : 3);
      const budget = n === 200 ? { budget: 16 } : {};
      rows.push({ name: `${n} orders, first visit: load to on-screen badges (CPU)`, value: m.firstOnScreen.cpu, unit: 'ms', spread: m.spread.firstOnScreen, ...budget });
      rows.push({ name: `${n} orders, first visit: (wall-clock task time)`, value: m.firstOnScreen.wall, unit: 'ms' });
      rows.push({ name: `${n} orders, first visit: load to all badges, all stored (CPU)`, value: m.first.cpu, unit: 'ms' });
      rows.push({ name: `${n} orders, return visit: load to on-screen badges (CPU)`, value: m.againOnScreen.cpu, unit: 'ms', spread: m.spread.againOnScreen, ...budget });
      rows.push({ name: `${n} orders, return visit: (wall-clock task time)`, value: m.againOnScreen.wall, unit: 'ms' });
      rows.push({ name: `${n} orders, return visit: load to all badges (CPU)`, value: m.again.cpu, unit: 'ms' });
      // the page's own cost over the same window, without AliProof: how fast the machine is running
      rows.push({ name: `${n} orders: the page alone, without AliProof, same window (CPU)`, value: m.alone.cpu, unit: 'ms' });
      m.appendAdded.forEach((ms, k) =>
        rows.push({ name: `${n} orders: "View orders" page ${k + 2} (+${APPEND_SIZE} cards, CPU)`, value: ms.cpu, unit: 'ms' }),
      );
      // for scale: the least an extension loaded like AliProof costs to put the same badges on screen
      // (scripts/lib/reference-extension.ts); what AliProof adds above it is its own work
      if (n === 200 || quick) {
        const ref = await measureReference(n);
        rows.push({ name: `${n} orders: reference extension (plain badges), first visit (CPU)`, value: ref.firstOnScreen.cpu, unit: 'ms', spread: ref.spread.firstOnScreen });
        rows.push({ name: `${n} orders: reference extension, return visit (CPU)`, value: ref.againOnScreen.cpu, unit: 'ms', spread: ref.spread.againOnScreen });
      }
    }
    return rows;
  },
};

const sizeSection: Section = {
  id: 'size',
  title: 'Code that runs on every order page (Chromium build): the content scripts and the order-page code they load',
  async run() {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[]; js: string[] }[];
    };
    const files = [
      ...manifest.content_scripts.filter((cs) => cs.matches.some((m) => m.includes('/p/order/'))).flatMap((cs) => cs.js),
      ORDER_PAGE_SCRIPT.replace(/^\//, ''),
    ];
    const rows: Row[] = [];
    let total = 0;
    for (const js of files) {
      const bytes = readFileSync(join(EXTENSION_DIR, js));
      const gzip = gzipSync(bytes, { level: 9 }).length / 1024;
      total += gzip;
      rows.push({ name: `${js} raw`, value: bytes.length / 1024, unit: 'kB' });
      rows.push({ name: `${js} gzip`, value: gzip, unit: 'kB' });
      rows.push({ name: `${js} contains html2canvas`, value: bytes.includes('html2canvas') ? 1 : 0, unit: 'yes=1', budget: 0 });
    }
    rows.push({ name: 'all of it, gzip', value: total, unit: 'kB', budget: 100 });
    return rows;
  },
};

async function main() {
  ensureChromium((line) => console.log(line));
  execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  const chromiumVersion = execSync(`${chromiumPath()} --version`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion,
    runs: RUNS,
    quick,
    date: new Date().toISOString(),
  };
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.node}; ${machine.chromium}; median of ${RUNS} run(s)`);
  const sections = [sizeSection, listSection, ...benchSections({ quick, runs: RUNS })].filter((s) => !ONLY || ONLY.includes(s.id));
  const results: { id: string; title: string; rows: Row[]; error?: string }[] = [];
  for (const s of sections) {
    const b = await launchWithExtension();
    try {
      const rows = await s.run(b);
      results.push({ id: s.id, title: s.title, rows });
    } catch (e) {
      results.push({ id: s.id, title: s.title, rows: [], error: e instanceof Error ? e.message : String(e) });
    } finally {
      await b.close();
    }
    printSection(results[results.length - 1]);
  }
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const out = join(ROOT, 'bench-results', quick ? 'bench-quick.json' : 'bench.json');
  writeFileSync(out, JSON.stringify({ machine, results }, null, 2));
  console.log(`\nResults written to ${out}`);
  const failed = results.filter((r) => r.error);
  if (failed.length) {
    console.error(`${failed.length} section(s) could not run: ${failed.map((f) => f.id).join(', ')}`);
    process.exit(1);
  }
}

function printSection(r: { title: string; rows: Row[]; error?: string }) {
  console.log(`\n${r.title}`);
  if (r.error) {
    console.log(`  could not run: ${r.error}`);
    return;
  }
  for (const row of r.rows) {
    const ratio = row.budget !== undefined ? (row.budget === 0 ? (row.value === 0 ? 'ok' : 'OVER') : (row.value / row.budget).toFixed(2)) : '';
    const budget = row.budget !== undefined ? `budget ${row.budget} ${row.unit}` : '';
    const spread = row.spread && RUNS > 1 ? `  (middle half of the runs ${row.spread[0].toFixed(1)}–${row.spread[1].toFixed(1)})` : '';
    console.log(`  ${row.name.padEnd(58)} ${row.value.toFixed(row.unit === 'ms' ? 1 : 2).padStart(10)} ${row.unit.padEnd(6)} ${budget.padEnd(18)} ${ratio ? `measured/budget ${ratio}` : ''}${spread}`);
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
