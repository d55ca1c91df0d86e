// The tracking page: `/p/tracking/index.html?tradeOrderId=` in its three markup generations, the old
// `track.aliexpress.com/logisticsdetail.htm?tradeId=` page, and the page's own `mtop.ae.ld.querydetail`
// payload (reference aliexpress-pages.md §2.5, §2.6, §5, §8.3, §9.2, §9.3).
//
// One order per page. The facts: the tracking number, carrier, the END of the delivery estimate,
// the events newest first with full 'YYYY-MM-DDTHH:mm' times, the delivery day, and the page's
// service lines ("Refund if no delivery before …") as page notes. Not read on purpose: the ship-to
// block and `logisticsReceiverInfo` (PII, §12), and a shipping date (a pick-up event is not the
// "Shipment completed on" date, §2.9). Deadlines are the engine's job.
import type { OrderFacts, OrderStatus, PageNote, ReadContext, Tracking, TrackingEvent } from '../types';
import { emptyOrder } from '../types';
import { sel, type DomReader, type PartialReading, type PayloadReader, type SelectorDef } from './reader';
import { $, $$, attr, eachSafely, spacedText, type Root } from './dom';
import {
  dateTimeFromEpoch,
  findDates,
  inferYear,
  isoDate,
  localDate,
  parseDateRange,
  parseMonthDayTime,
  resolveTrackingTimes,
  shiftDate,
  type MonthDayTime,
} from './dates';
import { normaliseText } from './labels';
import { classifyNote } from './deadline-text';
import { orderIdFromHref, pageFromUrl } from './urls';
import { htmlText, idString, NOT_LOGGED_IN, retStatus, type Json } from './payload';

// ---------------------------------------------------------------------------------------------
// Selectors. Hashed CSS-module classes (`<module>--<name>--<hash>`) are matched by substring only:
// the hash changes with every release (§5, §11).

const EN = 'tracking-2026-v2-en.html';
const DELIVERED = 'tracking-2026-v2-delivered.html';
const KO = 'tracking-2026-ko.html';
const ERROR = 'tracking-2026-v2-error.html';
const GEN2 = 'tracking-2025-gen2.html';
const GEN1 = 'tracking-2024-gen1.html';
const OLD = 'tracking-old-track.html';
const GEN3 = [EN, DELIVERED, KO];

