// Order list, detail and tracking pages: read the page, hand the reading to the background, badge
// every order, and offer the sidebar. Reads again when AliExpress appends cards ("View orders") or the
// single-page app navigates. Runs in order-page.js (entrypoints/order-page.ts), which the order-page
// content script (entrypoints/order-page-loader.ts) imports.
import { browser } from 'wxt/browser';
import { ORDER_READERS_GLOBAL, ORDER_READERS_SCRIPT, type OrderReadersModule } from '../../utils/aliexpress/order-readers-contract';
import { loadScriptModule } from '../../utils/load-script';
import { badgeAnchors, listCards, type BadgeAnchor } from '../../utils/aliexpress/anchors';
import { readOrderCards } from '../../utils/aliexpress/order-list';
import type { PageReading } from '../../utils/types';
import { pageFromUrl } from '../../utils/aliexpress/urls';
import type { BadgeInputs, Message } from '../../utils/messaging';
import { BADGE_HOST, createBadgeLayer } from './badges';
import { isShortcut, mountSidebar, SIDEBAR_HOST } from './sidebar';
import { createCardQueue } from './card-queue';
import { createPageStores } from '../../utils/store/page-stores';
import { t } from '../../utils/i18n/page';
import { startPageLifetime } from './page-lifetime';

/** AliProof's own badges and sidebar are not page changes. */
const isOwnNode = (n: Node) => [BADGE_HOST, SIDEBAR_HOST].includes((n as Element).localName);

const REREAD_DELAY_MS = 150;

