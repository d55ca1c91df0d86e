// The order-list queue: cards on screen are read and badged at once, the others later in slices (or
// when the buyer scrolls), each exactly once.
import { createCardQueue, screenPosition } from '@/components/page/card-queue';
import type { BadgeAnchor } from '@/utils/aliexpress/anchors';

const SCREEN = 900;
const CARD = 200;

/** A list of order cards laid out one under the other, CARD px each (happy-dom has no layout). */
function list(n: number, { scrolledTo = 0 } = {}) {
  document.body.replaceChildren();
  const cards: Element[] = [];
  for (let i = 0; i < n; i++) {
    const card = document.createElement('div');
    card.className = 'order-item';
    const id = String(8200000000000000 + i);
    card.innerHTML = `<div class="order-item-header-right"><a data-pl="order_item_header_detail" href="https://www.aliexpress.com/p/order/detail.html?orderId=${id}">Details</a></div>`;
    const top = i * CARD - scrolledTo;
    card.getBoundingClientRect = () => ({ top, bottom: top + CARD, left: 0, right: 800, width: 800, height: CARD, x: 0, y: top, toJSON: () => ({}) });
    document.body.append(card);
    cards.push(card);
  }
  return cards;
}

function recorder() {
  const taken: string[][] = [];
  const take = vi.fn(async (anchors: BadgeAnchor[]) => {
    taken.push(anchors.map((a) => a.orderId));
  });
  return { taken, take, ids: () => taken.flat() };
}

const idOf = (i: number) => String(8200000000000000 + i);

beforeEach(() => {
  Object.defineProperty(document.documentElement, 'clientHeight', { value: SCREEN, configurable: true });
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

it('tells where a card is against the screen', () => {
  const [first, , , , fifth, sixth] = list(10);
  expect(screenPosition(first, SCREEN)).toBe('on');
  expect(screenPosition(fifth, SCREEN)).toBe('on'); // 800–1,000 px: partly on screen
  expect(screenPosition(sixth, SCREEN)).toBe('below'); // starts at 1,000 px, below the 900 px screen
  const hidden = document.createElement('div');
  document.body.append(hidden);
  expect(screenPosition(hidden, SCREEN)).toBe('hidden'); // no box: the page hides it
  const [above] = list(10, { scrolledTo: 1200 });
  expect(screenPosition(above, SCREEN)).toBe('above'); // bottom -1,000 px
  const [, , , , , , aboveByOne] = list(10, { scrolledTo: 1400 });
  expect(screenPosition(aboveByOne, SCREEN)).toBe('above'); // 1,200–1,400 px, scrolled past
  expect(screenPosition(list(10, { scrolledTo: 1400 })[7], SCREEN)).toBe('on'); // 1,400–1,600: at the top
});

it('takes the cards on screen at once and the others after the delay, in slices, each once', async () => {
  const cards = list(100);
  const r = recorder();
  const queue = createCardQueue({ take: r.take, restDelayMs: 1000, slice: 40 });
  await queue.add(cards);
  // the 900 px screen: cards 0–3 and card 4 (800–1,000 px), partly on it
  expect(r.taken).toEqual([[0, 1, 2, 3, 4].map(idOf)]);
  expect(queue.size()).toBe(95);
  expect(queue.has(cards[50]) && queue.has(cards[0])).toBe(true); // queued: not to be added again

  await vi.advanceTimersByTimeAsync(999);
  expect(r.taken).toHaveLength(1); // the page has its moment first
  await vi.advanceTimersByTimeAsync(5000);
  expect(r.taken.slice(1).map((s) => s.length)).toEqual([40, 40, 15]);
  expect(r.ids()).toEqual(cards.map((_, i) => idOf(i)));
  expect(queue.size()).toBe(0);
});

it('adds a card only once, and skips cards that left the page or have no order id', async () => {
  const cards = list(12);
  const r = recorder();
  const queue = createCardQueue({ take: r.take, restDelayMs: 10 });
  await queue.add(cards);
  await queue.add(cards); // the same cards again (a re-read before they were taken)
  cards[10].remove();
  cards[11].querySelector('a')!.remove(); // no order id left in it
  await vi.advanceTimersByTimeAsync(1000);
  expect(r.ids()).toEqual(cards.slice(0, 10).map((_, i) => idOf(i)));
});

it('measures no card past the first one below the screen', async () => {
  const cards = list(50);
  const asked = vi.fn();
  for (const card of cards.slice(6)) {
    const rect = card.getBoundingClientRect;
    card.getBoundingClientRect = () => (asked(), rect());
  }
  await createCardQueue({ take: recorder().take }).add(cards);
  expect(asked).toHaveBeenCalledTimes(0); // card 5 (1,000 px) is below: the ones after it are not measured
});

it('takes no card from the list past the first one below the screen until the waiting cards are needed', async () => {
  const cards = list(50);
  let handedOver = 0;
  const lazy = {
    *[Symbol.iterator]() {
      for (const c of cards) {
        handedOver++;
        yield c;
      }
    },
  };
  const r = recorder();
  const queue = createCardQueue({ take: r.take, restDelayMs: 100 });
  await queue.add(lazy);
  expect(handedOver).toBe(6); // cards 0–4 on the screen, card 5 below
  await vi.advanceTimersByTimeAsync(1000); // the rest, in idle time
  expect(handedOver).toBe(50);
  expect(r.ids()).toEqual(cards.map((_, i) => idOf(i)));

  // the same when the buyer scrolls first: the waiting cards are watched, all of them
  const later = list(50);
  let seen = 0;
  const observed: Element[] = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observe(e: Element) {
        observed.push(e);
      }
      unobserve() {}
      disconnect() {}
    },
  );
  const scrolled = createCardQueue({ take: recorder().take, restDelayMs: 10_000 });
  await scrolled.add({
    *[Symbol.iterator]() {
      for (const c of later) {
        seen++;
        yield c;
      }
    },
  });
  expect(seen).toBe(6);
  document.dispatchEvent(new Event('scroll'));
  expect(seen).toBe(50);
  expect(observed.filter((c) => later.includes(c))).toEqual(later.slice(5)); // (other queues of this file listen too)
  scrolled.stop();
  vi.unstubAllGlobals();
});