export const TRACKING_SELECTORS = {
  // generation 3 (2024 → 2026): `logistic-info-v2--*`, `arrival-time-v2--*`
  header: sel('[class*="arrival-time-v2--title"]', 'header: "Estimated delivery: Sep. 26 - Oct. 01" or "Delivered：Jul. 28"', GEN3),
  error: sel('[class*="error--title"]', 'error state: the page has no tracking to show', [ERROR]),
  carrierTitle: sel('[class*="logistic-info-v2--carrierTitle"]', 'shipping service ("AliExpress Selection Standard …")', GEN3),
  carrierValue: sel('[class*="logistic-info-v2--carrierValue"]', 'carrier value (used when the title is missing or only a label)', GEN3),
  number: sel('[class*="logistic-info-v2--mailNoValue"]', 'tracking number', GEN3),
  node: sel('[class*="logistic-info-v2--node--"]', 'one tracking event, newest first', GEN3),
  viewMore: sel('[class*="logistic-info-v2--viewMoreBtn"]', '"View more": older events are folded', [EN, DELIVERED]),
  // [guessed markup] the Fast delivery block (its lines are known from the payload, not its classes)
  fastDeliveryLine: sel('[class*="fast-delivery--item--"]', 'Fast delivery service line ("Refund if no delivery before …")', GEN3),
  // inside an event node, generations 2 and 3
  nodeTitle: sel('[class*="nodeTitle"]', 'event title ("In transit", "Delivered")', [...GEN3, GEN2]),
  nodeDesc: sel('[class*="nodeDesc"]', 'event description ("Package delivered.")', [...GEN3, GEN2]),
  nodeTime: sel('[class*="nodeTime"]', 'event time ("Tue | Jul. 28 18:39", no year)', [...GEN3, GEN2]),
  // generation 2 (≈2023 → 2024): `logistic-info--*` (no -v2)
  header2: sel('[class*="arrival-time--title"]', 'header, generation 2 [guessed class]', [GEN2]),
  number2: sel('[class*="logistic-info--mailNo-pc--"]', 'tracking number block "Tracking number <no> Copy", generation 2', [GEN2]),
  node2: sel('[class*="logistic-info--node--"]', 'one tracking event, generation 2', [GEN2]),
  // generation 1 (≈2023): plain classes; only `span.full-number > a` is documented, the event list is guessed
  number1: sel('span.full-number > a', 'tracking number link (href with mailNoList=…), generation 1', [GEN1]),
  node1: sel('li.tracking-detail-item', 'one tracking event, generation 1 [guessed]', [GEN1]),
  node1Title: sel('.tracking-detail-item-title', 'event title, generation 1 [guessed]', [GEN1]),
  node1Desc: sel('.tracking-detail-item-desc', 'event description, generation 1 [guessed]', [GEN1]),
  node1Time: sel('.tracking-detail-item-time', 'event time, generation 1 [guessed]', [GEN1]),
  // old page track.aliexpress.com/logisticsdetail.htm?tradeId= (≤2021/22)
  oldModule: sel('div.tracking-module', 'old tracking page: the tracking block', [OLD]),
  oldNumbers: sel('a[href*="global.cainiao.com/detail.htm"]', 'old page: tracking numbers (href mailNoList=a,b)', [OLD]),
  oldShipper: sel('span.title-eclp', 'old page: shipping service', [OLD]),
  oldStatus: sel('div.status-title-text', 'old page: status ("In transit", "Delivered")', [OLD]),
  oldStep: sel('ul.ship-steps > li', 'old page: one tracking event, newest first', [OLD]),
  oldTime: sel('p.time', 'old page: event time (with year)', [OLD]),
  oldZone: sel('p.timezone', 'old page: time zone of the event time', [OLD]),
  oldHead: sel('p.head', 'old page: event title', [OLD]),
  oldText: sel('p.text', 'old page: event description', [OLD]),
  // any generation
  orderLink: sel('a[href*="orderId="], a[href*="tradeOrderId="], a[href*="tradeId="]', 'a link naming the order (used when the page address is unknown)', [GEN2]),
  textBlock: sel('div, p, span, li', 'any text block: fallback search for "Refund if no delivery before …"', [...GEN3, GEN2, GEN1, OLD]),
} satisfies Record<string, SelectorDef>;

const S = TRACKING_SELECTORS;

// ---------------------------------------------------------------------------------------------
// Texts (titles are compared whole, after folding spaces and case). Korean "배송 완료" was seen as a
// node title on ko pages; the other non-English words are unverified translations.

const DELIVERED_TITLES = [
  'delivered', 'package delivered', 'delivery successful', 'delivered successfully',
  'entregue', 'pedido entregue', 'entregado', 'livré', 'consegnato', 'zugestellt', 'geliefert', 'bezorgd', 'afgeleverd',
  'doručené', 'dostarczono', 'teslim edildi', 'доставлено', 'вручено', 'đã giao', 'จัดส่งแล้ว', 'נמסר',
  '배송 완료', '배송완료', '배달 완료', '배달완료', '配達済み', '配達完了', '已签收', '已妥投',
];
/** Events before the seller ships: no sign that the parcel is on its way. */
const PRE_SHIPMENT_TITLES = [
  'order created', 'order placed', 'package in preparation', 'payment confirmed', 'order paid',
  'pedido criado', 'pedido creado', '주문 생성', '주문 생성됨', '주문 생성 완료', '주문 접수', '결제 완료', '상품 준비 중', '상품 준비중',
];
const PRE_SHIPMENT_CODES = ['AE_ORDER_PLACED', 'AE_ORDER_PAID', 'AE_ORDER_CREATED'];
const DELIVERED_CODE = 'AE_GTMS_SIGNED';

