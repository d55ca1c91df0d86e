// Where AliProof puts its badges on AliExpress pages: one place per order card (list) or per page
// (detail, tracking). Pure: finds places, inserts nothing.
import type { PageKind } from '../types';
import { $, text } from './dom';
import { sel, type SelectorDef } from './reader';
import { orderIdFromHref, pageFromUrl } from './urls';
import { ORDER_LIST_SELECTORS as L } from './order-list';

const LIST = ['list-2026-en.html', 'list-2024-en.html', 'list-2026-ko.html', 'list-2026-sk.html'];

export const ANCHOR_SELECTORS: Record<string, SelectorDef> = {
  listHeaderRight: sel('.order-item-header-right', 'right side of a card header (date, id, Details): the badge goes first in it', LIST),
  detailStatus: sel('.order-status', 'detail page status block: the badge follows the status title', ['detail-2026-en.html', 'detail-2026-en-completed.html', 'detail-2026-ko.html']),
  trackingHeader: sel('[class*="arrival-time-v2--title"], [class*="arrival-time--title"]', 'tracking header (ETA / Delivered)', ['tracking-2026-v2-en.html', 'tracking-2025-gen2.html']),
  oldTrackingStatus: sel('div.status-title-text', 'old tracking page status line', ['tracking-old-track.html']),
  oldListHead: sel('.order-head', 'old list: head row of an order', ['list-old-trade.html']),
};

export interface BadgeAnchor {
  orderId: string;
  /** the order card (list) or page block the badge belongs to */
  card: Element;
  /** the element the badge is put into, as its first child */
  place: Element;
}

const ID_RUN = /(?<!\d)(\d{10,22})(?!\d)/;

/** The places for badges on this page, one per order; nothing when the page has none. */
export function badgeAnchors(doc: Document, url: string, kind: PageKind = pageFromUrl(url).kind): BadgeAnchor[] {
  try {
    if (kind === 'order-list') return listAnchors(doc);
    const orderId = pageFromUrl(url).orderId;
    if (!orderId) return [];
    const place =
      kind === 'order-detail'
        ? $(doc, ANCHOR_SELECTORS.detailStatus.css)
        : kind === 'tracking'
          ? $(doc, ANCHOR_SELECTORS.trackingHeader.css)?.parentElement ?? $(doc, ANCHOR_SELECTORS.oldTrackingStatus.css)
          : null;
    return place ? [{ orderId, card: place, place }] : [];
  } catch {
    return [];
  }
}

/**
 * The order cards of a list, new and old layout, in page order (no card is looked inside). Lazy: a
 * card is handed to script only when iterated to, so a long list whose first cards are all that is
 * wanted costs only those (each card handed over costs the browser a script object).
 */
export function listCards(root: Document | Element): Iterable<Element> {
  return {
    *[Symbol.iterator]() {
      yield* matchesAsNeeded(root, L.card.css);
      yield* matchesAsNeeded(root, L.oldCard.css);
    },
  };
}

/**
 * Elements matching `css`, found as they are asked for. A selector that is one class name is answered
 * from the browser's live class index one element at a time, so the search stops where iteration
 * stops; any other selector is searched for in the whole tree at once (querySelectorAll is not lazy).
 */
function* matchesAsNeeded(root: Document | Element, css: string): Generator<Element> {
  const oneClass = /^\.(-?[_a-zA-Z][\w-]*)$/.exec(css);
  if (oneClass) {
    const live = root.getElementsByClassName(oneClass[1]);
    // item(i) walks on from where the last one stopped; length (and so for…of) would walk the whole tree
    for (let i = 0, e = live.item(0); e; e = live.item(++i)) yield e;
    return;
  }
  try {
    yield* root.querySelectorAll(css);
  } catch {
    // a selector this browser cannot parse: no cards of that kind
  }
}

/** Where a card's badge goes, and its order id; undefined for a card without an order id. */
export function cardAnchor(card: Element): BadgeAnchor | undefined {
  try {
    if (!card.matches(L.oldCard.css)) {
      const orderId =
        orderIdFromHref($(card, L.detailLink.css)?.getAttribute('href')) ??
        orderIdFromHref($(card, L.orderIdLink.css)?.getAttribute('href')) ??
        ID_RUN.exec(text($(card, L.headerInfo.css)))?.[1];
      const place = $(card, ANCHOR_SELECTORS.listHeaderRight.css) ?? $(card, L.headerInfo.css) ?? card;
      return orderId ? { orderId, card, place } : undefined;
    }
    const orderId = orderIdFromHref($(card, L.oldDetailLink.css)?.getAttribute('href')) ?? ID_RUN.exec(text($(card, L.oldOrderId.css)))?.[1];
    const place = $(card, ANCHOR_SELECTORS.oldListHead.css)?.querySelector('td') ?? card;
    return orderId ? { orderId, card, place } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The badge places of a list's cards. Cards `skip` says yes to are left out before anything else is
 * looked up in them (cards already badged, on a list of thousands).
 */
export function listAnchors(root: Document | Element, skip: (card: Element) => boolean = () => false): BadgeAnchor[] {
  return [...listCards(root)].flatMap((card) => (skip(card) ? [] : cardAnchor(card) ?? []));
}
