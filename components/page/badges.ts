// The badges on AliExpress order pages: plain DOM in one shadow root per badge, redrawn when the
// stored case, the user's facts or the settings change. No React here: this runs on every order page.
import type { OrderFacts } from '../../utils/types';
import type { BadgeAnchor } from '../../utils/aliexpress/anchors';
import { orderForBadge } from '../../utils/store/effective';
import type { AliProofStores } from '../../utils/store/vanilla';
import { languageStore } from '../../utils/i18n/core';
import { renderBadge } from '../badge-dom';
import css from '../styles.css?inline';

export const BADGE_HOST = 'aliproof-badge';

interface Mounted {
  orderId: string;
  root: HTMLElement;
}

export function createBadgeLayer(stores: AliProofStores, onOpen: (orderId: string) => void) {
  const mounted = new Map<Element, Mounted>(); // card -> its badge
  const pageFacts = new Map<string, OrderFacts>();

  function draw(m: Mounted, now: Date) {
    const cases = stores.cases.store.getState().value.cases;
    const userFacts = stores.userFacts.store.getState().value;
    const overrides = stores.settings.store.getState().value.ruleOverrides;
    const { order, sources } = orderForBadge(cases[m.orderId], userFacts[m.orderId], pageFacts.get(m.orderId), { now, overrides });
    renderBadge(m.root, { orderId: m.orderId, order, sources, now, onOpen });
  }

  const redrawAll = () => {
    const now = new Date();
    for (const m of mounted.values()) draw(m, now);
  };
  const unsubscribe = [
    stores.cases.store.subscribe(redrawAll),
    stores.userFacts.store.subscribe(redrawAll),
    stores.settings.store.subscribe(redrawAll),
    languageStore.subscribe(redrawAll),
  ];
  // days left change at midnight without a reload
  const timer = setInterval(redrawAll, 60_000);

  return {
    /** Badge every anchor that has none yet; returns how many were added. A card never gets two. */
    add(anchors: BadgeAnchor[], read: OrderFacts[]): number {
      for (const o of read) pageFacts.set(o.orderId, o);
      const now = new Date();
      let added = 0;
      for (const a of anchors) {
        if (mounted.has(a.card) || a.card.querySelector(BADGE_HOST)) continue;
        const host = document.createElement(BADGE_HOST);
        host.style.cssText = 'display:inline-block;vertical-align:middle;margin:0 8px 0 0;';
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = css;
        const root = document.createElement('span');
        shadow.append(style, root);
        const m = { orderId: a.orderId, root };
        mounted.set(a.card, m);
        draw(m, now);
        a.place.prepend(host);
        added++;
      }
      return added;
    },
    /** Forget badges whose cards left the page (single-page navigation). */
    prune() {
      for (const card of mounted.keys()) if (!card.isConnected) mounted.delete(card);
    },
    count: () => mounted.size,
    destroy() {
      unsubscribe.forEach((u) => u());
      clearInterval(timer);
      mounted.clear();
    },
  };
}