const fold = (s: string | undefined) => normaliseText(s).toLowerCase().replace(/[.!。:：]+$/, '');
const isDeliveredTitle = (t: string | undefined) => !!t && DELIVERED_TITLES.includes(fold(t));
/** Header "Delivered：Jul. 28" / "배송 완료: 7월 28일" (the word first). */
const isDeliveredHeader = (t: string) => DELIVERED_TITLES.some((w) => fold(t).startsWith(w));

const ORDER_ID_MISSING = 'order id not found: open the tracking page from the order';

// ---------------------------------------------------------------------------------------------
// Shared between the DOM and the payload

interface RawEvent {
  title?: string;
  text: string;
  timeText: string;
  /** epoch ms (payload only) */
  time?: number;
  location?: string;
  code?: string;
  codes: string[];
}

function isPreShipment(e: { title?: string; codes?: string[] }): boolean {
  if (e.codes?.some((c) => PRE_SHIPMENT_CODES.includes(c))) return true;
  return !!e.title && PRE_SHIPMENT_TITLES.includes(fold(e.title));
}

/** In transit once any event is past the seller's preparation; delivered or unclear: unknown. */
function statusOf(delivered: boolean, events: RawEvent[]): OrderStatus {
  if (delivered) return 'unknown'; // delivered is not "completed": the buyer may not have confirmed yet
  return events.some((e) => !isPreShipment(e)) ? 'awaiting-delivery' : 'unknown';
}

const weekdayOf = (ymd: string) => new Date(`${ymd.slice(0, 10)}T00:00:00Z`).getUTCDay();

/**
 * Years for year-less times listed newest first (§9.2): the weekday settles a year; a known lower
 * bound (the order's creation, from a timestamp) narrows the rest; otherwise the most recent past
 * date is taken and reported as a guess. Returns one `at` per event (undefined when unreadable).
 */
function resolveYearless(texts: string[], now: Date, problems: string[], lowerBound?: string): (string | undefined)[] {
  const parsed = texts.map((t) => (t ? parseMonthDayTime(t) : undefined));
  const resolved = resolveTrackingTimes(texts, { now, placedOn: lowerBound });
  let guessed = 0;
  resolved.forEach((r, i) => {
    const p = parsed[i];
    if (!r.at || !p || p.year) return;
    const weekdayFits = p.weekday !== undefined && weekdayOf(r.at) === p.weekday;
    if (p.weekday !== undefined && !weekdayFits) {
      problems.push(`the weekday in the tracking time "${texts[i]}" does not fit ${r.at.slice(0, 10)}: its year may be wrong`);
    }
    if (r.guessed && !weekdayFits) guessed++;
  });
  if (guessed) {
    problems.push(
      `the tracking times show no year: the year of ${guessed} event${guessed > 1 ? 's was' : ' was'} guessed as the most recent past date`,
    );
  }
  return resolved.map((r) => r.at);
}

/** Events with readable times; the rest become problems. */
function finishEvents(raws: RawEvent[], ats: (string | undefined)[], problems: string[]): TrackingEvent[] {
  const out: TrackingEvent[] = [];
  raws.forEach((r, i) => {
    const at = ats[i];
    const name = r.title || r.text;
    if (!at) {
      // "Order created" / "Package in preparation" are shown without a time: nothing is lost
      if (!r.timeText && !r.time && isPreShipment(r)) return;
      problems.push(
        r.timeText || r.time
          ? `tracking event ${i + 1} ("${name}") has a time that could not be read ("${r.timeText || r.time}"): left out`
          : `tracking event ${i + 1} ("${name}") has no time (the page may be cut short): left out`,
      );
      return;
    }
    const e: TrackingEvent = { at, text: r.text };
    if (r.title && r.title !== r.text) e.title = r.title;
    if (r.location) e.location = r.location;
    if (r.code) e.code = r.code;
    out.push(e);
  });
  return out;
}

/** A tracking number in a text such as "Tracking number: SWX123… Copy". */
function numberIn(s: string | undefined): string | undefined {
  for (const token of normaliseText(s).split(/[\s:：,;|]+/)) {
    if (/^[A-Za-z0-9-]{8,40}$/.test(token) && (token.match(/\d/g)?.length ?? 0) >= 5) return token;
  }
  return undefined;
}

