// The badge layer on order pages: badges drawn from the stored order with the page's reading merged
// in, and redrawn when a save changes their order (only theirs).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBadgeLayer } from '@/components/page/badges';
import { createAliProofStores } from '@/utils/store/vanilla';
import { saveCases } from '@/utils/cases/case-storage';
import { facts, IN_TRANSIT, NOW, record } from '../store/factories';

const A = IN_TRANSIT;
const B = facts('8200000000000002', { ...IN_TRANSIT, orderId: '8200000000000002' });

function card(orderId: string) {
  const el = document.createElement('div');
  const place = document.createElement('div');
  el.append(place);
  document.body.append(el);
  return { orderId, card: el, place };
}
const badgeOf = (c: { card: Element }) => c.card.querySelector('aliproof-badge')!.shadowRoot!.querySelector<HTMLElement>('[data-aliproof="badge"]')!;

beforeEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

it('draws from the stored order and the page, then follows saves of its own order only', async () => {
  await saveCases([record(A), record(B)]);
  const stores = createAliProofStores();
  await stores.startForBadges();
  await stores.cases.include([A.orderId, B.orderId]);
  const layer = createBadgeLayer(stores, () => undefined);
  const a = card(A.orderId);
  const b = card(B.orderId);
  // the page says B was delivered on Aug 1: its badge counts from that at once (not after the save)
  expect(layer.add([a, b], [A, { ...B, status: 'completed', deliveredOn: '2026-08-01' }])).toBe(2);
  const closesA = badgeOf(a).dataset.closesOn;
  const closesB = badgeOf(b).dataset.closesOn;
  expect(closesB).not.toBe(closesA);

  // a save that changes A (delivered) redraws A; B's badge is not touched
  const touched: string[] = [];
  const watch = (c: { card: Element; orderId: string }) =>
    new MutationObserver(() => touched.push(c.orderId)).observe(badgeOf(c), { attributes: true, childList: true, subtree: true, characterData: true });
  watch(a);
  watch(b);
  await saveCases([record(A), record({ ...B, status: 'completed', deliveredOn: '2026-08-01' })]);
  layer.saved([A.orderId, B.orderId]); // the background stored this page's reading
  await Promise.resolve();
  expect(touched).toEqual([]); // nothing on screen changes: it was drawn that way already
  await saveCases([record({ ...A, status: 'completed', deliveredOn: '2026-07-31' })]);
  await vi.waitFor(() => expect(badgeOf(a).dataset.closesOn).not.toBe(closesA));
  expect(badgeOf(b).dataset.closesOn).toBe(closesB);
  expect(touched.every((id) => id === A.orderId)).toBe(true);
  expect(layer.add([a, b], [])).toBe(0); // never two badges on a card
  layer.destroy();
  stores.stop();
});

it('keeps showing the page reading when the background could not store it', async () => {
  await saveCases([record(A)]);
  const stores = createAliProofStores();
  await stores.startForBadges();
  await stores.cases.include([A.orderId]);
  const layer = createBadgeLayer(stores, () => undefined);
  const a = card(A.orderId);
  layer.add([a], [{ ...A, status: 'completed', deliveredOn: '2026-08-01' }]);
  const fromPage = badgeOf(a).dataset.closesOn;
  layer.saved([A.orderId], false);
  expect(fromPage).toBe('2026-08-16'); // delivered Aug 1 + 15 days
  // another tab stores news of the order (still in transit there): the badge is redrawn with this
  // page's reading still merged in (the stored record alone would show the not-received clock)
  await saveCases([record({ ...A, paymentMethod: 'PayPal' })]);
  await vi.waitFor(() => expect(stores.cases.store.getState().value.cases[A.orderId].facts.paymentMethod).toBe('PayPal'));
  await Promise.resolve();
  expect(badgeOf(a).dataset.closesOn).toBe(fromPage);
  layer.destroy();
  stores.stop();
});
