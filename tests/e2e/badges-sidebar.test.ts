// Badges and the sidebar on real AliExpress addresses, in real Chromium with the built extension.
import { differenceInCalendarDays, addDays, format } from 'date-fns';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, storedCases, waitFor, type ExtensionBrowser } from './browser';
import { ORDER_PAGE_SCRIPT } from '../../components/page/order-page-contract';
import { EAGER_COMPILE_HINT } from '../../scripts/lib/eager-compile';
import { expectedBadge, orderCard, orderListPage, sampleOrders } from '../../scripts/lib/sample-pages';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const now = new Date();
const first = sampleOrders(50, now);
const more = sampleOrders(20, now, 50);

let b: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  b = await launchWithExtension();
  b.serve(LIST_URL, { body: orderListPage(first) });
  page = await b.context.newPage();
  await page.goto(LIST_URL);
});
afterAll(async () => {
  await b?.close();
});

const badges = () =>
  page.$$eval('[data-aliproof="badge"]', (els) =>
    els.map((e) => ({ id: e.getAttribute('data-order-id'), closesOn: e.getAttribute('data-closes-on'), daysLeft: e.getAttribute('data-days-left') })),
  );

it('badges all 50 orders with the deadline each must show', async () => {
  const shown = await waitFor(async () => {
    const b = await badges();
    return b.length >= 50 && b;
  }, '50 badges');
  expect(shown).toHaveLength(50);
  for (const o of first) {
    const badge = shown.find((s) => s.id === o.orderId);
    const want = expectedBadge(o, now).closesOn;
    expect(badge, o.orderId).toBeDefined();
    expect(badge!.closesOn ?? undefined, `${o.orderId} (${o.status}, placed ${o.placedOn})`).toBe(want);
    if (want) expect(Number(badge!.daysLeft)).toBe(differenceInCalendarDays(new Date(want + 'T12:00:00'), now));
  }
  // the page's own layout is untouched: cards keep their header, badge inside it
  const inHeader = await page.$$eval('.order-item-header-right > aliproof-badge', (els) => els.length);
  expect(inHeader).toBe(50);
});

it('badges 20 cards appended after load once, and never doubles a badge', async () => {
  await page.evaluate((html) => {
    const box = document.querySelector('.comet-checkbox-group')!;
    box.insertAdjacentHTML('beforeend', html);
  }, more.map((o, i) => orderCard(o, 51 + i)).join('\n'));
  const shown = await waitFor(async () => {
    const b = await badges();
    return b.length >= 70 && b;
  }, '70 badges');
  // let another re-read happen (the page changes again) and check nothing doubled
  await page.evaluate(() => document.querySelector('.order-main')!.append(document.createElement('div')));
  await page.waitForTimeout(600);
  const after = await badges();
  expect(after).toHaveLength(70);
  expect(new Set(after.map((b) => b.id)).size).toBe(70);
  for (const o of more) expect(shown.find((s) => s.id === o.orderId)?.closesOn ?? undefined).toBe(expectedBadge(o, now).closesOn);
  const perCard = await page.$$eval('.order-item', (cards) => cards.map((c) => c.querySelectorAll('aliproof-badge').length));
  expect(perCard.every((n) => n === 1)).toBe(true);
});

it('a long list: the cards on screen are badged first, a card scrolled to gets its badge at once, and every order is stored', async () => {
  const url = `${LIST_URL}?long=1`;
  const orders = sampleOrders(300, now, 1_000);
  b.serve(url, { body: orderListPage(orders) });
  const long = await b.context.newPage();
  try {
    await long.goto(url);
    const count = () => long.locator('aliproof-badge').count();
    await waitFor(async () => (await count()) > 0, 'the first badges');
    // the first badges are those of the cards on screen (the 900 px window), not the whole list
    const firstBadged = await long.$$eval('.order-item', (cards) =>
      cards.flatMap((c, i) => (c.querySelector('aliproof-badge') ? [{ i, top: c.getBoundingClientRect().top }] : [])),
    );
    expect(firstBadged.length).toBeGreaterThan(0);
    expect(firstBadged.length).toBeLessThan(20);
    expect(firstBadged.every((c) => c.top < 900)).toBe(true);
    expect(firstBadged[0].i).toBe(0);
    // the shortcut works at once, before the edge tab comes in with the other cards
    await long.keyboard.press('Alt+Shift+A');
    const side = long.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
    await side.waitFor({ timeout: 5_000 });
    await long.keyboard.press('Escape');
    await side.waitFor({ state: 'detached', timeout: 5_000 });
    // scrolling far down before the rest has come: the card there is badged at once
    const target = long.locator('.order-item').nth(250);
    await target.scrollIntoViewIfNeeded();
    await waitFor(() => target.locator('aliproof-badge').count(), 'the badge of the card scrolled to', 2_000);
    // and the rest follows on its own: every card badged once, every order stored
    await waitFor(async () => (await count()) >= 300, 'all 300 badges', 20_000);
    const perCard = await long.$$eval('.order-item', (cards) => cards.map((c) => c.querySelectorAll('aliproof-badge').length));
    expect(perCard.every((n) => n === 1)).toBe(true);
    const stored = await waitFor(async () => {
      const c = await storedCases(b.worker);
      return orders.every((o) => c[o.orderId]) && c;
    }, 'all 300 orders stored');
    expect(orders.filter((o) => !stored[o.orderId])).toEqual([]);
  } finally {
    await long.close();
  }
});