/** The numbers of a `mailNoList=a,b` link. */
function mailNoList(href: string | undefined): string[] {
  const m = href ? /[?&]mailNoList=([^&#]+)/i.exec(href) : null;
  if (!m) return [];
  let v = m[1];
  try {
    v = decodeURIComponent(v);
  } catch {
    /* keep it raw */
  }
  return v.split(',').map((n) => n.trim()).filter((n) => /^[A-Za-z0-9-]{6,40}$/.test(n));
}

function morePackagesProblem(numbers: string[]): string {
  return `this order shows ${numbers.length} tracking numbers (${numbers.join(', ')}): only the first, ${numbers[0]}, was read, and a delivery date is that of the first package`;
}

function noteOf(line: string): PageNote {
  const t = normaliseText(line);
  const date = findDates(t)[0]?.date;
  return date ? { text: t, date } : { text: t };
}

function addNote(notes: PageNote[], note: PageNote) {
  if (note.text && !notes.some((n) => n.text === note.text)) notes.push(note);
}

/** Lower bound for a year-less estimate when no event gives one: estimates are not older than ~4 months. */
const rangeFloor = (now: Date, bound?: string) => bound ?? shiftDate(localDate(now), -120);

/** Year of a year-less day ("Delivered：Jul. 28"): most recent not in the future, not before `bound`. */
function dayOf(textWithDay: string, now: Date, bound?: string): string | undefined {
  const afterColon = textWithDay.split(/[:：]/).slice(1).join(':') || textWithDay;
  const p = parseMonthDayTime(afterColon.trim());
  if (!p) return undefined;
  const y = inferYear({ ...p, weekday: undefined } as MonthDayTime, { now, placedOn: bound });
  return y ? isoDate(y.year, p.month, p.day) : undefined;
}

function buildOrder(
  orderId: string,
  parts: { status: OrderStatus; deliveredOn?: string; notes: PageNote[]; tracking?: Tracking },
): OrderFacts {
  const order = emptyOrder(orderId);
  order.status = parts.status;
  if (parts.deliveredOn) order.deliveredOn = parts.deliveredOn;
  order.pageNotes = parts.notes;
  if (parts.tracking) order.tracking = parts.tracking;
  return order;
}

function trackingOf(number: string | undefined, carrier: string | undefined, eta: string | undefined, events: TrackingEvent[]): Tracking | undefined {
  if (!number && !carrier && !eta && !events.length) return undefined;
  const t: Tracking = { events };
  if (number) t.number = number;
  if (carrier) t.carrier = carrier;
  if (eta) t.eta = eta;
  return t;
}

// ---------------------------------------------------------------------------------------------
// DOM

/** true when the document looks like a tracking page (used when the URL is unknown). */
export function looksLikeTracking(doc: Document): boolean {
  return [S.node, S.number, S.header, S.node2, S.number2, S.number1, S.oldModule, S.oldStep].some((s) => !!$(doc, s.css));
}

interface Generation {
  nodes: SelectorDef;
  title: SelectorDef;
  desc: SelectorDef;
  time: SelectorDef;
  zone?: SelectorDef;
}
const GENERATIONS: Generation[] = [
  { nodes: S.node, title: S.nodeTitle, desc: S.nodeDesc, time: S.nodeTime },
  { nodes: S.node2, title: S.nodeTitle, desc: S.nodeDesc, time: S.nodeTime },
  { nodes: S.node1, title: S.node1Title, desc: S.node1Desc, time: S.node1Time },
  { nodes: S.oldStep, title: S.oldHead, desc: S.oldText, time: S.oldTime, zone: S.oldZone },
];

/** Matches of `css` inside `root` that are not inside another match (wrappers with similar names). */
function outermost(root: Root, css: string): Element[] {
  const all = $$(root, css);
  return all.filter((el) => !all.some((other) => other !== el && isInside(el, other)));
}

function isInside(el: Element, ancestor: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p === ancestor) return true;
  return false;
}

function domRawEvents(doc: Document, problems: string[]): RawEvent[] {
  const gen = GENERATIONS.find((g) => $(doc, g.nodes.css));
  if (!gen) return [];
  const nodes = outermost(doc, gen.nodes.css);
  return eachSafely(
    nodes,
    (node, i) => {
      const title = spacedText($(node, gen.title.css));
      const desc = outermost(node, gen.desc.css).map(spacedText).filter(Boolean).join(' ');
      let timeText = spacedText($(node, gen.time.css));
      if (gen.zone) {
        const zone = spacedText($(node, gen.zone.css)).replace(/\(?\b(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?/gi, ' ');
        timeText = normaliseText(`${timeText} ${zone}`);
      }
      if (!title && !desc && !timeText) {
        problems.push(`tracking event ${i + 1} is empty (the page may not have finished loading)`);
        return undefined;
      }
      const t = desc || title;
      const raw: RawEvent = { title: title || undefined, text: t, timeText, codes: [] };
      // "[Shenzhen] Departed from …": the place in brackets, as the old page and some carriers write it
      const place = /^\[([^\]]{2,60})\]/.exec(t);
      if (place) raw.location = place[1].trim();
      return raw;
    },
    problems,
    'tracking event',
  );
}

function domNumbers(doc: Document): string[] {
  const found: string[] = [];
  const add = (n: string | undefined) => {
    if (n && !found.includes(n)) found.push(n);
  };
  for (const el of $$(doc, S.number.css)) add(numberIn(spacedText(el)));
  if (!found.length) for (const el of $$(doc, S.number2.css)) add(numberIn(spacedText(el)));
  if (!found.length) {
    for (const a of $$(doc, S.number1.css)) {
      const list = mailNoList(attr(a, 'href'));
      if (list.length) list.forEach(add);
      else add(numberIn(spacedText(a)));
    }
  }
  if (!found.length) for (const a of $$(doc, S.oldNumbers.css)) mailNoList(attr(a, 'href')).forEach(add);
  return found;
}

function domCarrier(doc: Document): string | undefined {
  const title = spacedText($(doc, S.carrierTitle.css));
  const value = spacedText($(doc, S.carrierValue.css));
  const isLabel = (s: string) => /[:：]$/.test(s) || ['carrier', 'logistics', 'shipping', '배송업체', '택배사', '운송사'].includes(fold(s));
  if (title && !isLabel(title)) return title;
  if (value) return value.replace(/^[^:：]{1,20}[:：]\s*/, '') || value;
  return spacedText($(doc, S.oldShipper.css)) || undefined;
}

function domOrderId(doc: Document, url?: string): string | undefined {
  const fromUrl = pageFromUrl(url).orderId;
  if (fromUrl) return fromUrl;
  for (const a of $$(doc, S.orderLink.css)) {
    const id = orderIdFromHref(attr(a, 'href'));
    if (id) return id;
  }
  return undefined;
}

/** Fast delivery lines, and any "Refund if no delivery before …" sentence elsewhere on the page. */
function domServiceNotes(doc: Document, notes: PageNote[]) {
  for (const el of $$(doc, S.fastDeliveryLine.css)) addNote(notes, noteOf(spacedText(el)));
  const hits = $$(doc, S.textBlock.css).filter((el) => {
    const t = spacedText(el);
    return t.length < 300 && classifyNote(t)?.kind === 'not-received';
  });
  for (const el of hits) {
    if (hits.some((other) => other !== el && isInside(other, el))) continue; // keep the innermost
    const t = spacedText(el);
    if (!notes.some((n) => n.text.includes(t) || t.includes(n.text))) addNote(notes, noteOf(t));
  }
}

export const readTrackingDom: DomReader = (doc: Document, ctx: ReadContext): PartialReading => {
  const problems: string[] = [];
  try {
    const now = ctx.now ?? new Date();
    const orderId = domOrderId(doc, ctx.url);
    const errorText = spacedText($(doc, S.error.css));
    if (errorText) problems.push(`the tracking page shows no tracking: "${errorText}"`);
    if (!orderId) return { orders: [], problems: [...problems, ORDER_ID_MISSING] };
    // a tracking address serving something else (a blank or foreign page): no order from the address alone
    if (!errorText && !looksLikeTracking(doc)) return { orders: [], problems: ['this page does not look like an AliExpress tracking page'] };

    const raws = domRawEvents(doc, problems);
    const ats = resolveYearless(raws.map((r) => r.timeText), now, problems);
    const events = finishEvents(raws, ats, problems);
    const oldest = events.length ? events[events.length - 1].at.slice(0, 10) : undefined;

    const notes: PageNote[] = [];
    let eta: string | undefined;
    let deliveredOn: string | undefined;
    const newestDelivered = events.find((e) => isDeliveredTitle(e.title) || (!e.title && isDeliveredTitle(e.text)));
    if (newestDelivered) deliveredOn = newestDelivered.at.slice(0, 10);

    const header = spacedText($(doc, S.header.css)) || spacedText($(doc, S.header2.css));
    if (header) {
      if (isDeliveredHeader(header)) {
        deliveredOn ??= dayOf(header, now, oldest);
        if (!deliveredOn) problems.push(`the delivery day in "${header}" could not be read`);
      } else {
        const range = parseDateRange(header, { now, placedOn: rangeFloor(now, oldest) });
        if (range) {
          eta = range.end;
          addNote(notes, { text: header, date: range.end });
        } else if (/\d/.test(header)) {
          problems.push(`the delivery estimate "${header}" could not be read`);
        }
      }
    }
    const oldStatus = spacedText($(doc, S.oldStatus.css));
    if (!deliveredOn && oldStatus && isDeliveredHeader(oldStatus) && events[0]) deliveredOn = events[0].at.slice(0, 10);

    domServiceNotes(doc, notes);

    const numbers = domNumbers(doc);
    if (numbers.length > 1) problems.push(morePackagesProblem(numbers));
    const tracking = trackingOf(numbers[0], domCarrier(doc), eta, events);
    if (!errorText) {
      if (!numbers.length) problems.push('tracking number not found on the page');
      if (!raws.length) problems.push('no tracking events found on the page');
    }
    const last = raws[raws.length - 1];
    if (last && $(doc, S.viewMore.css) && !isPreShipment(last)) {
      problems.push('older tracking events may be folded under "View more": expand them before saving the page for a complete record');
    }
    const delivered = !!deliveredOn || !!newestDelivered;
    return {
      orders: [buildOrder(orderId, { status: statusOf(delivered, raws), deliveredOn, notes, tracking })],
      problems,
    };
  } catch (e) {
    return { orders: [], problems: [...problems, `this tracking page could not be read (${(e as Error)?.message ?? e})`] };
  }
};

// ---------------------------------------------------------------------------------------------
// Payload `mtop.ae.ld.querydetail`

const str = (v: unknown): string => (typeof v === 'string' ? normaliseText(v) : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{10,14}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);


/** The order id inside a payload: an id field, else a link with `tradeOrderId=` (e.g. `etaInfo.tipsLink`). */
function payloadOrderId(payload: Json): string | undefined {
  let byKey: string | undefined;
  let byHref: string | undefined;
  let budget = 50_000;
  const walk = (v: unknown, depth: number) => {
    if (byKey || budget-- <= 0 || depth > 12) return;
    if (typeof v === 'string') {
      if (!byHref && v.includes('Id=')) byHref = orderIdFromHref(v);
      return;
    }
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    if (!isObj(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (/^(tradeOrderId|orderId|tradeId|parentOrderId)$/.test(k) && idString(x)) {
        byKey = idString(x);
        return;
      }
      walk(x, depth + 1);
    }
  };
  walk(payload, 0);
  return byKey ?? byHref;
}

/**
 * Minutes east of UTC in which `timeText` was written, learned from events whose epoch `time` and
 * `timeText` agree (within a time zone's reach). The most common offset wins.
 */
function learnOffset(raws: RawEvent[]): number | undefined {
  const votes = new Map<number, number>();
  for (const r of raws) {
    if (!r.time || !r.timeText) continue;
    const p = parseMonthDayTime(r.timeText);
    if (!p || p.hour === undefined) continue;
    const y = new Date(r.time).getUTCFullYear();
    for (const year of p.year ? [p.year] : [y - 1, y, y + 1]) {
      const shown = Date.UTC(year, p.month - 1, p.day, p.hour, p.minute ?? 0);
      const diff = (shown - r.time) / 60_000;
      if (Math.abs(diff) <= 14 * 60 + 15) {
        const off = Math.round(diff / 15) * 15;
        votes.set(off, (votes.get(off) ?? 0) + 1);
      }
    }
  }
  let best: number | undefined;
  for (const [off, n] of votes) if (best === undefined || n > votes.get(best)!) best = off;
  return best;
}

/** Hours between an 'at' and the month/day/time of a text, in the nearest year. */
function hoursApart(at: string, p: MonthDayTime): number {
  const [y, mo, d, h, mi] = at.split(/[-T:]/).map(Number);
  const a = Date.UTC(y, mo - 1, d, h, mi);
  const years = p.year ? [p.year] : [y - 1, y, y + 1];
  return Math.min(...years.map((yy) => Math.abs(Date.UTC(yy, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0) - a) / 3_600_000));
}

function payloadRawEvents(line: Json, problems: string[]): RawEvent[] {
  const list: unknown[] = Array.isArray(line.detailList) ? line.detailList : [];
  return eachSafely(
    list,
    (d, i) => {
      if (!isObj(d)) {
        problems.push(`tracking event ${i + 1} in the payload is not an object: skipped`);
        return undefined;
      }
      const title = str(d.trackingName);
      const desc = str(d.trackingDetailDesc);
      const primary = str(d.trackingPrimaryCode);
      const second = str(d.trackingSecondCode);
      const raw: RawEvent = {
        title: title || undefined,
        text: desc || title,
        timeText: str(d.timeText),
        time: num(d.time),
        codes: [primary, second].filter(Boolean),
      };
      const code = second || primary;
      if (code) raw.code = code;
      const location = str(d.detailedLocation);
      if (location) raw.location = location;
      if (!raw.text && !raw.timeText && !raw.time) return undefined;
      return raw;
    },
    problems,
    'tracking event',
  );
}

/** 'at' for each payload event: epoch `time` first (in the page's zone), else the year-less `timeText`. */
function payloadTimes(raws: RawEvent[], now: Date, problems: string[]): (string | undefined)[] {
  const offset = learnOffset(raws);
  const fromEpoch = raws.map((r) => (r.time ? dateTimeFromEpoch(r.time, offset) : undefined));
  if (offset === undefined && fromEpoch.some(Boolean)) {
    problems.push("the tracking times' time zone could not be told from the payload: times are given in this computer's zone");
  }
  const epochBound = [...fromEpoch].reverse().find(Boolean)?.slice(0, 10);
  const needText = raws.some((r, i) => !fromEpoch[i] && r.timeText);
  const fromText = needText ? resolveYearless(raws.map((r, i) => (fromEpoch[i] ? '' : r.timeText)), now, problems, epochBound) : [];
  return raws.map((r, i) => {
    const at = fromEpoch[i];
    if (!at) return fromText[i];
    const p = r.timeText ? parseMonthDayTime(r.timeText) : undefined;
    if (p && hoursApart(at, p) > 24) {
      problems.push(
        `tracking event ${i + 1} ("${r.title || r.text}"): the time shown, "${r.timeText}", is more than a day from its timestamp (${at}); the timestamp was kept`,
      );
    }
    return at;
  });
}

/** End of the estimate: the text as shown, its year checked against `endEtaTime`. */
function payloadEta(eta: Json, now: Date, bound: string | undefined, offset: number | undefined): string | undefined {
  const shown = str(eta.etaTimeText) || htmlText(eta.etaTitleRichText);
  const endMs = num(eta.endEtaTime) ?? num(eta.etaTimeStamp);
  const epochEnd = endMs ? dateTimeFromEpoch(endMs, offset)?.slice(0, 10) : undefined;
  const range = shown ? parseDateRange(shown, { now, placedOn: rangeFloor(now, bound) }) : undefined;
  if (!range) return epochEnd;
  if (!epochEnd) return range.end;
  // same month/day as shown, in the year nearest the timestamp
  const [ey] = epochEnd.split('-').map(Number);
  const [, m, d] = range.end.split('-').map(Number);
  const candidates = [ey - 1, ey, ey + 1].map((y) => isoDate(y, m, d)).filter((x): x is string => !!x);
  const dist = (x: string) => Math.abs(Date.parse(x) - Date.parse(epochEnd));
  return candidates.sort((a, b) => dist(a) - dist(b))[0] ?? range.end;
}

export const readTrackingPayload: PayloadReader = (payload: Json, ctx: ReadContext): PartialReading => {
  const problems: string[] = [];
  try {
    if (!retStatus(payload).ok) return { orders: [], problems: [`${NOT_LOGGED_IN} [${retStatus(payload).code}]`] };
    const now = ctx.now ?? new Date();
    const orderId = pageFromUrl(ctx.url).orderId ?? payloadOrderId(payload);
    if (!orderId) return { orders: [], problems: [ORDER_ID_MISSING] };
    const module: Json = isObj(payload?.data?.module) ? payload.data.module : isObj(payload?.module) ? payload.module : {};
    const lines: Json[] = (Array.isArray(module.trackingDetailLineList) ? module.trackingDetailLineList : []).filter(isObj);

    const notes: PageNote[] = [];
    const line = lines[0];
    let raws: RawEvent[] = [];
    let events: TrackingEvent[] = [];
    let eta: string | undefined;
    let deliveredOn: string | undefined;
    if (line) {
      raws = payloadRawEvents(line, problems);
      events = finishEvents(raws, payloadTimes(raws, now, problems), problems);
      const oldest = events.length ? events[events.length - 1].at.slice(0, 10) : undefined;
      const signed = events.find((e, i) => e.code === DELIVERED_CODE || raws[i]?.codes.includes(DELIVERED_CODE));
      const byTitle = events.find((e) => isDeliveredTitle(e.title));
      deliveredOn = (signed ?? byTitle)?.at.slice(0, 10);
      const etaInfo: Json = isObj(line.etaInfo) ? line.etaInfo : {};
      const offset = learnOffset(raws);
      if (str(etaInfo.etaSceneCode) === 'REAL_DELIVERY') {
        // the carrier's actual delivery time, not a promise
        const ms = num(etaInfo.endEtaTime) ?? num(etaInfo.beginEtaTime);
        deliveredOn ??= (ms ? dateTimeFromEpoch(ms, offset)?.slice(0, 10) : undefined) ?? dayOf(str(etaInfo.etaTimeText), now, oldest);
      } else if (Object.keys(etaInfo).length) {
        eta = payloadEta(etaInfo, now, oldest, offset);
        const shown = htmlText(etaInfo.etaTitleRichText) || str(etaInfo.etaTimeText);
        if (eta && shown) addNote(notes, { text: shown, date: eta });
        else if (shown) problems.push(`the delivery estimate "${shown}" could not be read`);
      }
      if (!raws.length) problems.push('the payload lists no tracking events');
    } else {
      problems.push('the payload lists no package for this order');
    }

    const fd: Json = isObj(module.fastDeliveryInfoDTO) ? module.fastDeliveryInfoDTO : {};
    const fdLines: string[] = Array.isArray(fd.fdContentList)
      ? fd.fdContentList.map(str).filter(Boolean)
      : str(fd.fdContent).split(/\s*·\s*/).filter(Boolean);
    for (const l of fdLines) addNote(notes, noteOf(l));

    const number = line ? str(line.mailNo) : '';
    if (line && !number) problems.push('the payload gives no tracking number for this package');
    if (lines.length > 1) {
      const numbers = lines.map((l, i) => str(l.mailNo) || `package ${i + 1}`);
      problems.push(morePackagesProblem(numbers));
    }
    const carrier = line ? str(line.logisticsCarrierName) || str(isObj(line.logisticsCpInfo) ? line.logisticsCpInfo.cpName : '') : '';
    const tracking = line ? trackingOf(number || undefined, carrier || undefined, eta, events) : undefined;
    return {
      orders: [buildOrder(orderId, { status: statusOf(!!deliveredOn, raws), deliveredOn, notes, tracking })],
      problems,
    };
  } catch (e) {
    return { orders: [], problems: [...problems, `this tracking payload could not be read (${(e as Error)?.message ?? e})`] };
  }
};
