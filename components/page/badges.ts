// The badges on AliExpress order pages: plain DOM in one shadow root per badge, redrawn when the
// stored case, the user's facts or the settings change. No React here: this runs on every order page.
import type { OrderFacts } from '../../utils/types';
import type { BadgeAnchor } from '../../utils/aliexpress/anchors';
import { orderForBadge } from '../../utils/store/effective';
import type { BadgeStores } from '../../utils/store/page-stores';
import { getLanguage, languageStore } from '../../utils/i18n/page';
import { renderBadge } from '../badge-dom';
import css from '../badge.css?inline';

export const BADGE_HOST = 'aliproof-badge';

interface Mounted {
  orderId: string;
  root: HTMLElement;
  /** the inputs it was last drawn from (cheap to compare): the same inputs draw the same badge */
  drawnFrom?: { record?: object; page?: object; rest: string };
}

// One parsed style sheet shared by every badge's shadow root (parsing it per badge cost more than the
// badges); a <style> per badge where constructed sheets cannot be adopted (older Firefox).
let shared: CSSStyleSheet | null | undefined;
function styleInto(shadow: ShadowRoot) {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(css);
    } catch {
      shared = null;
    }
  }
  if (shared) {
    try {
      shadow.adoptedStyleSheets = [shared];
      return;
    } catch {
      shared = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

export function createBadgeLayer(stores: BadgeStores, onOpen: (orderId: string) => void) {
  const mounted = new Map<Element, Mounted>(); // card -> its badge
  const pageFacts = new Map<string, OrderFacts>();
  /** orders whose page reading the background is storing: their save's echo is not redrawn (saved() is) */
  const saving = new Set<string>();

  function draw(m: Mounted, now: Date) {
    const record = stores.cases.store.getState().value.cases[m.orderId];
    const mine = stores.userFacts.store.getState().value[m.orderId];
    const overrides = stores.settings.store.getState().value.ruleOverrides;
    const page = pageFacts.get(m.orderId);
    // stored records and page readings are replaced, never changed in place: identity tells
    const from = { record, page, rest: `${JSON.stringify(mine)}|${JSON.stringify(overrides)}|${getLanguage()}|${now.toDateString()}` };
    const last = m.drawnFrom;
    if (last && last.record === from.record && last.page === from.page && last.rest === from.rest) return;
    m.drawnFrom = from;
    const { order, sources } = orderForBadge(record, mine, page, { now, overrides });
    renderBadge(m.root, { orderId: m.orderId, order, sources, now, onOpen });
  }

  // several stores change together at start-up and after each save: redraw once for all of them
  let pending = false;
  /** orders to redraw at the next microtask; undefined: every badge */
  let only: Set<string> | undefined = new Set();
  const redraw = (orderIds?: Iterable<string>) => {
    if (!orderIds) only = undefined;
    else if (only) for (const id of orderIds) only.add(id);
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      const ids = only;
      pending = false;
      only = new Set();
      const now = new Date();
      for (const m of mounted.values()) if (!ids || ids.has(m.orderId)) draw(m, now);
    });
  };
  const redrawAll = () => redraw();
  // a save brings the orders it changed (the others keep their record objects): on a list of
  // thousands, "View orders" then redraws only the new cards' badges
  const redrawChangedOrders = (next: { value: { cases: Record<string, unknown> } }, prev: { value: { cases: Record<string, unknown> } }) => {
    const ids = new Set<string>();
    for (const id of Object.keys(next.value.cases)) if (next.value.cases[id] !== prev.value.cases[id] && !saving.has(id)) ids.add(id);
    for (const id of Object.keys(prev.value.cases)) if (!(id in next.value.cases)) ids.add(id);
    if (ids.size) redraw(ids);
  };
  const unsubscribe = [
    stores.cases.store.subscribe(redrawChangedOrders),
    stores.userFacts.store.subscribe(redrawAll),
    stores.settings.store.subscribe(redrawAll),
    languageStore.subscribe(redrawAll),
  ];
  // days left change at midnight without a reload
  const timer = setInterval(redrawAll, 60_000);

  return {
    /** Badge every anchor that has none yet; returns how many were added. A card never gets two. */
    add(anchors: BadgeAnchor[], read: OrderFacts[]): number {
      for (const o of read) {
        pageFacts.set(o.orderId, o);
        saving.add(o.orderId);
      }
      const now = new Date();
      let added = 0;
      for (const a of anchors) {
        if (mounted.has(a.card) || a.card.querySelector(BADGE_HOST)) continue;
        const host = document.createElement(BADGE_HOST);
        host.style.cssText = 'display:inline-block;vertical-align:middle;margin:0 8px 0 0;';
        const shadow = host.attachShadow({ mode: 'open' });
        styleInto(shadow);
        const root = document.createElement('span');
        shadow.append(root);
        const m: Mounted = { orderId: a.orderId, root };
        mounted.set(a.card, m);
        draw(m, now);
        a.place.prepend(host);
        added++;
      }
      return added;
    },
    /**
     * The background has stored the page's reading of these orders (or could not, `ok` false): from
     * now on their stored record alone is what they show (it may grow newer than this page, e.g. from a
     * detail page in another tab). A badge drawn from the record that is stored now already shows what
     * that record alone would (nothing new was written): it is not drawn again.
     */
    saved(orderIds: string[], ok = true) {
      const ids = new Set(orderIds);
      const cases = stores.cases.store.getState().value.cases;
      for (const id of ids) {
        saving.delete(id);
        if (ok) pageFacts.delete(id);
      }
      if (ok) {
        for (const m of mounted.values()) {
          if (ids.has(m.orderId) && m.drawnFrom && m.drawnFrom.record === cases[m.orderId]) m.drawnFrom = { ...m.drawnFrom, page: undefined };
        }
      }
      redraw(ids);
    },
    /** Forget badges whose cards left the page (single-page navigation). */
    prune() {
      for (const card of mounted.keys()) if (!card.isConnected) mounted.delete(card);
    },
    has: (card: Element) => mounted.has(card),
    count: () => mounted.size,
    destroy() {
      unsubscribe.forEach((u) => u());
      clearInterval(timer);
      mounted.clear();
    },
  };
}