it('runs side work with the next slice, or at idle time when nothing waits', async () => {
  const r = recorder();
  const queue = createCardQueue({ take: r.take, restDelayMs: 500 });
  await queue.add(list(20));
  const job = vi.fn(() => expect(r.taken).toHaveLength(2)); // after the first slice was taken
  queue.alongside(job);
  await vi.advanceTimersByTimeAsync(400);
  expect(job).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(2000);
  expect(job).toHaveBeenCalledTimes(1);

  const idle = createCardQueue({ take: r.take });
  await idle.add(list(3)); // all on screen: nothing waits
  const soon = vi.fn();
  idle.alongside(soon);
  await vi.advanceTimersByTimeAsync(1000);
  expect(soon).toHaveBeenCalledTimes(1);
});

it('takes nothing more once stopped', async () => {
  const r = recorder();
  const queue = createCardQueue({ take: r.take, restDelayMs: 10 });
  await queue.add(list(30));
  queue.stop();
  await vi.advanceTimersByTimeAsync(1000);
  expect(r.taken).toHaveLength(1);
  expect(queue.size()).toBe(0);
});

it('keeps going after a take that fails', async () => {
  const taken: string[] = [];
  let first = true;
  const queue = createCardQueue({
    take: async (anchors) => {
      if (first) {
        first = false;
        throw new Error('storage unavailable');
      }
      taken.push(...anchors.map((a) => a.orderId));
    },
    restDelayMs: 10,
  });
  await queue.add(list(20));
  await vi.advanceTimersByTimeAsync(1000);
  expect(taken).toEqual(Array.from({ length: 15 }, (_, i) => idOf(i + 5)));
});

it('cards appended later wait only for idle time, not for the first delay again', async () => {
  const cards = list(60);
  const r = recorder();
  const queue = createCardQueue({ take: r.take, restDelayMs: 1000 });
  await queue.add(cards.slice(0, 40));
  await vi.advanceTimersByTimeAsync(1500);
  expect(r.ids()).toHaveLength(40);
  await queue.add(cards.slice(40)); // "View orders": 20 more, below the screen
  await vi.advanceTimersByTimeAsync(50);
  expect(r.ids()).toEqual(cards.map((_, i) => idOf(i)));
});
