// The order-page code after AliProof was updated or reloaded under an open page: the copy left on the
// page stops at the page's next change instead of reading and sending on (its extension calls would fail).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runOrderPage } from '@/components/page/order-page';
import { orderCard, sampleOrders } from '../../../scripts/lib/sample-pages';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

/** An order card, appended to the list as "View orders" would, and on screen. */
function appendCard(index: number) {
  const [order] = sampleOrders(1, new Date(), index);
  const holder = document.createElement('div');
  holder.innerHTML = orderCard(order, index + 1);
  const card = holder.firstElementChild!;
  card.getBoundingClientRect = () => ({ top: 10, bottom: 200, left: 0, right: 800, width: 800, height: 190, x: 0, y: 10, toJSON: () => ({}) });
  document.querySelector('.comet-checkbox-group')!.append(card);
  return order.orderId;
}

type Sent = { mock: { calls: unknown[][] } };
const sentIds = (send: Sent) =>
  send.mock.calls.flatMap(([msg]) => ((msg as { reading?: { orders?: { orderId: string }[] } }).reading?.orders ?? []).map((o) => o.orderId));

let send: Sent;
beforeEach(() => {
  fakeBrowser.reset();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(LIST_URL);
  document.body.innerHTML = '<div class="comet-checkbox-group"></div>';
  send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
});
afterEach(() => vi.restoreAllMocks());

it('reads and sends the cards the page adds while AliProof is there', async () => {
  runOrderPage();
  const id = appendCard(0);
  await vi.waitFor(() => expect(sentIds(send)).toContain(id), { timeout: 2000 });
});

it('stops at the next page change once AliProof is gone from the page', async () => {
  runOrderPage();
  const before = appendCard(0);
  await vi.waitFor(() => expect(sentIds(send)).toContain(before), { timeout: 2000 });
  Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true });
  const after = appendCard(1);
  await new Promise((r) => setTimeout(r, 600)); // three times the wait before a re-read
  expect(sentIds(send)).not.toContain(after);
  expect(document.querySelectorAll('aliproof-badge')).toHaveLength(1);
});
