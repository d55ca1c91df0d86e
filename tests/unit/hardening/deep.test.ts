// Deeply nested markup: every saved page wrapped in thousands of <div>s, and a generated order list
// whose card and store name sit 5,000 levels deep, read exactly as the flat page (no stack overflow, no
// order lost). Chromium itself stops laying out pages around 3,000 levels (tests/e2e/hostile.test.ts
// runs the extension at 2,000); the readers get more here.
import { readInputs } from '../../../utils/reading';
import { orderCard, orderListPage, sampleOrders } from '../../../scripts/lib/sample-pages';
import { fixtureNames, fixtureText, parseHtml } from '../helpers/fixtures';

const NOW = new Date('2026-11-21T12:00:00');
const read = (html: string, url?: string) => readInputs([{ content: html, url }], { now: NOW, parseHtml });
const wrap = (html: string, depth: number) =>
  html.replace(/<body([^>]*)>/i, (m) => m + '<div>'.repeat(depth)).replace(/<\/body>/i, '</div>'.repeat(depth) + '</body>');

// The chat finder weighs every element by its whole subtree, so its work grows with depth²: in the
// browser 2,000 levels take ~0.2 s; here (linkedom) the chat pages get 2,000 levels to keep the run short.
const depthOf = (name: string) => (name.startsWith('chat-') ? 2_000 : 5_000);

describe('deeply nested saved pages read like the flat ones', () => {
  it.each(fixtureNames().filter((f) => f.endsWith('.html')))('%s', (name) => {
    const html = fixtureText(name);
    const flat = read(html);
    const deep = read(wrap(html, depthOf(name)));
    expect(deep.orders).toEqual(flat.orders);
    expect(deep.chat).toEqual(flat.chat);
    expect(deep.problems).toEqual(flat.problems);
  }, 60_000);
});

it('a card, and a store name inside a card, 5,000 levels deep', () => {
  const orders = sampleOrders(4, NOW);
  const deepCard = orderCard(orders[1], 2);
  const storeCard = orderCard(orders[2], 3);
  const deepName = storeCard.replace(`<span>${orders[2].store}</span>`, '<span>'.repeat(5_000) + orders[2].store + '</span>'.repeat(5_000));
  const html = orderListPage(orders)
    .replace(deepCard, '<div class="wrap">'.repeat(5_000) + deepCard + '</div>'.repeat(5_000))
    .replace(storeCard, deepName);
  const r = read(html, 'https://www.aliexpress.com/p/order/index.html');
  expect(r.orders.map((o) => o.orderId)).toEqual(orders.map((o) => o.orderId));
  expect(r.orders.map((o) => o.placedOn)).toEqual(orders.map((o) => o.placedOn));
  expect(r.orders[2].store?.name).toBe(orders[2].store);
});
