// The order detail: `/p/order/detail.html?orderId=` (BEM classes stable 2023 → 2026,
// aliexpress-pages.md §4), its payload `mtop.aliexpress.trade.buyer.order.detail` (§2.4), and, best
// effort, the old `trade.aliexpress.com/order_detail.htm` page (§6 "Old detail").
//
// What is read: status, the four dates, payment method, store, lines, total, the page's own deadline
// and service sentences (pageNotes, §10), per-line ETA, the latest tracking line and the tracking
// number. What is never read: the address / contact blocks (`.order-detail-info-item` other than the
// order-info one, `.contact-info`, payload `addressVO`, old `#user-shipping`), §12.
import { emptyOrder, type OrderFacts, type OrderItem, type OrderStatus, type PageNote, type ReadContext, type Tracking, type TrackingEvent } from '../types';
import type { DomReader, PartialReading, PayloadReader, SelectorDef } from './reader';
import { sel } from './reader';
import { $, $$, attr, eachSafely, spacedText, text } from './dom';
import { findDates, parseDate, parseDateRange, parseMonthDayTime, resolveTrackingTimes } from './dates';
import { moneyFromFormatPriceInfo, parseMoney } from './money';
import {
  CLOSED_STATUS_RE,
  COPY_TEXTS,
  normaliseText,
  PROGRESS_NODE_LABELS,
  ROW_LABELS,
  splitLabel,
  statusFromCode,
  statusFromText,
} from './labels';
import { classifyNotes, mentionsDeliveryGuarantee, splitSentences } from './deadline-text';
import { absoluteUrl, orderIdFromHref, pageFromUrl } from './urls';
import { byTag, components, htmlText, idString, type Json } from './payload';

const EN = 'detail-2026-en.html';
const EN_DONE = 'detail-2026-en-completed.html';
const KO = 'detail-2026-ko.html';
const DE = 'detail-2026-de.html';
const OLD = 'detail-old-2019.html';
const NEW = [EN, EN_DONE, KO, DE];

