// The built extension in real Chromium reads AliExpress order pages (saved pages served at the real
// addresses) and the background's case store then holds those orders with the facts the pages show.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, storedCases, waitFor, type ExtensionBrowser } from './browser';
import type { CaseStore } from '../../utils/cases/case-store';
import type { OrderFacts } from '../../utils/types';

const FIXTURES = resolve(__dirname, '..', 'fixtures', 'aliexpress');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const expectedOrders = (name: string): Partial<OrderFacts>[] =>
  JSON.parse(fixture(name.replace(/\.html$/, '.expected.json'))).expect.orders;

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL_FIXTURE = 'detail-2026-en.html';

let b: ExtensionBrowser;

beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

const readCases = (): Promise<CaseStore['cases']> => storedCases(b.worker);

/** Stored facts hold no computed deadlines; compare only what the pages state. */
function facts(o: Partial<OrderFacts>) {
  const { deadlines: _d, next: _n, ...rest } = o;
  return rest;
}

it('keeps every order of the order list and the detail page, merged by order id', async () => {
  const listOrders = expectedOrders('list-2026-en.html');
  const detailOrders = expectedOrders(DETAIL_FIXTURE);
  const detailId = detailOrders[0].orderId!;
  const detailUrl = `https://www.aliexpress.com/p/order/detail.html?orderId=${detailId}`;
  b.serve(LIST_URL, { body: fixture('list-2026-en.html') });
  b.serve(detailUrl, { body: fixture(DETAIL_FIXTURE) });

  const page = await b.context.newPage();
  await page.goto(LIST_URL);
  const afterList = await waitFor(async () => {
    const cases = await readCases();
    return listOrders.every((o) => cases[o.orderId!]) && cases;
  }, 'the list orders in the case store');
  for (const o of listOrders) {
    expect(afterList[o.orderId!].facts).toMatchObject(facts(o));
    expect(afterList[o.orderId!].sources[0]).toMatchObject({ kind: 'order-list', url: LIST_URL });
  }

  await page.goto(detailUrl);
  const afterDetail = await waitFor(async () => {
    const cases = await readCases();
    return cases[detailId]?.sources.some((s) => s.kind === 'order-detail') && cases;
  }, 'the detail order in the case store');
  expect(afterDetail[detailId].facts).toMatchObject(facts(detailOrders[0]));
  expect(afterDetail[detailId].seen.placedOn?.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  // the list orders are still there
  expect(Object.keys(afterDetail)).toEqual(expect.arrayContaining(listOrders.map((o) => o.orderId!)));
});

it('reads cards appended later ("View orders")', async () => {
  const more = expectedOrders('list-2026-en-more.html');
  const page = await b.context.newPage();
  await page.goto(LIST_URL);
  // append the extra cards the way AliExpress does: into the same container, after load
  const extraHtml = fixture('list-2026-en-more.html');
  await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const cards = Array.from(doc.querySelectorAll('.order-item'));
    const existing = new Set(Array.from(document.querySelectorAll('.order-item a[href*="orderId="]')).map((a) => a.getAttribute('href')));
    const container = document.querySelector('.order-item')!.parentElement!;
    for (const c of cards) {
      const href = c.querySelector('a[href*="orderId="]')?.getAttribute('href');
      if (!existing.has(href ?? null)) container.appendChild(document.importNode(c, true));
    }
  }, extraHtml);
  await waitFor(async () => {
    const cases = await readCases();
    return more.every((o) => cases[o.orderId!]);
  }, 'the appended orders in the case store');
});

it('answers a saved reading with what its badges need: the orders as stored, their user facts, the settings', async () => {
  const [first, second] = expectedOrders('list-2026-en.html');
  await b.worker.evaluate(
    ([a, other]) =>
      (globalThis as any).chrome.storage.local.set({
        userFacts: { [a]: { deliveredOn: { value: '2026-07-30', at: '2026-08-01T00:00:00.000Z' } }, [other]: { status: { value: 'completed', at: '2026-08-01T00:00:00.000Z' } } },
        settings: { language: 'ko', ruleOverrides: { 'R-AD-15': 7 } },
      }),
    [first.orderId!, '8299999999999999'],
  );
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  const reading = { kind: 'order-list', orders: [first, second], problems: [] };
  const reply = await page.evaluate((r) => (globalThis as any).chrome.runtime.sendMessage({ type: 'page-read', url: 'https://www.aliexpress.com/p/order/index.html', reading: r }), reading);
  await page.close();
  const stored = await readCases();
  expect(reply.ok).toBe(true);
  expect(reply.badges.cases).toEqual({ [first.orderId!]: stored[first.orderId!], [second.orderId!]: stored[second.orderId!] });
  // only the facts of the orders read, and the settings complete
  expect(Object.keys(reply.badges.userFacts)).toEqual([first.orderId]);
  expect(reply.badges.settings).toMatchObject({ language: 'ko', ruleOverrides: { 'R-AD-15': 7 }, redactByDefault: true });
});