/** Everything AliProof does on an order page, for as long as the page (and this script) lives. */
export function runOrderPage(): void {
  const life = startPageLifetime('order-page', () => !!browser.runtime?.id);
  if (life.ended) return; // AliProof was updated or reloaded since this page opened
  let lastSent = '';
  let lastSave: Promise<boolean> = Promise.resolve(true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Badges need the settings, the user's facts and the stored orders. On lists the background sends
  // them with each save, so the first badges are drawn without reading storage; detail and tracking
  // pages read them before drawing, so each badge is drawn once. Storage is followed from then on
  // (other tabs, the sidebar). A storage that cannot be read leaves the badges drawn from the page.
  const stores = createPageStores();
  const storedOrders = (orders: { orderId: string }[]) =>
    Promise.all([stores.follow(), stores.load(orders.map((o) => o.orderId))]).catch(() => undefined);
  const page = {
    get kind() {
      return pageFromUrl(location.href).kind;
    },
    get orderId() {
      return pageFromUrl(location.href).orderId;
    },
  };
  let sidebar: ReturnType<typeof mountSidebar> | undefined;
  const withSidebar = (use: (s: Awaited<ReturnType<typeof mountSidebar>>) => void) =>
    void (sidebar ??= mountSidebar(life, { orderId: page.orderId, page })).then(use);
  const badges = createBadgeLayer(stores, (orderId) => withSidebar((s) => s.open(orderId)));
  // the shortcut works from the start, before the edge tab is in (the sidebar then takes it over)
  life.listen<KeyboardEvent>(
    window,
    'keydown',
    (e) => {
      if (sidebar || !isShortcut(e)) return;
      e.preventDefault();
      withSidebar((s) => s.open());
    },
    { capture: true },
  );

  /** Hand a reading to the background to store; what it answers is what the badges need. */
  const save = (reading: PageReading, url: string): Promise<{ saved: boolean; inputs?: BadgeInputs }> => {
    const msg: Message = { type: 'page-read', url, reading };
    return browser.runtime.sendMessage(msg).then(
      (reply: { ok?: boolean; error?: string; badges?: BadgeInputs } | undefined) => {
        if (reply?.ok === false) withSidebar((s) => s.notice(t('page.saveFailed', { reason: reply.error ?? '?' })));
        return { saved: reply?.ok !== false, inputs: reply?.badges };
      },
      () => ({ saved: false }), // background not reachable (extension reloaded)
    );
  };

  // Order lists: read only the cards without a badge yet (the list grows with "View orders"); the
  // ones on screen first, the rest a slice at a time once the page has had a moment to itself.
  const takeCards = async (part: BadgeAnchor[]) => {
    const url = location.href;
    const { orders, problems } = readOrderCards(part.map((a) => a.card), { url, now: new Date() });
    const ids = orders.map((o) => o.orderId);
    const { saved, inputs } = orders.length ? await save({ kind: 'order-list', orders, problems }, url) : { saved: true };
    if (inputs) stores.seed(inputs);
    else await stores.load(ids).catch(() => undefined);
    // stored: the stored record is what the badge shows; not stored: the page's reading over it
    badges.add(part, saved && inputs ? orders.filter((o) => !inputs.cases[o.orderId]) : orders);
    badges.saved(ids, saved);
    // following storage is not what the buyer waits for: it starts with the next cards
    if (!following) {
      following = true;
      cards.alongside(() => void stores.follow().catch(() => undefined));
    }
  };
  let following = false;
  const cards = createCardQueue({ take: takeCards });
  const readList = async () => {
    await cards.add(listCards(document));
  };

  // Detail and tracking pages: one order, read whole each time the page changes.
  // (their readers are loaded on those pages only: lists, opened most, need just the list reader)
  const readPage = async (url: string, now: Date) => {
    const kind = pageFromUrl(url).kind;
    if (kind !== 'order-detail' && kind !== 'tracking') return;
    const readers = await loadScriptModule<OrderReadersModule>(ORDER_READERS_SCRIPT, ORDER_READERS_GLOBAL, 'the page reader').catch(() => undefined);
    if (!readers) return; // AliProof was updated or reloaded since this page opened
    const reading = readers.readOrderPage(document, { url, now });
    await storedOrders(reading.orders);
    badges.add(badgeAnchors(document, url, reading.kind), reading.orders);
    const ids = reading.orders.map((o) => o.orderId);
    const key = url + JSON.stringify(reading.orders);
    if (key === lastSent) {
      // the same reading as the last one sent: stored by that save once it is done
      void lastSave.then((saved) => badges.saved(ids, saved));
      return;
    }
    if (!reading.orders.length) return;
    lastSent = key;
    lastSave = save(reading, url).then(({ saved }) => {
      badges.saved(ids, saved);
      if (!saved) lastSent = ''; // try again on the next change
      return saved;
    });
  };

  let reading: Promise<void> | undefined;
  let again = false;
  const read = async (): Promise<void> => {
    if (life.ended) return; // AliProof was updated or reloaded meanwhile: this copy stops here
    if (reading) {
      again = true; // one read at a time; the page changed meanwhile, so read once more after
      return;
    }
    const url = location.href;
    const now = new Date();
    badges.prune();
    reading = pageFromUrl(url).kind === 'order-list' ? readList() : readPage(url, now);
    try {
      await reading;
    } finally {
      // the edge tab is not what the buyer came for: it goes in with the next cards (or when the page
      // is idle), not in the update that brings the badges on screen
      if (sidebar) withSidebar(() => undefined);
      else cards.alongside(() => withSidebar(() => undefined));
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
    if (life.ended) return; // (ending disconnects it)
    const pageChanged = records.some((r) => ![...r.addedNodes, ...r.removedNodes].every(isOwnNode));
    if (pageChanged) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  life.onEnd(() => {
    observer.disconnect();
    cards.stop();
    badges.destroy();
    stores.stop();
  });
  // the single-page app's own navigations (another tab of the list, an order opened in place); the
  // page changes its content too, which the observer above sees. Watched from when the page is idle:
  // no one navigates in the moment the first badges are drawn, and watching costs the page
  cards.alongside(() =>
    life.onNavigate(() => {
      withSidebar((s) => s.setDefaultOrder(pageFromUrl(location.href).orderId));
      schedule();
    }),
  );
}