export const ORDER_DETAIL_SELECTORS = {
  // ---- current layout (/p/order/detail.html), §4
  wrap: sel('.order-wrap', 'the order detail body (ready signal; everything below is inside it)', NEW),
  loading: sel('.comet-loading, .comet-loading-wrap', 'loading spinner (the details are not there yet)', [EN]),
  statusBlock: sel('.order-status', 'status block', NEW),
  statusTitle: sel('.order-status .order-block-title', 'status title ("Awaiting delivery")', NEW),
  notice: sel('.order-notice-wrap', 'reminder banner (deadline sentences, §10)', NEW),
  progressNode: sel('.service-progress-node-info', 'service progress node ("Paid" / coupon / "Refund" + date)', [EN, KO]),
  detailInfo: sel('.order-detail-info', 'address + order-info blocks (the address part is PII: never read)', NEW),
  infoRow: sel('.order-detail-order-info .info-row', 'order info row ("Ref. Number: … Copy", "Order placed on: …", "Payment method: …")', NEW),
  storeGroup: sel('.order-detail-item', 'store group holding the order lines and their logistics', NEW),
  storeName: sel('.order-detail-item-store .store-name', 'store name', NEW),
  storeLink: sel('.order-detail-item-store a[href*="/store/"]', 'store link', NEW),
  line: sel('.order-detail-item-content', 'one order line', NEW),
  lineTitleLink: sel('.item-title a', 'product title link (href /item/<id>.html)', NEW),
  lineTitle: sel('.item-title', 'product title block (also used by the service block: read only inside a line)', NEW),
  itemLink: sel('a[href*="/item/"]', 'any product link of a line (picture link; fallback for the url)', NEW),
  lineSku: sel('.item-sku-attr', 'variant (SKU) of a line', NEW),
  linePrice: sel('.item-price', 'unit price and quantity of a line ("US $12.50 x2")', NEW),
  lineQuantity: sel('.item-price-quantity', 'quantity of a line ("x2")', NEW),
  lineTag: sel('.item-tags .order-item-tag', 'service tag of a line ("Free returns", "Fast delivery")', [EN, EN_DONE, KO]),
  trackEta: sel('.order-detail-item-track-eta-text', 'per-line ETA ("Estimated delivery date: Aug 3, 2026")', [EN, EN_DONE, KO]),
  trackInfo: sel('.order-detail-item-track-info', 'latest tracking update box (links to the tracking page)', [EN, KO, DE]),
  trackTitle: sel('.order-detail-item-track-info-title', 'latest update title (hidden by privacy tools: never read)', [EN, KO, DE]),
  trackDesc: sel('.order-detail-item-track-info-desc', 'latest tracking line ("Awaiting flight")', [EN, KO, DE]),
  orderLink: sel('a[href*="orderId="], a[href*="OrderId="]', 'links naming the order (tracking, receipt, messages)', NEW),
  logistics: sel('.order-logistics', 'logistics block (tracking number, timeline)', [EN, EN_DONE, KO]),
  trackNumberButton: sel('.copy-track-num[data-clipboard-text]', 'tracking number on its "Copy" button', [EN, EN_DONE]),
  trackNumberOld: sel('.tracking-no span', 'tracking number (older variant)', [KO]),
  trackNumberWrap: sel('div.tracking-wrap div:nth-of-type(2) span', 'tracking number (older variant 2)', [DE]),
  timelineItem: sel('.order-logistics-timeline .comet-timeline-item', 'logistics timeline event (newest first)', [KO]),
  priceRow: sel('.order-price .order-price-item', 'price breakdown row', NEW),
  priceLabel: sel('.left-col', 'price row label ("Total")', NEW),
  priceValue: sel('.right-col', 'price row value', NEW),
  button: sel('button, .comet-btn', 'buttons ("Copy", "Confirm received", "Contact seller": never clicked, never notes)', NEW),
  chatBot: sel('#J_xiaomi_dialog', 'chat-bot pop-up (not page content)', [EN, KO]),
  recommend: sel('.order-recommend', '"More to love" recommendations (not about the order)', [EN, EN_DONE]),
  anyElement: sel('*', 'every element (scanned for dated service sentences whatever their markup)', NEW),
  textBlockBreaker: sel('div, p, li, ul, ol, section, table, tr, td, h1, h2, h3, h4, h5, h6', 'block elements (a text block has none inside)', NEW),
  // ---- old layout (trade.aliexpress.com/order_detail.htm), §6
  oldShipping: sel('#shipping-section', 'old: logistics section', [OLD]),
  oldTrackingNo: sel('#shipping-section .shipping-bd .no', 'old: tracking number cell', [OLD]),
  oldCarrier: sel('.shipping-bd .logistics-name', 'old: carrier', [OLD]),
  oldOrderBody: sel('tbody[data-orderid]', 'old: order table body (data-orderid, data-status code)', [OLD]),
  oldLine: sel('tr.order-bd', 'old: one order line', [OLD]),
  oldLineTitle: sel('a.baobei-name', 'old: product title link', [OLD]),
  oldLineSpec: sel('.spec', 'old: properties (SKU)', [OLD]),
  oldLineQuantity: sel('td.quantity', 'old: quantity ("1 Set")', [OLD]),
  oldStatus: sel('td.trade-status', 'old: status text', [OLD]),
  oldStore: sel('.user-name-text a', 'old: store link and name', [OLD]),
  oldTotal: sel('table.fund-table td.order-price', 'old: order total', [OLD]),
  oldPayment: sel('#tp-buyer-order-table td.pay-c3', 'old: payment method', [OLD]),
  oldServiceIcon: sel('.other-info .sp-icon[title]', 'old: service promise icons, their title is the promise ("Full refund if product is not received in 60 days")', [OLD]),
  oldDateRow: sel('.operate-list li', 'old: "Order Date" / "Payment Date" / "Shipping Time" rows', [OLD]),
} satisfies Record<string, SelectorDef>;

const S = ORDER_DETAIL_SELECTORS;

/** Parts of the page that are read on their own (or never): the service-sentence scan skips them. */
const SCAN_SKIP = [S.notice, S.progressNode, S.detailInfo, S.storeGroup, S.priceRow, S.logistics, S.button, S.chatBot, S.recommend]
  .map((d) => d.css)
  .join(', ');

