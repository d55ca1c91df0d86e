// Badges and the sidebar on real AliExpress addresses, in real Chromium with the built extension.
import { differenceInCalendarDays, addDays, format } from 'date-fns';
import type { Page } from 'playwright-core';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './browser';
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

it('opens the sidebar from the keyboard, shows the clocks, and closes with Escape', async () => {
  await page.keyboard.press('Alt+Shift+A');
  const sidebar = page.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
  await sidebar.waitFor();
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
