// Order list, detail and tracking pages: read the page, hand the reading to the background, badge
// every order, and offer the sidebar. Reads again when AliExpress appends cards ("View orders") or the
// single-page app navigates.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { readOrderPage } from '../../utils/aliexpress/order-pages';
import { badgeAnchors, listAnchors } from '../../utils/aliexpress/anchors';
import { readOrderCards } from '../../utils/aliexpress/order-list';
import type { PageReading } from '../../utils/types';
import { ORDER_PAGE_MATCHES, pageFromUrl } from '../../utils/aliexpress/urls';
import type { Message } from '../../utils/messaging';
import { BADGE_HOST, createBadgeLayer } from '../../components/page/badges';
import { mountSidebar, SIDEBAR_HOST } from '../../components/page/sidebar';
import { stores } from '../../utils/store/vanilla';
import { t } from '../../utils/i18n/page';

/** AliProof's own badges and sidebar are not page changes. */
const isOwnNode = (n: Node) => [BADGE_HOST, SIDEBAR_HOST].includes((n as Element).localName);

const REREAD_DELAY_MS = 150;
/** cards read and badged in one go before the page gets its turn */
const CHUNK = 250;

export default defineContentScript({
  matches: ORDER_PAGE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let lastSent = '';
    let lastSave: Promise<boolean> = Promise.resolve(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // badges need the settings, the user's facts and the stored orders on this page (not all of them:
    // the sidebar loads those when it opens); drawn once these are in, so each badge is drawn once
    // (a storage that cannot be read leaves the badges drawn from the page alone)
    const ready = stores.startForBadges().catch(() => undefined);
    const storedOrders = (orders: { orderId: string }[]) =>
      Promise.all([ready, stores.cases.include(orders.map((o) => o.orderId)).catch(() => undefined)]);
    const page = {
      get kind() {
        return pageFromUrl(location.href).kind;
      },
      get orderId() {
        return pageFromUrl(location.href).orderId;
      },
      reading: () => readOrderPage(document, { url: location.href, now: new Date() }),
    };
    // the edge tab goes in with the first badges (one style and layout pass for both, not two)
    let sidebar: ReturnType<typeof mountSidebar> | undefined;
    const withSidebar = (use: (s: Awaited<ReturnType<typeof mountSidebar>>) => void) =>
      void (sidebar ??= mountSidebar(ctx, { orderId: page.orderId, page })).then(use);
    const badges = createBadgeLayer(stores, (orderId) => withSidebar((s) => s.open(orderId)));

    const send = (reading: PageReading, url: string) => {
      const msg: Message = { type: 'page-read', url, reading };
      return browser.runtime.sendMessage(msg).then(
        (reply: { ok?: boolean; error?: string } | undefined) => {
          if (reply?.ok === false) withSidebar((s) => s.notice(t('page.saveFailed', { reason: reply.error ?? '?' })));
          return reply?.ok !== false;
        },
        () => false, // background not reachable (extension reloaded)
      ).then((saved) => {
        badges.saved(reading.orders.map((o) => o.orderId), saved);
        return saved;
      });
    };

    // Order lists: read only the cards without a badge yet (the list grows with "View orders"), a few
    // hundred at a time so a list of thousands never holds the page for long.
    const readList = async (url: string, now: Date) => {
      const fresh = listAnchors(document, badges.has);
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const part = fresh.slice(i, i + CHUNK);
        const { orders, problems } = readOrderCards(part.map((a) => a.card), { url, now });
        await storedOrders(orders);
        badges.add(part, orders);
        if (orders.length) void send({ kind: 'order-list', orders, problems }, url);
        if (i + CHUNK < fresh.length) await new Promise((r) => setTimeout(r));
      }
    };

    // Detail and tracking pages: one order, read whole each time the page changes.
    const readPage = async (url: string, now: Date) => {
      const reading = readOrderPage(document, { url, now });
      await storedOrders(reading.orders);
      badges.add(badgeAnchors(document, url, reading.kind), reading.orders);
      const key = url + JSON.stringify(reading.orders);
      if (key === lastSent) {
        // the same reading as the last one sent: stored by that save once it is done
        const ids = reading.orders.map((o) => o.orderId);
        void lastSave.then((saved) => badges.saved(ids, saved));
        return;
      }
      if (!reading.orders.length) return;
      lastSent = key;
      lastSave = send(reading, url).then((saved) => {
        if (!saved) lastSent = ''; // try again on the next change
        return saved;
      });
    };

    let reading: Promise<void> | undefined;
    let again = false;
    const read = async (): Promise<void> => {
      if (reading) {
        again = true; // one read at a time; the page changed meanwhile, so read once more after
        return;
      }
      const url = location.href;
      const now = new Date();
      badges.prune();
      reading = pageFromUrl(url).kind === 'order-list' ? readList(url, now) : readPage(url, now);
      try {
        await reading;
      } finally {
        withSidebar(() => undefined);
        reading = undefined;
        if (again) {
          again = false;
          schedule();
        }
      }
    };

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), REREAD_DELAY_MS);
    };

    void read();
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
      withSidebar((s) => s.setDefaultOrder(pageFromUrl(location.href).orderId));
      schedule();
    });
  },
});
