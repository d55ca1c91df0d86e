// Order list, detail and tracking pages: read the page, hand the reading to the background, badge
// every order, and offer the sidebar. Reads again when AliExpress appends cards ("View orders") or the
// single-page app navigates.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { readDocument } from '../../utils/aliexpress';
import { badgeAnchors, listAnchors, type BadgeAnchor } from '../../utils/aliexpress/anchors';
import { readOrderCards } from '../../utils/aliexpress/order-list';
import type { PageReading } from '../../utils/types';
import { ORDER_PAGE_MATCHES, pageFromUrl } from '../../utils/aliexpress/urls';
import type { Message } from '../../utils/messaging';
import { BADGE_HOST, createBadgeLayer } from '../../components/page/badges';
import { mountSidebar, SIDEBAR_HOST } from '../../components/page/sidebar';
import { stores } from '../../utils/store/vanilla';

/** AliProof's own badges and sidebar are not page changes. */
const isOwnNode = (n: Node) => [BADGE_HOST, SIDEBAR_HOST].includes((n as Element).localName);

const REREAD_DELAY_MS = 150;

export default defineContentScript({
  matches: ORDER_PAGE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let lastSent = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    void stores.start();
    const page = {
      get kind() {
        return pageFromUrl(location.href).kind;
      },
      get orderId() {
        return pageFromUrl(location.href).orderId;
      },
      reading: () => readDocument(document, { url: location.href, now: new Date() }),
    };
    const sidebar = await mountSidebar(ctx, { orderId: page.orderId, page });
    const badges = createBadgeLayer(stores, (orderId) => sidebar.open(orderId));

    let readUrl = '';
    const read = () => {
      const url = location.href;
      const now = new Date();
      badges.prune();
      let reading: PageReading;
      let anchors: BadgeAnchor[];
      if (url === readUrl && pageFromUrl(url).kind === 'order-list') {
        // the list only grows ("View orders"): read just the cards without a badge yet
        anchors = listAnchors(document).filter((a) => !badges.has(a.card));
        if (!anchors.length) return;
        reading = { kind: 'order-list', ...readOrderCards(anchors.map((a) => a.card), { url, now }) };
      } else {
        reading = readDocument(document, { url, now });
        anchors = badgeAnchors(document, url, reading.kind);
        readUrl = url;
      }
      badges.add(anchors, reading.orders);
      const key = JSON.stringify(reading.orders);
      if (key === lastSent || !reading.orders.length) return;
      lastSent = key;
      const msg: Message = { type: 'page-read', url, reading };
      browser.runtime.sendMessage(msg).catch(() => {
        lastSent = ''; // background not reachable (extension reloaded): try again on the next change
        readUrl = '';
      });
    };

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(read, REREAD_DELAY_MS);
    };

    read();
    const observer = new MutationObserver((records) => {
      const pageChanged = records.some((r) => ![...r.addedNodes, ...r.removedNodes].every(isOwnNode));
      if (pageChanged) schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      badges.destroy();
      stores.stop();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      sidebar.setDefaultOrder(pageFromUrl(location.href).orderId);
      schedule();
    });
  },
});
