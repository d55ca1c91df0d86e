// Order-list cards waiting to be read, stored and badged. The cards on screen go at once; the others
// wait until the page has had a moment to itself and then go a slice at a time in its idle time, or
// half a screen before they scroll into view. So opening a long list costs the page only what the
// buyer can see, and every order on it is still stored within a few seconds.
import { cardAnchor, type BadgeAnchor } from '../../utils/aliexpress/anchors';

/** how far ahead of the screen, in screen heights, cards are taken while the buyer scrolls */
const AHEAD = 0.5;

/** Run work the buyer does not wait for when the page is idle (at most a second later). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

export interface CardQueueOptions {
  /** read, store and badge the cards of these anchors (never called with an empty list) */
  take: (anchors: BadgeAnchor[]) => Promise<unknown>;
  /** the wait before the first off-screen cards (ms) */
  restDelayMs?: number;
  /** off-screen cards taken per idle slice */
  slice?: number;
}

/** Where a card is against the screen (a card the page hides is hidden). */
export function screenPosition(card: Element, viewportHeight: number): 'hidden' | 'above' | 'on' | 'below' {
  const r = card.getBoundingClientRect();
  if (!r.width && !r.height) return 'hidden';
  if (r.bottom <= 0) return 'above';
  return r.top >= viewportHeight ? 'below' : 'on';
}

export function createCardQueue({ take, restDelayMs = 1000, slice = 250 }: CardQueueOptions) {
  const waiting = new Set<Element>();
  /** every card ever queued: a card is read and badged once, even if the page is read again meanwhile */
  const queued = new WeakSet<Element>();
  // one take at a time, in the order asked: a card is read once and its badge drawn once
  let chain: Promise<unknown> = Promise.resolve();
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  let delay = restDelayMs;
  let stopped = false;
  let scrolledNear: IntersectionObserver | undefined;
  /**
   * the rest of lists past their first card below the screen, not looked at yet: they wait too, but
   * are gone through only when the waiting cards are needed (taking a card from a list costs the
   * page, and a long list is mostly off screen)
   */
  let unseen: Iterator<Element>[] = [];
  const wait = (card: Element) => {
    if (queued.has(card)) return;
    queued.add(card);
    waiting.add(card);
    scrolledNear?.observe(card);
  };
  const drain = () => {
    const lists = unseen;
    unseen = [];
    for (const list of lists) for (let r = list.next(); !r.done; r = list.next()) wait(r.value);
  };
  const anyWaiting = () => waiting.size > 0 || unseen.length > 0;

  const run = (cards: Element[]): Promise<unknown> => {
    for (const card of cards) {
      waiting.delete(card);
      scrolledNear?.unobserve(card);
    }
    chain = chain
      .then(() => {
        const anchors = stopped ? [] : cards.flatMap((card) => (card.isConnected ? cardAnchor(card) ?? [] : []));
        return anchors.length ? take(anchors) : undefined;
      })
      .catch(() => undefined);
    return chain;
  };

  // cards that come within AHEAD of the screen go at once; watched only once the buyer scrolls (watching
  // costs the page), so the first scroll brings the next half screen's badges before those cards show
  const watchScrolling = () => {
    if (stopped || scrolledNear || typeof IntersectionObserver !== 'function') return;
    drain();
    scrolledNear = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting && waiting.has(e.target)).map((e) => e.target);
        if (near.length) void run(near);
      },
      { rootMargin: `${AHEAD * 100}% 0px` },
    );
    for (const card of waiting) scrolledNear.observe(card);
  };
  // scroll events do not bubble; caught on their way down, they tell of any scrolling part of the page
  document.addEventListener('scroll', watchScrolling, { capture: true, passive: true, once: true });

  /** work that waits for the next slice of cards (one page update for both), or for idle time */
  let alongside: (() => void)[] = [];
  const runAlongside = () => {
    const jobs = alongside;
    alongside = [];
    jobs.forEach((job) => job());
  };

  const takeRest = () => {
    if (stopped) return;
    drain();
    const next = [...waiting].slice(0, slice);
    if (next.length) void run(next).then(() => whenIdle(takeRest));
    void chain.then(runAlongside);
  };

  return {
    /**
     * Queue these cards (in page order); the ones on screen are taken at once. Resolves when
     * those are done (the rest follow later on their own).
     */
    add(cards: Iterable<Element>): Promise<unknown> {
      const height = document.documentElement.clientHeight || window.innerHeight;
      const now: Element[] = [];
      const list = cards[Symbol.iterator]();
      for (let r = list.next(); !r.done; r = list.next()) {
        const card = r.value;
        if (queued.has(card)) continue;
        const where = screenPosition(card, height);
        if (where === 'on') {
          queued.add(card);
          now.push(card);
          continue;
        }
        wait(card);
        // cards come in page order: past the first one below the screen, all are (not looked at yet)
        if (where === 'below') {
          unseen.push(list);
          break;
        }
      }
      // the page gets its moment once, after it loaded; cards it appends later wait only for idle time
      if (anyWaiting() && !restTimer) {
        restTimer = setTimeout(() => {
          restTimer = undefined;
          whenIdle(takeRest);
        }, delay);
        delay = 0;
      }
      return now.length ? run(now) : chain;
    },
    /** Run `job` with the next slice of off-screen cards, or when the page is idle if none wait. */
    alongside(job: () => void) {
      alongside.push(job);
      if (!anyWaiting()) whenIdle(runAlongside);
    },
    /** a card queued before (not to be looked at again) */
    has: (card: Element) => queued.has(card),
    /** cards waiting */
    size: () => {
      drain();
      return waiting.size;
    },
    stop() {
      stopped = true;
      unseen = [];
      clearTimeout(restTimer);
      scrolledNear?.disconnect();
      document.removeEventListener('scroll', watchScrolling, { capture: true });
      waiting.clear();
    },
  };
}
