// The order list: `/p/order/index.html` (BEM classes stable 2023 → 2026, aliexpress-pages.md §3), the
// old `trade.aliexpress.com/orderList.htm` table (§6), and the list payload
// `mtop.aliexpress.trade.buyer.order.list` (§2.3). The list has no tracking numbers (§2.3).
//
// "View orders" appends more `.order-item` cards to the same container: the reader reads every card
// present, so the content script simply reads again when the container grows.
import { emptyOrder, type OrderFacts, type OrderItem, type OrderStatus, type PageNote, type ReadContext } from '../types';
import type { DomReader, PartialReading, PayloadReader, SelectorDef } from './reader';
import { sel } from './reader';
import { $, $$, attr, eachSafely, text } from './dom';
import { findDates, localDate, parseDate } from './dates';
import { moneyFromFormatPriceInfo, parseMoney } from './money';
import { COPY_TEXTS, normaliseText, ROW_LABELS, splitLabel, statusFromCode, statusFromText } from './labels';
import { absoluteUrl, orderIdFromHref } from './urls';
import { byTag, htmlText, idString, type Json } from './payload';
import { PROTECTION_COUNTDOWN } from './deadline-text';

const NEW = ['list-2026-en.html', 'list-2024-en.html', 'list-2026-ko.html', 'list-2026-sk.html', 'list-2026-en-truncated.html', 'list-2026-en-more.html'];
const OLD = ['list-old-trade.html'];

export const ORDER_LIST_SELECTORS: Record<string, SelectorDef> = {
  // ---- current layout (/p/order/index.html), §3
  container: sel('.comet-checkbox-group', 'the container the order cards are appended to ("View orders" adds more)', NEW),
  card: sel('.order-item', 'one order card', NEW),
  status: sel('.order-item-header-status-text', 'status text in the card header', NEW),
  statusWrap: sel('[data-pl="order_item_header_status"]', 'status block of the card header (fallback for the text)', NEW),
  headerInfo: sel('.order-item-header-right-info', 'header info: date row and order-id row ("Date:"/"Ref. Number: … Copy")', NEW),
  headerInfoByPl: sel('[data-pl="order_item_header_info"]', 'the same header info by its data-pl (to notice cards whose class was lost)', NEW),
  detailLink: sel('a[data-pl="order_item_header_detail"]', '"Details" link, href /p/order/detail.html?orderId=', NEW),
  orderIdLink: sel('a[href*="orderId="]', 'any link naming the order (detail link; fallback for the id)', NEW),
  storeName: sel('.order-item-store-name', 'store row: name', NEW),
  storeLink: sel('a[href*="/store/"]', 'store link inside the store row', NEW),
  line: sel('.order-item-content-body', 'one order line (a multi-item order may show only pictures here)', NEW),
  lineName: sel('.order-item-content-info-name', 'product title block of a line', NEW),
  lineTitle: sel('.order-item-content-info-name [title]', 'untruncated product title (title attribute)', NEW),
  lineSku: sel('.order-item-content-info-sku', 'variant (SKU) of a line', NEW),
  lineQuantity: sel('.order-item-content-info-number-quantity', 'quantity of a line ("x1")', NEW),
  lineImage: sel('.order-item-content-img', 'product picture (one per item in picture-only multi-item orders)', NEW),
  itemLink: sel('a[href*="/item/"]', 'product link', NEW),
  lineTag: sel('.order-item-content-info-tag .order-item-tag', 'service tag of a line ("Free returns", "Fast delivery")', ['list-2026-en.html', 'list-2026-en-more.html']),
  total: sel('.order-item-content-opt-price-total', 'order total ("Total: US $12.50")', NEW),
  totalByPl: sel('[data-pl="order_item_content_price_total"]', 'order total by its data-pl', NEW),
  priceWrap: sel('[class*="es--wrap--"]', 'hashed price wrapper (es--wrap--<hash>) holding the amount', NEW),
  refundLine: sel('.order-item-bottom-action .expose-info-item-title', 'refund/dispute line under a card', ['list-2026-en.html', 'list-2026-ko.html']),
  loadMore: sel('.order-more button', '"View orders" button (load more; only on the user\'s action)', ['list-2026-en.html', 'list-2024-en.html', 'list-2026-ko.html', 'list-2026-sk.html']),
  // ---- old layout (trade.aliexpress.com/orderList.htm), §6
  oldCard: sel('#buyer-ordertable tbody.order-item-wraper', 'one order of the old table', OLD),
  oldHead: sel('#buyer-ordertable .order-head', 'old: head row of an order (to notice orders whose tbody was lost)', OLD),
  oldOrderId: sel('.order-info .first-row .info-body', 'old: order id', OLD),
  oldDetailLink: sel('.view-detail-link', 'old: "View Detail" link (orderId=)', OLD),
  oldDate: sel('.order-info .second-row .info-body', 'old: order time', OLD),
  oldStore: sel('.store-info .first-row .info-body', 'old: store name', OLD),
  oldStoreLink: sel('.store-info a[href*="/store/"]', 'old: store link', OLD),
  oldAmount: sel('.order-amount .amount-num', 'old: order amount', OLD),
  oldLine: sel('.order-body .product-sets', 'old: one order line', OLD),
  oldTitle: sel('.product-title a', 'old: product title link', OLD),
  oldQuantity: sel('.product-amount', 'old: unit price and quantity ("X1")', OLD),
  oldStatus: sel('.order-status .f-left', 'old: status text', OLD),
  oldCountdown: sel('p.left-sendgoods-day[lefttime]', 'old: buyer-protection countdown, lefttime = ms remaining', OLD),
};