/** true when the document looks like an order detail page (used when the URL is unknown) */
export function looksLikeOrderDetail(doc: Document): boolean {
  if ($(doc, S.wrap.css) && ($(doc, S.infoRow.css) || $(doc, S.statusBlock.css) || $(doc, S.line.css) || $(doc, S.progressNode.css))) {
    return true;
  }
  return !!($(doc, S.oldShipping.css) || ($(doc, S.oldOrderBody.css) && $(doc, S.oldLine.css)));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const ID_RUN = /(?<!\d)(\d{10,22})(?!\d)/;
const TRACKING_NO = /^[A-Z0-9][A-Z0-9-]{5,39}$/i;

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text without the trailing "Copy" button word(s). */
function withoutCopy(s: string): string {
  let t = normaliseText(s);
  for (const c of COPY_TEXTS) t = t.replace(new RegExp(`\\s*${escapeRe(c)}\\s*$`, 'i'), '');
  return t;
}

function str(v: unknown): string {
  return typeof v === 'string' ? normaliseText(v) : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

function obj(v: unknown): Json {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function quantityOf(s: string): number | undefined {
  const m = /(\d{1,5})/.exec(s);
  const n = m ? Number(m[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}


/** Page notes without duplicates, each with the first full date inside it. */
class Notes {
  readonly list: PageNote[] = [];
  add(raw: string | undefined | null, date?: string) {
    const t = normaliseText(raw);
    if (!t || this.list.some((n) => n.text === t)) return;
    const d = date ?? parseDate(t);
    this.list.push(d ? { text: t, date: d } : { text: t });
  }
  /** A reminder: one note per sentence ("Order complete.If …" is two). */
  addSentences(raw: string | undefined | null) {
    for (const s of splitSentences(normaliseText(raw))) this.add(s);
  }
  /** A service content: one note per " · "-joined part. */
  addParts(raw: string | undefined | null) {
    for (const s of normaliseText(raw).split(/\s*[·•]\s*/)) this.add(s);
  }
}

const startsWithAny = (t: string, words: readonly string[]) => {
  const l = normaliseText(t).toLowerCase().replace(/[:：]\s*$/, '');
  return words.some((w) => l === w || l.startsWith(w + ' ') || l.startsWith(w + ':'));
};
const isRefundNode = (label: string) => startsWithAny(label, PROGRESS_NODE_LABELS.refund);
const isPaidNode = (label: string) => startsWithAny(label, PROGRESS_NODE_LABELS.paid);

/** Status from a code and a title: the code unless the title is known and says otherwise (§2.7). */
function decideStatus(
  code: OrderStatus,
  rawCode: string,
  title: string,
  who: string,
  problems: string[],
): { status: OrderStatus; statusText?: string } {
  let byText = statusFromText(title);
  if (byText === 'unknown' && title && CLOSED_STATUS_RE.test(title)) byText = 'closed';
  const statusText = title || undefined;
  if (code !== 'unknown') {
    if (byText !== 'unknown' && byText !== code) {
      problems.push(`${who}: status code ${rawCode} (${code}) disagrees with the status shown ("${title}"); the status shown was kept`);
      return { status: byText, statusText };
    }
    return { status: code, statusText };
  }
  if (byText === 'unknown') {
    problems.push(title ? `${who}: status "${title.slice(0, 60)}" not recognised` : `${who}: status not found`);
  }
  return { status: byText, statusText };
}

type DateField = 'placedOn' | 'paidOn' | 'shippedOn' | 'completedOn';
const DATE_WORDS: Record<DateField, string> = {
  placedOn: 'order date',
  paidOn: 'payment date',
  shippedOn: 'shipment date',
  completedOn: 'completion date',
};

function setDate(order: OrderFacts, field: DateField, value: string, who: string, problems: string[]) {
  if (!value) return;
  const d = parseDate(value);
  if (d) order[field] = d;
  else problems.push(`${who}: ${DATE_WORDS[field]} "${value.slice(0, 40)}" could not be read as a date`);
}

/** tracking.eta: the latest day an ETA text promises (the end of a range). */
function etaOf(textValue: string, order: OrderFacts, now: Date): string | undefined {
  const found = findDates(textValue);
  if (found.length) return found[found.length - 1].date;
  return parseDateRange(textValue, { placedOn: order.placedOn, now })?.end;
}

function later(a: string | undefined, b: string | undefined) {
  return !a ? b : !b ? a : a > b ? a : b;
}

function finishTracking(order: OrderFacts, t: Tracking) {
  if (t.number || t.carrier || t.eta || t.events.length) order.tracking = t;
}

// ---------------------------------------------------------------------------------------------
// Payload (§2.4)

export const readOrderDetailPayload: PayloadReader = (payload, ctx) => {
  const problems: string[] = [];
  const fieldsOf = (tag: string) => byTag(payload, tag).map((c) => obj(c.fields));
  const statusF = fieldsOf('detail_order_status_block')[0] ?? {};
  const infoF = fieldsOf('detail_simple_order_info_component')[0] ?? {};
  const progressF = fieldsOf('detail_service_progress_bar');
  const servicesF = fieldsOf('detail_order_services');
  const productsF = fieldsOf('detail_product_block');
  const priceF = fieldsOf('detail_order_price_block')[0] ?? {};
  const global = obj(obj(payload?.data).global ?? payload?.global);

  // ---- order id: string/number fields, then ids embedded in component ids and hrefs, then the URL
  const urlId = pageFromUrl(ctx.url).orderId;
  const fieldId = idString(infoF.tradeOrderId) ?? idString(statusF.orderId) ?? idString(global.orderId) ?? idString(global.tradeOrderId);
  let embeddedId: string | undefined;
  for (const c of components(payload)) {
    if (embeddedId) break;
    if (typeof c.tag === 'string' && c.tag.startsWith('detail_')) {
      const m = ID_RUN.exec(String(c.id ?? ''));
      if (m) embeddedId = m[1];
    }
  }
  for (const b of arr(statusF.buttonVOList)) {
    if (embeddedId) break;
    embeddedId = orderIdFromHref(str(obj(b).href));
  }
  const orderId = fieldId ?? embeddedId ?? urlId;
  if (!orderId) {
    return {
      orders: [],
      problems: ['the order number is missing from this order detail data (its digits may have been lost): open the order page itself'],
    };
  }
  if (urlId && orderId !== urlId) {
    problems.push(`the page address names order ${urlId} but its data is for order ${orderId}; the data's order was read`);
  }
  const who = `order ${orderId}`;
  const order = emptyOrder(orderId);
  const notes = new Notes();
  const now = ctx.now ?? new Date();

  // ---- status: global.orderStatus first, the title as display text and cross-check
  const rawCode = str(global.orderStatus);
  const title = str(statusF.title);
  Object.assign(order, decideStatus(statusFromCode(rawCode), rawCode, title, who, problems));
  if (!order.statusText) delete order.statusText;

  // ---- dates and payment (addressVO is PII and is never read)
  setDate(order, 'placedOn', str(infoF.orderCreatTime), who, problems);
  setDate(order, 'paidOn', str(infoF.payTime), who, problems);
  setDate(order, 'shippedOn', str(infoF.orderShipTime), who, problems);
  setDate(order, 'completedOn', str(infoF.orderEndTime), who, problems);
  const pay = str(infoF.paymentMethod);
  if (pay) order.paymentMethod = pay;

  // ---- notes: reminder, service progress, service commitments
  const reminder = statusF.reminder;
  for (const r of Array.isArray(reminder) ? reminder : [reminder]) notes.addSentences(str(r) || htmlText(r));
  for (const p of progressF) {
    notes.add(str(p.title));
    notes.add(str(p.text));
    for (const n of arr(p.nodes)) {
      const label = str(obj(n).text);
      const time = str(obj(n).time);
      const date = parseDate(time);
      if (!label || !date) continue;
      if (isRefundNode(label)) notes.add(`${label}: ${time}`, date);
      else if (isPaidNode(label) && !order.paidOn) order.paidOn = date;
    }
  }
  for (const s of servicesF) for (const d of arr(s.data)) notes.addParts(str(obj(d).content));

  // ---- lines, store, ETA
  let eta: string | undefined;
  const etaTexts: string[] = [];
  for (const block of productsF) {
    const seller = obj(block.sellerVO);
    const storeName = str(seller.sellerName) || str(seller.storeName);
    if (storeName && !order.store) {
      const url = absoluteUrl(str(seller.storeUrl) || str(seller.storePageUrl));
      order.store = url ? { name: storeName, url } : { name: storeName };
    }
    const lines = arr(block.productVOList);
    order.items.push(
      ...eachSafely(
        lines,
        (raw, i) => {
          const p = obj(raw);
          const item: OrderItem = { title: str(p.itemTitle) || str(p.productName) || str(p.title) };
          if (!item.title) problems.push(`${who}: item ${order.items.length + i + 1} has no title`);
          const q = typeof p.quantity === 'number' ? p.quantity : quantityOf(str(p.quantity));
          if (q && Number.isInteger(q) && q > 0) item.quantity = q;
          const sku = arr(p.skuAttrs)
            .map((a) => {
              const name = str(obj(a).name);
              const value = str(obj(a).text) || str(obj(a).value);
              return value ? (name ? `${name}: ${value}` : value) : '';
            })
            .filter(Boolean)
            .join(', ');
          if (sku || str(p.skuAttr)) item.sku = sku || str(p.skuAttr);
          const productId = /^\d{6,22}$/.test(str(p.productId)) ? str(p.productId) : undefined;
          const url = absoluteUrl(str(p.itemDetailUrl)) ?? (productId ? `https://www.aliexpress.com/item/${productId}.html` : undefined);
          if (url) item.url = url;
          for (const t of arr(p.itemTags)) {
            const tag = obj(t);
            notes.add(htmlText(tag.richText) || str(tag.text) || str(tag.title));
            notes.add(str(tag.desc));
          }
          const etaText = str(obj(p.etaAndTrack).expectDeliveryDateTitle);
          if (etaText) etaTexts.push(etaText);
          return item;
        },
        problems,
        `${who} item`,
      ),
    );
  }
  for (const e of etaTexts) {
    notes.add(e);
    eta = later(eta, etaOf(e, order, now));
  }
  if (!order.store) problems.push(`${who}: store not found`);
  if (!order.items.length) problems.push(`${who}: no items found`);

  // ---- total: formatPriceInfo is unambiguous about separators (§9.4)
  const totalPrice = obj(priceF.totalPrice);
  const currency = str(totalPrice.currencyCode) || str(statusF.intentionCurrency) || undefined;
  const exact = moneyFromFormatPriceInfo(str(totalPrice.formatPriceInfo) || undefined, currency);
  const shown = exact ? undefined : parseMoney(str(totalPrice.value), currency);
  if (exact) order.total = exact;
  else if (shown?.money) order.total = shown.money;
  if (shown?.problem) problems.push(`${who}: total ${str(totalPrice.value) ? shown.problem : 'not found'}`);

  if (!order.placedOn) problems.push(`${who}: order date not found`);
  order.pageNotes = notes.list;
  finishTracking(order, { eta, events: [] });
  return { orders: [order], problems };
};

// ---------------------------------------------------------------------------------------------
// DOM, current layout (§4)

export const readOrderDetailDom: DomReader = (doc, ctx) => {
  const wrap = $(doc, S.wrap.css);
  if (wrap) return readCurrent(doc, wrap, ctx);
  if (looksLikeOrderDetail(doc)) return readOld(doc, ctx);
  const fromUrl = pageFromUrl(ctx.url).orderId;
  if (fromUrl && /(^|\.)aliexpress\.ru$/i.test(hostOf(ctx.url))) {
    return {
      orders: [emptyOrder(fromUrl)],
      problems: [`order ${fromUrl}: aliexpress.ru order pages are not read; only the order number was taken from the address`],
    };
  }
  const loading = $(doc, S.loading.css);
  return {
    orders: [],
    problems: [
      loading
        ? 'the order details had not finished loading when this page was read'
        : 'no order details were found on this page (still loading, logged out, or a layout AliProof does not know)',
    ],
  };
};

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url.startsWith('//') ? 'https:' + url : url).hostname : '';
  } catch {
    return '';
  }
}

type RowField = 'orderId' | DateField | 'paymentMethod';
const ROW_FIELDS: RowField[] = ['orderId', 'placedOn', 'paidOn', 'shippedOn', 'completedOn', 'paymentMethod'];

/** The field an info row is about, by its label (longest known label wins), and the value after it. */
function classifyRow(row: string, labels: Record<RowField, readonly string[]>): { field: RowField; value: string } | undefined {
  let best: { field: RowField; value: string; len: number } | undefined;
  for (const field of ROW_FIELDS) {
    const hit = splitLabel(row, labels[field]);
    if (hit && (!best || hit.label.length > best.len)) best = { field, value: hit.value.replace(/^[\s:：]+/, ''), len: hit.label.length };
  }
  return best && { field: best.field, value: best.value };
}

function readCurrent(doc: Document, wrap: Element, ctx: ReadContext): PartialReading {
  const problems: string[] = [];
  const now = ctx.now ?? new Date();

  // ---- info rows (label + value shape)
  const rows = $$(wrap, S.infoRow.css).map((r) => withoutCopy(spacedText(r))).filter(Boolean);
  const labelled: Partial<Record<RowField, string>> = {};
  const unlabelled: string[] = [];
  for (const row of rows) {
    const hit = classifyRow(row, ROW_LABELS);
    if (hit && labelled[hit.field] === undefined) labelled[hit.field] = hit.value;
    else if (!hit) unlabelled.push(row);
  }

  // ---- order id: the address, links naming the order, then the "Ref. Number" row, then any id-shaped row
  const urlId = pageFromUrl(ctx.url).orderId;
  let linkId: string | undefined;
  for (const a of $$(wrap, S.orderLink.css)) {
    linkId = orderIdFromHref(attr(a, 'href'));
    if (linkId) break;
  }
  const rowId = ID_RUN.exec(labelled.orderId ?? '')?.[1] ?? unlabelled.map((r) => (findDates(r).length ? undefined : ID_RUN.exec(r)?.[1])).find(Boolean);
  const orderId = urlId ?? linkId ?? rowId;
  if (!orderId) {
    return { orders: [], problems: ['the order number was not found on this order page (no orderId= in the address or links, no "Ref. Number" row)'] };
  }
  const who = `order ${orderId}`;
  if (rowId && rowId !== orderId) problems.push(`${who}: the page also shows order number ${rowId}; the one in the address was used`);
  const order = emptyOrder(orderId);
  const notes = new Notes();

  // ---- status (no code on the page: the title)
  const title = text($(wrap, S.statusTitle.css));
  Object.assign(order, decideStatus('unknown', '', title, who, problems));
  if (!order.statusText) delete order.statusText;

  // ---- dates, payment method
  for (const f of ['placedOn', 'paidOn', 'shippedOn', 'completedOn'] as const) {
    if (labelled[f] !== undefined) {
      if (labelled[f]) setDate(order, f, labelled[f]!, who, problems);
      else problems.push(`${who}: ${DATE_WORDS[f]} row is empty`);
    }
  }
  const dated = unlabelled.filter((r) => findDates(r).length);
  if (dated.length) {
    // rows run placed → paid → shipped → completed: the first unknown one is the earliest date
    const fields: DateField[] = ['placedOn', 'paidOn', 'shippedOn', 'completedOn'];
    if (dated.length === 4 && !fields.some((f) => labelled[f] !== undefined)) {
      fields.forEach((f, i) => setDate(order, f, dated[i], who, problems));
      problems.push(`${who}: the date labels were not recognised; dates were taken in page order (placed, paid, shipped, completed)`);
    } else {
      if (!order.placedOn && labelled.placedOn === undefined) {
        setDate(order, 'placedOn', dated[0], who, problems);
        problems.push(`${who}: the order date label was not recognised; the first date shown ("${dated[0].slice(0, 60)}") was taken as the order date`);
        dated.shift();
      }
      for (const r of dated) problems.push(`${who}: info row not understood: "${r.slice(0, 60)}"`);
    }
  }
  if (labelled.paymentMethod) order.paymentMethod = labelled.paymentMethod;

  // ---- notes: reminder banner, service progress nodes, then dated service sentences anywhere else
  for (const n of $$(wrap, S.notice.css)) notes.addSentences(spacedText(n));
  for (const node of $$(wrap, S.progressNode.css)) {
    let t = spacedText(node);
    if (!findDates(t).length && node.parentElement) t = spacedText(node.parentElement);
    const found = findDates(t)[0];
    if (!found) continue;
    const label = normaliseText(t.slice(0, found.index) + ' ' + t.slice(found.index + found.raw.length)).replace(/[:：]\s*$/, '');
    if (isRefundNode(label)) notes.add(`${label}: ${found.raw.trim()}`, found.date);
    else if (isPaidNode(label) && !order.paidOn) order.paidOn = found.date;
  }
  for (const block of serviceBlocks(wrap)) notes.addParts(block);

  // ---- store and lines
  const storeName = text($(wrap, S.storeName.css));
  if (storeName) {
    const url = absoluteUrl(attr($(wrap, S.storeLink.css), 'href'));
    order.store = url ? { name: storeName, url } : { name: storeName };
  } else problems.push(`${who}: store not found`);
  order.items = eachSafely(
    $$(wrap, S.line.css),
    (line) => {
      const link = $(line, S.lineTitleLink.css);
      const titleEl = link ?? $(line, S.lineTitle.css);
      const item: OrderItem = { title: normaliseText(attr(titleEl, 'title')) || text(titleEl) };
      if (!item.title) problems.push(`${who}: an item has no title`);
      const url = absoluteUrl(attr(link, 'href')) ?? absoluteUrl(attr($(line, S.itemLink.css), 'href'));
      if (url) item.url = url;
      const sku = text($(line, S.lineSku.css));
      if (sku) item.sku = sku;
      const qText = text($(line, S.lineQuantity.css)) || /[x×]\s*(\d{1,5})\s*$/i.exec(text($(line, S.linePrice.css)))?.[1] || '';
      const q = quantityOf(qText);
      if (q) item.quantity = q;
      for (const tag of $$(line, S.lineTag.css)) notes.add(text(tag));
      return item;
    },
    problems,
    `${who} item`,
  );
  if (!order.items.length) problems.push(`${who}: no items found`);

  // ---- logistics: ETA per line, latest tracking line, tracking number, timeline
  const tracking: Tracking = { events: [] };
  for (const e of $$(wrap, S.trackEta.css)) {
    const t = text(e);
    if (!t) continue;
    notes.add(t);
    tracking.eta = later(tracking.eta, etaOf(t, order, now));
  }
  const number =
    normaliseText(attr($(doc, S.trackNumberButton.css), 'data-clipboard-text')) ||
    withoutCopy(text($(doc, S.trackNumberOld.css))) ||
    withoutCopy(text($(doc, S.trackNumberWrap.css)));
  if (number && TRACKING_NO.test(number)) tracking.number = number;
  else if (number) problems.push(`${who}: tracking number "${number.slice(0, 40)}" does not look like one`);
  tracking.events = timelineEvents(doc, order, now, who, problems);
  const latest = latestLine(wrap, order, now);
  if (latest && !tracking.events.some((e) => e.text === latest.text)) {
    if (latest.at) tracking.events.unshift(latest as TrackingEvent);
    else if (!tracking.events.length) problems.push(`${who}: the latest tracking update ("${latest.text.slice(0, 60)}") shows no time, so it was not kept: open the tracking page`);
  }

  // ---- total
  readTotal(wrap, order, who, problems);

  if (!order.placedOn) problems.push(`${who}: order date not found`);
  order.pageNotes = notes.list;
  finishTracking(order, tracking);
  return { orders: [order], problems };
}

/**
 * Text blocks (elements with no block element inside, outermost) that carry a dated service or
 * deadline sentence, outside the parts read on their own. Finds the "Service Commitment" contents
 * ("… · Refund if no delivery before Sep 4, 2026 · …") whatever their class names.
 */
function serviceBlocks(wrap: Element): string[] {
  const is = (el: Element, css: string) => el.closest(css) === el;
  // post-order walk: an element is a text block when no block element is inside it; only the
  // outermost text blocks are kept (one linear pass, no per-element subtree queries)
  const visit = (el: Element, depth: number): { hasBlock: boolean; blocks: Element[] } => {
    if (depth > 60 || is(el, SCAN_SKIP)) return { hasBlock: is(el, S.textBlockBreaker.css), blocks: [] };
    let hasBlock = false;
    const blocks: Element[] = [];
    for (const child of Array.from(el.children)) {
      const r = visit(child, depth + 1);
      hasBlock ||= r.hasBlock || is(child, S.textBlockBreaker.css);
      blocks.push(...r.blocks);
    }
    return { hasBlock, blocks: hasBlock ? blocks : [el] };
  };
  const out: string[] = [];
  for (const child of Array.from(wrap.children)) {
    for (const el of visit(child, 0).blocks) {
      const t = spacedText(el);
      if (t.length < 6 || t.length > 600) continue;
      const dates = findDates(t);
      // a date alone (a progress node's time beside its box) is not a sentence
      const words = dates.reduce((rest, d) => rest.replace(d.raw, ' '), t);
      if (!/\p{L}{2}/u.test(words)) continue;
      if (dates.length || classifyNotes(t).length || mentionsDeliveryGuarantee(t)) out.push(t);
    }
  }
  return out;
}

/** The latest tracking line of the per-line logistics box; `at` only when a time is shown beside it. */
function latestLine(wrap: Element, order: OrderFacts, now: Date): { at?: string; text: string } | undefined {
  const desc = $(wrap, S.trackDesc.css);
  const t = text(desc);
  if (!desc || !t) return undefined;
  const box = desc.closest(S.trackInfo.css) ?? desc.parentElement;
  // the title is left alone (privacy tools hide it); any other child may carry the time
  const others = box ? Array.from(box.children).filter((c) => c !== desc && c.closest(S.trackTitle.css) !== c) : [];
  for (const o of others) {
    const ot = text(o);
    const p = ot && parseMonthDayTime(ot);
    if (p && p.hour !== undefined) {
      const at = resolveTrackingTimes([ot], { placedOn: order.placedOn, now })[0]?.at;
      if (at) return { at, text: t };
    }
  }
  return { text: t };
}

/** Events of the logistics timeline variant: a time and one or two lines of text each. */
function timelineEvents(doc: Document, order: OrderFacts, now: Date, who: string, problems: string[]): TrackingEvent[] {
  const items = $$(doc, S.timelineItem.css).map((item) => {
    const leaves = $$(item, S.anyElement.css)
      .filter((e) => e.children.length === 0)
      .map((e) => text(e))
      .filter(Boolean);
    const timeIdx = leaves.findIndex((l) => parseMonthDayTime(l)?.hour !== undefined);
    const timeText = timeIdx >= 0 ? leaves[timeIdx] : '';
    const rest = leaves.filter((_, i) => i !== timeIdx);
    return { timeText, rest };
  });
  const times = resolveTrackingTimes(
    items.map((i) => i.timeText),
    { placedOn: order.placedOn, now },
  );
  const events: TrackingEvent[] = [];
  items.forEach((item, i) => {
    if (!item.rest.length) return;
    const at = times[i]?.at;
    if (!at) {
      problems.push(`${who}: tracking event "${item.rest.join(' ').slice(0, 50)}" has no readable time`);
      return;
    }
    const e: TrackingEvent = item.rest.length > 1 ? { at, title: item.rest[0], text: item.rest.slice(1).join(' ') } : { at, text: item.rest[0] };
    if (times[i].guessed) problems.push(`${who}: the year of tracking event "${e.text.slice(0, 40)}" was guessed`);
    events.push(e);
  });
  return events;
}

function readTotal(wrap: Element, order: OrderFacts, who: string, problems: string[]) {
  const rows = $$(wrap, S.priceRow.css).map((r) => ({
    label: text($(r, S.priceLabel.css)),
    value: text($(r, S.priceValue.css)),
  }));
  if (!rows.length) {
    problems.push(`${who}: order total not found`);
    return;
  }
  const labelled = rows.find((r) => splitLabel(r.label, ROW_LABELS.total)?.value === '');
  const candidates = labelled ? [labelled] : [...rows].reverse();
  for (const r of candidates) {
    const { money, problem } = parseMoney(r.value);
    if (money) {
      order.total = money;
      if (problem) problems.push(`${who}: total ${problem}`);
      return;
    }
  }
  problems.push(`${who}: order total could not be read`);
}

// ---------------------------------------------------------------------------------------------
// Old layout (trade.aliexpress.com/order_detail.htm, ≈ until 2021/22), best effort

/** Old order-table `data-status` codes (seller-side enums, §2.7). */
export const OLD_STATUS_CODES: Record<string, OrderStatus> = {
  PLACE_ORDER_SUCCESS: 'awaiting-payment',
  WAIT_BUYER_PAY: 'awaiting-payment',
  WAIT_SELLER_SEND_GOODS: 'awaiting-shipment',
  SELLER_PART_SEND_GOODS: 'awaiting-shipment',
  WAIT_BUYER_ACCEPT_GOODS: 'awaiting-delivery',
  WAIT_BUYER_CONFIRM_GOODS: 'awaiting-delivery',
  FINISH: 'completed',
  TRADE_FINISHED: 'completed',
  TRADE_CLOSED: 'closed',
};

const OLD_DATE_LABELS: Record<RowField, readonly string[]> = {
  ...ROW_LABELS,
  placedOn: [...ROW_LABELS.placedOn, ...ROW_LABELS.orderDate],
};

function readOld(doc: Document, ctx: ReadContext): PartialReading {
  const problems: string[] = [];
  const body = $(doc, S.oldOrderBody.css);
  const orderId = pageFromUrl(ctx.url).orderId ?? idString(attr(body, 'data-orderid'));
  if (!orderId) return { orders: [], problems: ['the order number was not found on this old order page'] };
  const who = `order ${orderId}`;
  const order = emptyOrder(orderId);
  const notes = new Notes();

  const rawCode = normaliseText(attr(body, 'data-status')).toUpperCase();
  Object.assign(order, decideStatus(OLD_STATUS_CODES[rawCode] ?? 'unknown', rawCode, text($(doc, S.oldStatus.css)), who, problems));
  if (!order.statusText) delete order.statusText;

  for (const li of $$(doc, S.oldDateRow.css)) {
    const hit = classifyRow(spacedText(li), OLD_DATE_LABELS);
    if (hit && hit.field !== 'orderId' && hit.field !== 'paymentMethod' && !order[hit.field]) setDate(order, hit.field, hit.value, who, problems);
  }
  const pay = text($(doc, S.oldPayment.css));
  if (pay) order.paymentMethod = pay;

  for (const icon of $$(doc, S.oldServiceIcon.css)) notes.add(attr(icon, 'title'));

  const store = $(doc, S.oldStore.css);
  if (text(store)) {
    const url = absoluteUrl(attr(store, 'href'));
    order.store = url ? { name: text(store), url } : { name: text(store) };
  } else problems.push(`${who}: store not found`);

  order.items = eachSafely(
    $$(doc, S.oldLine.css),
    (line) => {
      const link = $(line, S.oldLineTitle.css);
      const item: OrderItem = { title: text(link) };
      if (!item.title) problems.push(`${who}: an item has no title`);
      const url = absoluteUrl(attr(link, 'href'));
      if (url) item.url = url;
      const sku = spacedText($(line, S.oldLineSpec.css)).replace(/^[^:：]{1,20}[:：]\s*/, '');
      if (sku) item.sku = sku;
      const q = quantityOf(text($(line, S.oldLineQuantity.css)));
      if (q) item.quantity = q;
      return item;
    },
    problems,
    `${who} item`,
  );
  if (!order.items.length) problems.push(`${who}: no items found`);

  const totalText = text($(doc, S.oldTotal.css));
  const { money, problem } = parseMoney(totalText);
  if (money) order.total = money;
  if (problem) problems.push(`${who}: total ${problem}`);

  const tracking: Tracking = { events: [] };
  const no = text($(doc, S.oldTrackingNo.css));
  if (no && TRACKING_NO.test(no)) tracking.number = no;
  const carrier = text($(doc, S.oldCarrier.css));
  if (carrier) tracking.carrier = carrier;
  finishTracking(order, tracking);

  if (!order.placedOn) problems.push(`${who}: order date not found`);
  order.pageNotes = notes.list;
  return { orders: [order], problems };
}