it('opens the sidebar from the keyboard, shows the clocks, and closes with Escape', async () => {
  await page.keyboard.press('Alt+Shift+A');
  const sidebar = page.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
  await sidebar.waitFor();
  // its style sheet came with it: a 400 px panel fixed to the right edge
  expect(await sidebar.evaluate((el) => [getComputedStyle(el).position, getComputedStyle(el).width])).toEqual(['fixed', '400px']);
  // list mode: every order, nearest deadline first
  await expect.poll(() => sidebar.locator('[data-aliproof="badge"]').count()).toBeGreaterThanOrEqual(56);
  const first = sampleOrders(1, now)[0];
  await sidebar.getByRole('button', { name: new RegExp(`${first.orderId}`) }).first().click();
  await expect.poll(() => sidebar.getByRole('heading', { name: new RegExp(first.orderId) }).count()).toBeGreaterThan(0);
  const text = await sidebar.innerText();
  const nr = expectedBadge(first, now).closesOn!;
  expect(text).toContain(format(new Date(nr + 'T12:00:00'), 'MMM d, yyyy'));
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('aliproof-sidebar').getByRole('complementary').count()).toBe(0);
});

it('a delivery date fixed by hand changes the badge', async () => {
  const target = first[0]; // awaiting delivery
  const badge = page.locator(`[data-aliproof="badge"][data-order-id="${target.orderId}"]`).first();
  const before = await badge.getAttribute('data-closes-on');
  expect(before).toBe(expectedBadge(target, now).closesOn);
  await badge.locator('button').first().click(); // opens the sidebar on this order
  const sidebar = page.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
  await sidebar.waitFor();
  const delivered = format(addDays(now, -1), 'yyyy-MM-dd');
  await sidebar.getByLabel('Fact to fix').selectOption('deliveredOn');
  await sidebar.getByLabel('New value').fill(delivered);
  await sidebar.getByRole('button', { name: 'Save', exact: true }).click();
  // delivered yesterday: 15 days after delivery is now the nearest clock
  const want = format(addDays(new Date(delivered + 'T12:00:00'), 15), 'yyyy-MM-dd');
  await expect.poll(() => badge.getAttribute('data-closes-on'), { timeout: 10_000 }).toBe(want);
});

it('loads the order-page code with import(), compiled whole, and from the third visit from Chrome\'s code cache', async () => {
  const script = readFileSync(join(EXTENSION_DIR, ORDER_PAGE_SCRIPT), 'utf8');
  expect(script.split('\n')[0]).toBe(EAGER_COMPILE_HINT);
  const url = 'https://www.aliexpress.com/p/order/index.html?page=cache';
  b.serve(url, { body: orderListPage(sampleOrders(5, now)) });
  // V8 keeps the compiled code of imported scripts, made on the second load and used from the third
  const compiles: { consumedCacheSize?: number }[] = [];
  for (let visit = 0; visit < 3; visit++) {
    const p = await b.context.newPage();
    const cdp = await b.context.newCDPSession(p);
    const events: { name: string; args?: { data?: { url?: string; consumedCacheSize?: number } } }[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline'] } });
    await p.goto(url);
    await p.locator('[data-aliproof="badge"]').first().waitFor();
    await cdp.send('Tracing.end');
    await done;
    await p.close();
    const compile = events.find((e) => e.name === 'v8.compileModule' && e.args?.data?.url?.endsWith(ORDER_PAGE_SCRIPT));
    expect(compile, `visit ${visit + 1}: order-page.js compiled as an imported module`).toBeDefined();
    compiles.push(compile!.args!.data!);
  }
  expect(compiles[2].consumedCacheSize ?? 0).toBeGreaterThan(0);
});

it('follows the single-page app to another address without a page load: the sidebar opens on the order now shown', async () => {
  const url = 'https://www.aliexpress.com/p/order/index.html?page=spa';
  const orders = sampleOrders(3, now);
  b.serve(url, { body: orderListPage(orders) });
  const p = await b.context.newPage();
  try {
    await p.goto(url);
    await p.locator('[data-aliproof="badge"]').first().waitFor();
    await p.waitForTimeout(1_500); // navigations are watched from the page's first idle moment
    // the app moves to an order's detail address, as AliExpress's own links do, without loading a page
    await p.evaluate((id) => history.pushState({}, '', `/p/order/detail.html?orderId=${id}`), orders[1].orderId);
    await p.waitForTimeout(300);
    await p.keyboard.press('Alt+Shift+A');
    const sidebar = p.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
    await sidebar.waitFor();
    await expect.poll(() => sidebar.getByRole('heading', { name: new RegExp(orders[1].orderId) }).count()).toBeGreaterThan(0);
  } finally {
    await p.close();
  }
});