const S = Object.fromEntries(Object.entries(ORDER_LIST_SELECTORS).map(([k, d]) => [k, d.css])) as Record<string, string>;

/** true when the document looks like the order list (used when the URL is unknown) */
export function looksLikeOrderList(doc: Document): boolean {
  return !!(
    $(doc, `${S.card} ${S.headerInfo}`) ||
    $(doc, `${S.card} ${S.total}`) ||
    $(doc, S.headerInfoByPl) ||
    $(doc, S.detailLink) ||
    $(doc, S.oldCard)
  );
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** The list is paged: orders after the first page are read only once the user has loaded them. */
export const MORE_ORDERS = 'more orders exist than this page shows: they are read once "View orders" has loaded them';

const ID_RUN = /(?<!\d)(\d{10,22})(?!\d)/;
const DAY_MS = 86_400_000;

/**
 * Text without the trailing "Copy" button word(s). Plain string work: a pattern would be compiled
 * anew on every page (twice: V8 compiles a pattern again once it runs a second time).
 */
function withoutCopy(s: string): string {
  let t = normaliseText(s);
  for (;;) {
    const lower = t.toLowerCase();
    // (a text whose lower case is longer or shorter than it is kept as it is)
    const copy = lower.length === t.length ? COPY_TEXTS.find((c) => lower.endsWith(c)) : undefined;
    if (!copy) return t;
    t = t.slice(0, -copy.length).trimEnd();
  }
}

/** Value after a row label, leading colons removed (Korean shows "주문번호::"). */
function valueAfter(row: string, labels: readonly string[]): string | undefined {
  const hit = splitLabel(row, labels);
  return hit ? hit.value.replace(/^[\s:：]+/, '') : undefined;
}

function quantityOf(s: string): number | undefined {
  const m = /(\d{1,5})/.exec(s);
  const n = m ? Number(m[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function addNote(notes: PageNote[], raw: string | undefined | null) {
  const t = normaliseText(raw);
  if (!t || notes.some((n) => n.text === t)) return;
  const date = parseDate(t);
  notes.push(date ? { text: t, date } : { text: t });
}


function setStatus(order: OrderFacts, statusText: string, problems: string[]) {
  if (!statusText) {
    problems.push(`order ${order.orderId}: status not found`);
    return;
  }
  order.statusText = statusText;
  order.status = statusFromText(statusText);
  if (order.status === 'unknown') problems.push(`order ${order.orderId}: status "${statusText}" not recognised`);
}

function setTotal(order: OrderFacts, value: string, problems: string[], currencyHint?: string) {
  if (!value) {
    problems.push(`order ${order.orderId}: total not found`);
    return;
  }
  const { money, problem } = parseMoney(value, currencyHint);
  if (money) order.total = money;
  if (problem) problems.push(`order ${order.orderId}: total ${money ? '' : 'not understood: '}${problem}`);
}

function cutOffProblem(cut: number, total: number): string {
  return `${cut} of ${total} orders ${cut === 1 ? 'was' : 'were'} cut off (page truncated)`;
}

// ---------------------------------------------------------------------------------------------
// Current layout

function readCardId(card: Element): { id?: string; textId?: string } {
  const links = [$(card, S.detailLink), ...$$(card, S.orderIdLink)];
  let id: string | undefined;
  for (const a of links) {
    id = orderIdFromHref(attr(a, 'href'));
    if (id) break;
  }
  return { id, textId: idFromHeader($(card, S.headerInfo) ?? $(card, S.headerInfoByPl)) };
}

/** Header info rows: its child elements, or the block itself when it has none. */
function headerRows(info: Element | null): string[] {
  if (!info) return [];
  const kids = Array.from(info.children ?? []);
  const rows = (kids.length ? kids : [info]).map((k) => withoutCopy(text(k))).filter(Boolean);
  return rows;
}

function idFromHeader(info: Element | null): string | undefined {
  const rows = headerRows(info);
  for (const r of rows) {
    const v = valueAfter(r, ROW_LABELS.orderId);
    const m = v !== undefined ? ID_RUN.exec(v) : null;
    if (m) return m[1];
  }
  // no known label: the header holds only the date and the id, and only the id is 10+ digits
  const m = ID_RUN.exec(rows.join(' '));
  return m?.[1];
}

function readHeaderDate(order: OrderFacts, info: Element | null, problems: string[]) {
  const rows = headerRows(info);
  if (!rows.length) {
    problems.push(`order ${order.orderId}: order date not found`);
    return;
  }
  const labelled = rows.map((r) => valueAfter(r, ROW_LABELS.orderDate)).find((v) => v !== undefined);
  const candidates = labelled !== undefined ? [labelled] : rows.filter((r) => !ID_RUN.test(r) || findDates(r).length);
  for (const c of candidates) {
    const d = parseDate(c);
    if (d) {
      order.placedOn = d;
      return;
    }
  }
  const shown = labelled ?? candidates[0];
  problems.push(shown ? `order ${order.orderId}: order date "${shown}" not understood` : `order ${order.orderId}: order date not found`);
}

function readLines(card: Element, order: OrderFacts, problems: string[]) {
  const lines = $$(card, S.line);
  let untitled = 0;
  for (const line of lines) {
    const nameEl = $(line, S.lineName);
    if (nameEl) {
      const title = normaliseText(attr($(nameEl, '[title]'), 'title')) || text(nameEl);
      const item: OrderItem = { title };
      const href = attr($(nameEl, S.itemLink), 'href') ?? attr($(line, S.itemLink), 'href');
      const url = absoluteUrl(href);
      if (url) item.url = url;
      const sku = text($(line, S.lineSku));
      if (sku) item.sku = sku;
      const q = quantityOf(text($(line, S.lineQuantity)));
      if (q) item.quantity = q;
      if (!title) untitled++;
      order.items.push(item);
      for (const tag of $$(line, S.lineTag)) addNote(order.pageNotes, text(tag));
      continue;
    }
    // picture-only line (multi-item orders): one untitled item per picture
    const images = $$(line, S.lineImage);
    const pictures = images.length ? images : $$(line, S.itemLink);
    for (const img of pictures) {
      const link = img.matches?.(S.itemLink) ? img : (img.closest?.(S.itemLink) ?? $(img, S.itemLink));
      const url = absoluteUrl(attr(link, 'href'));
      order.items.push(url ? { title: '', url } : { title: '' });
      untitled++;
    }
  }
  if (!lines.length) problems.push(`order ${order.orderId}: items not found`);
  else if (untitled) {
    problems.push(
      `order ${order.orderId}: ${untitled === 1 ? '1 item is' : `${untitled} items are`} shown without a title in the list (pictures only; the titles are on the order detail page)`,
    );
  }
}

function readStore(card: Element, order: OrderFacts) {
  const el = $(card, S.storeName);
  if (!el) return;
  const link = el.matches?.(S.storeLink) ? el : $(el, S.storeLink) ?? (el.closest?.(S.storeLink) as Element | null);
  const name = text(link) || text(el);
  if (!name) return;
  const url = absoluteUrl(attr(link, 'href'));
  order.store = url ? { name, url } : { name };
}

function readTotal(card: Element, order: OrderFacts, problems: string[]) {
  const el = $(card, S.total) ?? $(card, S.totalByPl);
  if (!el) {
    problems.push(`order ${order.orderId}: total not found`);
    return;
  }
  const wrap = $(el, S.priceWrap);
  const whole = text(el);
  const value = (wrap && text(wrap)) || valueAfter(whole, ROW_LABELS.total) || whole.replace(/^[^\d:：]*[:：]\s*/, '');
  setTotal(order, value, problems);
}

/**
 * A card cut short by a truncated save. Only the last card can be, and then nothing follows it in the
 * document (a whole page always goes on with the "View orders" button, the footer, scripts…). Its
 * last values may be cut mid-word ("€9" of "€9.12"), so it is not read at all.
 */
function isCutShort(card: Element): boolean {
  for (let n: Element | null = card; n; n = n.parentElement) {
    if (n.nextElementSibling) return false;
  }
  return true;
}

function readCard(card: Element, problems: string[]): OrderFacts | undefined {
  const { id, textId } = readCardId(card);
  const orderId = id ?? textId;
  if (!orderId) return undefined;
  const order = emptyOrder(orderId);
  if (id && textId && id !== textId) {
    problems.push(`order ${orderId}: the header shows another id (${textId}); the id of the Details link was used`);
  }
  setStatus(order, text($(card, S.status)) || text($(card, S.statusWrap)), problems);
  readHeaderDate(order, $(card, S.headerInfo) ?? $(card, S.headerInfoByPl), problems);
  readStore(card, order);
  readLines(card, order, problems);
  readTotal(card, order, problems);
  for (const line of $$(card, S.refundLine)) addNote(order.pageNotes, text(line));
  return order;
}

function readCurrentCards(doc: Document, problems: string[]): OrderFacts[] {
  const cards = $$(doc, S.card);
  const orders: OrderFacts[] = [];
  const seen = new Set<string>();
  let cut = 0;
  eachSafely(
    cards,
    (card, i) => {
      if (i === cards.length - 1 && cards.length && isCutShort(card)) {
        cut++;
        return undefined;
      }
      const local: string[] = [];
      const order = readCard(card, local);
      if (!order) {
        problems.push(`order card ${i + 1}: order id not found (skipped)`);
        return undefined;
      }
      if (seen.has(order.orderId)) return undefined; // shown twice (e.g. re-appended): first wins
      seen.add(order.orderId);
      problems.push(...local);
      orders.push(order);
      return order;
    },
    problems,
    'order card',
  );
  if (cut) problems.push(cutOffProblem(cut, cards.length));
  // header blocks outside any card: cards whose markup was damaged and could not be read
  const stray = [...new Set([...$$(doc, S.headerInfo), ...$$(doc, S.headerInfoByPl)])].filter((h) => !h.closest?.(S.card));
  if (stray.length) problems.push(`${stray.length} order ${stray.length === 1 ? 'card' : 'cards'} could not be read (unexpected markup)`);
  return orders;
}

// ---------------------------------------------------------------------------------------------
// Old layout (trade.aliexpress.com/orderList.htm)

function readOldCard(card: Element, now: Date, problems: string[]): OrderFacts | undefined {
  const orderId =
    orderIdFromHref(attr($(card, S.oldDetailLink), 'href')) ??
    orderIdFromHref(attr($(card, S.orderIdLink), 'href')) ??
    ID_RUN.exec(text($(card, S.oldOrderId)))?.[1];
  if (!orderId) return undefined;
  const order = emptyOrder(orderId);
  setStatus(order, text($(card, S.oldStatus)), problems);
  const dateText = text($(card, S.oldDate));
  const placedOn = parseDate(dateText);
  if (placedOn) order.placedOn = placedOn;
  else problems.push(dateText ? `order ${orderId}: order date "${dateText}" not understood` : `order ${orderId}: order date not found`);
  const storeName = text($(card, S.oldStore));
  if (storeName) {
    const url = absoluteUrl(attr($(card, S.oldStoreLink), 'href'));
    order.store = url ? { name: storeName, url } : { name: storeName };
  }
  for (const line of $$(card, S.oldLine)) {
    const a = $(line, S.oldTitle);
    const title = normaliseText(attr(a, 'title')) || text(a);
    const item: OrderItem = { title };
    const url = absoluteUrl(attr(a, 'href'));
    if (url) item.url = url;
    const amount = text($(line, S.oldQuantity));
    const q = /[x×]\s*(\d{1,5})\b/i.exec(amount);
    if (q && Number(q[1]) > 0) item.quantity = Number(q[1]);
    order.items.push(item);
  }
  if (!order.items.length) problems.push(`order ${orderId}: items not found`);
  else if (order.items.some((i) => !i.title)) problems.push(`order ${orderId}: an item title was not found`);
  setTotal(order, text($(card, S.oldAmount)), problems);
  const countdown = $(card, S.oldCountdown);
  if (countdown) {
    const raw = (attr(countdown, 'lefttime') ?? '').trim();
    const ms = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (Number.isFinite(ms) && Math.abs(ms) < 3650 * DAY_MS) {
      const days = Math.floor(ms / DAY_MS);
      // The same element counts the seller's shipping time on orders not yet shipped ("left send goods
      // day"), and the buyer-protection time once shipped.
      const what = order.status === 'awaiting-shipment' ? 'Seller shipping countdown' : PROTECTION_COUNTDOWN;
      order.pageNotes.push({
        text: `${what}: ${days} ${Math.abs(days) === 1 ? 'day' : 'days'} left (lefttime ${raw} ms)`,
        date: localDate(new Date(now.getTime() + ms)),
      });
    } else {
      problems.push(`order ${orderId}: buyer-protection countdown "${raw}" not understood`);
    }
  }
  return order;
}

function readOldCards(doc: Document, now: Date, problems: string[]): OrderFacts[] {
  const cards = $$(doc, S.oldCard);
  const orders: OrderFacts[] = [];
  const seen = new Set<string>();
  let cut = 0;
  eachSafely(
    cards,
    (card, i) => {
      if (i === cards.length - 1 && isCutShort(card)) {
        cut++;
        return undefined;
      }
      const local: string[] = [];
      const order = readOldCard(card, now, local);
      if (!order) {
        problems.push(`order ${i + 1}: order id not found (skipped)`);
        return undefined;
      }
      if (seen.has(order.orderId)) return undefined;
      seen.add(order.orderId);
      problems.push(...local);
      orders.push(order);
      return order;
    },
    problems,
    'order',
  );
  if (cut) problems.push(cutOffProblem(cut, cards.length));
  const stray = $$(doc, S.oldHead).filter((h) => !h.closest?.(S.oldCard));
  if (stray.length) problems.push(`${stray.length} ${stray.length === 1 ? 'order' : 'orders'} could not be read (unexpected markup)`);
  return orders;
}

export const readOrderListDom: DomReader = (doc, ctx) => {
  const problems: string[] = [];
  const now = ctx?.now instanceof Date && !Number.isNaN(ctx.now.getTime()) ? ctx.now : new Date();
  const orders = [...readCurrentCards(doc, problems), ...readOldCards(doc, now, problems)];
  if ($(doc, S.loadMore)) problems.push(MORE_ORDERS);
  if (!orders.length && !problems.length) {
    problems.push('no orders found on this order list page (empty tab, not logged in, or not loaded yet?)');
  }
  return { orders, problems };
};

/**
 * Read only the given order cards (new or old layout). The page script uses this for cards that
 * "View orders" appended, so each new page of orders costs only its own cards.
 */
export function readOrderCards(cards: Element[], ctx: ReadContext = {}): PartialReading {
  const problems: string[] = [];
  const now = ctx.now instanceof Date && !Number.isNaN(ctx.now.getTime()) ? ctx.now : new Date();
  const orders = eachSafely(
    cards,
    (card) => {
      const order = card.matches(S.oldCard) ? readOldCard(card, now, problems) : readCard(card, problems);
      if (!order) problems.push('an order card without an order id was skipped');
      return order;
    },
    problems,
    'order card',
  );
  return { orders, problems };
}

// ---------------------------------------------------------------------------------------------
// Payload: mtop.aliexpress.trade.buyer.order.list (§2.3)

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/** Display order: `data.hierarchy.structure` lists component keys `pc_om_list_order_<id>`. */
function displayOrder(p: Json): Map<string, number> {
  const order = new Map<string, number>();
  const structure = p?.data?.hierarchy?.structure ?? p?.hierarchy?.structure;
  if (!structure || typeof structure !== 'object') return order;
  for (const keys of Object.values(structure)) {
    if (!Array.isArray(keys)) continue;
    for (const k of keys) if (typeof k === 'string' && !order.has(k)) order.set(k, order.size);
  }
  return order;
}

function statusOf(fields: Json): { status: OrderStatus; problem?: string; text?: string } {
  const shown = normaliseText(str(fields?.statusText));
  const byText = statusFromText(shown);
  const code = str(fields?.utParams?.args?.orderStatus).trim();
  const byCode = statusFromCode(code);
  if (byCode !== 'unknown' && byText !== 'unknown' && byCode !== byText) {
    return { status: byText, text: shown, problem: `status "${shown}" and status code ${code} disagree; the text was kept` };
  }
  if (byCode !== 'unknown') return { status: byCode, text: shown || undefined };
  if (byText !== 'unknown') return { status: byText, text: shown };
  return {
    status: 'unknown',
    text: shown || undefined,
    problem: shown ? `status "${shown}" not recognised` : code ? `status code ${code} not recognised` : 'status not found',
  };
}

function readPayloadOrder(c: Json, problems: string[]): OrderFacts | undefined {
  const f: Json = c?.fields && typeof c.fields === 'object' ? c.fields : {};
  const orderId = idString(f.orderId) ?? idString(f.utParams?.args?.orderId) ?? idString(c?.id) ?? orderIdFromHref(str(f.orderDetailUrl));
  if (!orderId) return undefined;
  const order = emptyOrder(orderId);
  const st = statusOf(f);
  order.status = st.status;
  if (st.text) order.statusText = st.text;
  if (st.problem) problems.push(`order ${orderId}: ${st.problem}`);

  const dateText = normaliseText(str(f.orderDateText));
  const placedOn = parseDate(dateText);
  if (placedOn) order.placedOn = placedOn;
  else problems.push(dateText ? `order ${orderId}: order date "${dateText}" not understood` : `order ${orderId}: order date not found`);

  const name = normaliseText(str(f.storeName));
  if (name) {
    const url = absoluteUrl(str(f.storePageUrl));
    order.store = url ? { name, url } : { name };
  }

  const currency = (str(f.currencyCode) || str(f.intentionCurrency)).trim().toUpperCase();
  const iso = /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  const total = moneyFromFormatPriceInfo(str(f.formatPriceInfo) || undefined, iso);
  if (total) order.total = total;
  else setTotal(order, normaliseText(str(f.totalPriceText)), problems, iso);

  const lines = Array.isArray(f.orderLines) ? f.orderLines : [];
  for (const line of lines) {
    if (!line || typeof line !== 'object') continue;
    const item: OrderItem = { title: normaliseText(str(line.itemTitle)) };
    const q = Number(str(line.quantity));
    if (Number.isInteger(q) && q > 0) item.quantity = q;
    const attrs = Array.isArray(line.skuAttrs) ? line.skuAttrs : [];
    const sku = attrs
      .filter((a: Json) => a && typeof a === 'object' && str(a.text))
      .map((a: Json) => (str(a.name) ? `${normaliseText(str(a.name))}: ${normaliseText(str(a.text))}` : normaliseText(str(a.text))))
      .join(', ');
    if (sku) item.sku = sku;
    const url = absoluteUrl(str(line.itemDetailUrl));
    if (url) item.url = url;
    order.items.push(item);
    const tags = Array.isArray(line.itemTags) ? line.itemTags : [];
    for (const tag of tags) {
      if (!tag || typeof tag !== 'object') continue;
      addNote(order.pageNotes, str(tag.desc) || htmlText(tag.richText));
    }
    addNote(order.pageNotes, htmlText(line.itemExtraInfo));
  }
  if (!order.items.length) problems.push(`order ${orderId}: items not found`);
  else if (order.items.some((i) => !i.title)) problems.push(`order ${orderId}: an item title was not found`);
  return order;
}

const ORDER_TAG = 'pc_om_list_order';

/**
 * The order components by key: tagged `pc_om_list_order`, or (when a component lost its tag) typed
 * so or keyed `pc_om_list_order_<id>`. Keys listed in the display structure count too, so an order
 * that is listed but unreadable is reported instead of silently missing.
 */
function orderComponents(p: Json): { key: string; c: unknown }[] {
  const inner = p?.data?.data ?? p?.data ?? p;
  const out = new Map<string, unknown>();
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
    for (const [key, c] of Object.entries(inner as Json)) {
      const tagged = !!c && typeof c === 'object' && ((c as Json).tag === ORDER_TAG || (c as Json).type === ORDER_TAG);
      if (tagged || key.startsWith(`${ORDER_TAG}_`)) out.set(key, c);
    }
  }
  for (const key of displayOrder(p).keys()) if (key.startsWith(`${ORDER_TAG}_`) && !out.has(key)) out.set(key, undefined);
  return [...out].map(([key, c]) => ({ key, c }));
}

export const readOrderListPayload: PayloadReader = (payload) => {
  const problems: string[] = [];
  const comps = orderComponents(payload);
  const position = displayOrder(payload);
  const sorted = comps
    .map((x, i) => ({ ...x, i, p: position.get(x.key) }))
    .sort((a, b) => (a.p ?? Infinity) - (b.p ?? Infinity) || a.i - b.i);
  const orders: OrderFacts[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  eachSafely(
    sorted,
    ({ key, c }) => {
      const order = c && typeof c === 'object' ? readPayloadOrder(c as Json, problems) : undefined;
      if (!order) {
        unreadable++;
        const id = /_(\d{10,22})$/.exec(key)?.[1];
        problems.push(id ? `order ${id}: its entry in the payload could not be read (skipped)` : `an order entry of the payload (${key}) has no order id (skipped)`);
        return undefined;
      }
      if (seen.has(order.orderId)) return undefined;
      seen.add(order.orderId);
      orders.push(order);
      return order;
    },
    problems,
    'order in the payload',
  );
  const body = byTag(payload, 'pc_om_list_body')[0]?.fields;
  if (body && (body.hasMore === true || body.hasMore === 'true')) problems.push(MORE_ORDERS);
  if (!comps.length) problems.push('this order list payload holds no orders');
  else if (unreadable) problems.push(`${unreadable} of ${comps.length} orders in the payload could not be read`);
  return { orders, problems } satisfies PartialReading;
};
