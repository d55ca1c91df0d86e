// Seller chat (message centre) reader: `/p/message/index.html`, `msg.aliexpress.*`, `message.aliexpress.*`.
//
// No source documents the markup of the message list, a bubble, its sender or its time (reference §7):
// only the IM app root, the conversation title and the send button are known. So this reader works
// from STRUCTURE first and uses names only as hints:
//   1. the message list = the element with the most repeated children that carry text (rows), scored
//      up for times in the rows, side markers, list-ish class names and closeness to the input box,
//      scored down for conversation lists (sessions), menus and tool bars;
//   2. each row is a date/time separator, a message, or a group of those (flattened);
//   3. the sender comes from side tokens in class names / data attributes / inline styles, names
//      matching the store, the avatar's position, and finally "the other side" of marked rows;
//   4. times are read from short elements whose whole text is a date and/or time; separators apply to
//      the messages under them; year-less dates take the latest year that is not in the future.
// Only the common DOM API is used (no layout, no innerText). Delete controls are never read or touched.
import type { ChatMessage, ChatReading, OrderFacts, ReadContext } from '../types';
import { emptyOrder } from '../types';
import type { DomReader, PartialReading, SelectorDef } from './reader';
import { sel } from './reader';
import { $, $$, attr, eachSafely, spacedText } from './dom';
import { dateTimeFromEpoch, findDates, inferYear, isoDate, localDate, parseMonthDayTime, shiftDate, type MonthDayTime } from './dates';
import { normaliseText } from './labels';
import { orderIdFromHref, pageFromUrl } from './urls';

const P = 'chat-2026-p-message.html';
const C = 'chat-msg-classic.html';
const O = 'chat-message-old.html';
const E = 'chat-empty.html';
const F = 'chat-p-message-frame.html';

export const CHAT_SELECTORS = {
  app: sel('.im-app', 'the whole IM app (BIG); hint: the conversation is inside', [P, E]),
  view: sel('.message-view', 'the open conversation view on msg./message. hosts (PMD); hint', [C]),
  title: sel('div.message-view-title__content', 'conversation title = store name (PMD)', [C]),
  mainTitle: sel('.me-ui-main-title', 'IM header title (GF434959): the store name when a conversation is open, else a generic "Messages"', [P, E]),
  sendButton: sel('#buyer_msg_send_btn', 'send button of the input area (PMD); never a message', [C]),
  input: sel('textarea, [contenteditable="true"], [contenteditable=""], #buyer_msg_send_btn', 'the message input area; the message list is the list nearest to it', [P, C, O]),
  orderLink: sel('a[href*="orderId="], a[href*="tradeOrderId="], a[href*="tradeId="]', 'order card link (header card or a card message)', [P, O]),
  productLink: sel('a[href*="/item/"]', 'product card link in a message', [P]),
  storeLink: sel('a[href*="/store/"]', 'store link in the conversation header', [P]),
  frame: sel('iframe[src*="message"], iframe[src*="msg."]', 'the IM app loaded in a frame (read separately, all_frames)', [F]),
} satisfies Record<string, SelectorDef>;

/** true when the document looks like a message-centre page (used when the URL is unknown) */
export function looksLikeChat(doc: Document): boolean {
  return !!($(doc, CHAT_SELECTORS.app.css) || $(doc, CHAT_SELECTORS.view.css) || $(doc, CHAT_SELECTORS.title.css) || $(doc, CHAT_SELECTORS.sendButton.css));
}

// ---------------------------------------------------------------------------------------------
// Class / attribute tokens

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'meta', 'link', 'select', 'option', 'textarea', 'input', 'button', 'iframe', 'canvas', 'object']);
const BLOCK_TAGS = new Set(['div', 'p', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'section', 'article', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'header', 'footer']);

const tagOf = (el: Element) => (el.localName || el.tagName || '').toLowerCase();

// Memo for one read (the live page may change between reads, so nothing outlives a call, or the
// synchronous run of oneLook below).
let memo = newMemo();
function newMemo() {
  return { parts: new WeakMap<Element, string[][]>(), text: new WeakMap<Element, string>(), content: new WeakMap<Element, boolean>(), ownText: new WeakMap<Element, boolean>(), stamps: new Map<string, Stamp | undefined>() };
}

/** A look shared by several reads of one document at one moment (see oneLook). */
interface Look {
  doc: Document;
  now: number;
  memo: ReturnType<typeof newMemo>;
  list?: ReturnType<typeof findList>;
}
let look: Look | undefined;

/**
 * Run `fn` (synchronous) with one look at `doc`: readChatDom and chatScrollCandidates called inside
 * it for the same document and moment search the page for the message list once, not once each. The
 * page cannot change during a synchronous run, so they see exactly what they would have seen alone.
 */
export function oneLook<T>(doc: Document, now: Date, fn: () => T): T {
  const outer = look;
  look = { doc, now: now.getTime(), memo: newMemo() };
  try {
    return fn();
  } finally {
    look = outer;
  }
}

/** The message list of `doc`, from the current look when there is one for this document and moment. */
function listOf(doc: Document, env: Env): ReturnType<typeof findList> {
  if (look && look.doc === doc && look.now === env.now.getTime()) return (look.list ??= findList(doc, env));
  return findList(doc, env);
}

/** A fresh memo for a read, or the current look's. */
function memoFor(doc: Document, now: Date) {
  return look && look.doc === doc && look.now === now.getTime() ? look.memo : newMemo();
}

/** Text of an element with spaces at element boundaries, memoised for this read. */
function txt(el: Element | null | undefined): string {
  if (!el) return '';
  let t = memo.text.get(el);
  if (t === undefined) {
    t = spacedText(el);
    memo.text.set(el, t);
  }
  return t;
}

/** Class names (and id) split into lower-case parts: "msgItem--self--4Ab1c" -> [msg, item, self, 4ab1c]. */
function classParts(el: Element): string[][] {
  const hit = memo.parts.get(el);
  if (hit) return hit;
  const out = classPartsOf(el);
  memo.parts.set(el, out);
  return out;
}

function classPartsOf(el: Element): string[][] {
  const raw = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  const out: string[][] = [];
  for (let c of raw.split(/\s+/)) {
    if (!c) continue;
    c = c.replace(/^me-ui-/i, ''); // the IM library prefix: "me" there is not the buyer
    const parts = c
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .map((p) => p.toLowerCase())
      .filter(Boolean);
    if (parts.length) out.push(parts);
  }
  return out;
}

function tokenSet(el: Element): Set<string> {
  const s = new Set<string>();
  for (const parts of classParts(el)) for (const p of parts) if (!/\d/.test(p)) s.add(p);
  return s;
}

const hasAny = (s: Set<string>, words: string[]) => words.some((w) => s.has(w));

interface Votes {
  buyer: number;
  seller: number;
  system: number;
  /** how much of it came from unambiguous words (self, buyer, seller, other, data-is-self…) */
  strong: number;
}

const BUYER_STRONG = new Set(['self', 'mine', 'myself', 'buyer', 'outgoing', 'outbound', 'send', 'sent', 'own']);
const BUYER_WEAK = new Set(['right', 'reverse', 'end']);
const SELLER_STRONG = new Set(['other', 'others', 'opposite', 'seller', 'shop', 'store', 'merchant', 'vendor', 'receive', 'received', 'receiver', 'recv', 'incoming', 'inbound', 'friend', 'peer', 'partner', 'them']);
const SELLER_WEAK = new Set(['left', 'start']);
const SYSTEM_STRONG = new Set(['system', 'sys', 'notice', 'notify', 'notification', 'tip', 'tips', 'hint', 'announcement', 'announce']);
const SYSTEM_WEAK = new Set(['center', 'centre', 'middle']);

function addTokenVotes(parts: string[], v: Votes, w: number) {
  parts.forEach((p, i) => {
    if (BUYER_STRONG.has(p)) {
      v.buyer += 2 * w;
      v.strong += w;
    } else if (BUYER_WEAK.has(p)) v.buyer += w;
    else if (SELLER_STRONG.has(p)) {
      v.seller += 2 * w;
      v.strong += w;
    }
    else if (SELLER_WEAK.has(p)) v.seller += w;
    else if (SYSTEM_STRONG.has(p)) v.system += 2 * w;
    else if (SYSTEM_WEAK.has(p)) v.system += w;
    // "me"/"my" only as a qualifier ("msg-me", "is-me", "from-me", "my-msg"), not as a library prefix
    else if ((p === 'me' && (i === parts.length - 1 || parts.length === 1)) || (p === 'my' && i === 0 && parts.length > 1)) {
      v.buyer += 2 * w;
      v.strong += w;
    }
  });
}

const SIDE_ATTR = /role|side|sender|from|type|direction|position|owner|self|mine|align|who|author|source|flow|is-?me/i;

/** Side evidence of one element: class tokens, data-* attributes, inline style. */
function elementVotes(el: Element, w: number, v: Votes) {
  for (const parts of classParts(el)) addTokenVotes(parts, v, w);
  let attrs: { name: string; value: string }[] = [];
  try {
    attrs = Array.from(el.attributes ?? []).map((a) => ({ name: a.name.toLowerCase(), value: a.value ?? '' }));
  } catch {
    attrs = [];
  }
  for (const { name, value } of attrs) {
    if (name === 'style') {
      const s = value.toLowerCase().replace(/\s+/g, '');
      if (s.includes('row-reverse')) v.buyer += 2 * w;
      if (/justify-content:(flex-)?end|text-align:right|float:right|margin-left:auto|align-self:(flex-)?end/.test(s)) v.buyer += w;
      if (/justify-content:(flex-)?start|text-align:left|float:left|margin-right:auto|align-self:(flex-)?start/.test(s)) v.seller += 0.5 * w;
      if (/justify-content:center|text-align:center|align-self:center/.test(s)) v.system += w;
      continue;
    }
    if (!name.startsWith('data-') || !SIDE_ATTR.test(name)) continue;
    const nameParts = name.slice(5).split(/[^a-z0-9]+/).filter(Boolean);
    const boolName = nameParts.some((p) => ['self', 'mine', 'me', 'own', 'isself', 'isme', 'ismine', 'fromme'].includes(p));
    if (boolName && /^(true|1|yes|)$/i.test(value.trim())) {
      v.buyer += 3 * w;
      v.strong += w;
      continue;
    }
    if (boolName && /^(false|0|no)$/i.test(value.trim())) {
      v.seller += 2 * w;
      v.strong += w;
      continue;
    }
    const valueParts = value
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .map((p) => p.toLowerCase())
      .filter(Boolean);
    if (valueParts.length && valueParts.length <= 4) addTokenVotes(valueParts, v, 1.5 * w);
  }
}

/** Side evidence of a row: the row and its descendants down to depth 3, nearer counting more. */
function rowVotes(row: Element, skip: Set<Element>): Votes {
  const v: Votes = { buyer: 0, seller: 0, system: 0, strong: 0 };
  const weights = [1, 0.8, 0.6, 0.4];
  const walk = (el: Element, depth: number) => {
    if (depth > 3 || SKIP_TAGS.has(tagOf(el)) || (depth > 0 && skip.has(el))) return;
    elementVotes(el, weights[depth], v);
    for (const c of Array.from(el.children)) walk(c, depth + 1);
  };
  walk(row, 0);
  return v;
}

function decide(v: Votes): ChatMessage['sender'] | undefined {
  if (v.system >= 1 && v.system > v.buyer && v.system > v.seller) return 'system';
  if (v.buyer >= 0.5 && v.buyer >= v.seller + 0.5) return 'buyer';
  if (v.seller >= 0.5 && v.seller >= v.buyer + 0.5) return 'seller';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Times

interface Stamp {
  raw: string;
  md?: MonthDayTime; // month/day (and year) when shown
  iso?: string; // resolved date YYYY-MM-DD
  time?: { h: number; m: number };
  /** a date is shown but cannot be pinned ("2 min ago", "03/04/2026" day or month first) */
  vague?: boolean;
  /** the date was inferred from a weekday name ("Monday" = the last Monday before today) */
  fromWeekday?: boolean;
}

const WEEKDAY_WORDS: Record<string, number> = {};
[
  ['sunday', 'sun', '일요일', '星期日', '星期天', '周日', '日曜日'],
  ['monday', 'mon', '월요일', '星期一', '周一', '月曜日'],
  ['tuesday', 'tue', 'tues', '화요일', '星期二', '周二', '火曜日'],
  ['wednesday', 'wed', '수요일', '星期三', '周三', '水曜日'],
  ['thursday', 'thu', 'thur', 'thurs', '목요일', '星期四', '周四', '木曜日'],
  ['friday', 'fri', '금요일', '星期五', '周五', '金曜日'],
  ['saturday', 'sat', '토요일', '星期六', '周六', '土曜日'],
].forEach((names, i) => names.forEach((n) => (WEEKDAY_WORDS[n] = i)));
const AGO_RE = /^(just now|now|刚刚|방금(?: 전)?|たった今|(?:\d+)\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|초|분|시간|秒|分钟|分|小时|時間)\s*(?:ago|전|前))$/i;
const KO_TIME_RE = /(오전|오후)?\s*(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분)?/;
const SLASH_DATE_RE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/;

const TODAY = ['today', '오늘', '今天', '今日', 'hoy', 'hoje', 'heute', "aujourd'hui", 'aujourd’hui', 'oggi', 'vandaag', 'dzisiaj', 'bugün', 'сегодня'];
const YESTERDAY = ['yesterday', '어제', '昨天', '昨日', 'ayer', 'ontem', 'gestern', 'hier', 'ieri', 'gisteren', 'wczoraj', 'dün', 'вчера'];
const FILLER = new Set([
  'at', 'on', 'às', 'alle', 'om',
  'am', 'pm', 'a.m', 'p.m', '오전', '오후', '上午', '下午', '午前', '午後', '中午', '晚上', '早上',
  '년', '월', '일', '年', '月', '日', '号', '시', '분',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  '월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일', '화', '수', '목', '금', '토',
  'read', 'unread', 'sent', 'delivered', 'seen', '읽음', '안읽음', '已读', '未读',
  'gmt', 'utc', 'kst', 'pst', 'pdt', 'est', 'edt', 'cst', 'cet', 'cest', 'msk', 'brt',
]);
const STATUS_RE = /(^|[\s·•|,])(read|unread|sent|delivered|seen|읽음|안읽음|已读|未读)(?=$|[\s·•|,])/giu;
const TIME_RE = /(?:(오전|오후|上午|下午|午前|午後|AM|PM|a\.m\.|p\.m\.)\s*)?(?<!\d)(\d{1,2})\s*[:：]\s*(\d{2})(?:[:：]\d{2})?(?!\d)(?:\s*(AM|PM|a\.m\.|p\.m\.|오전|오후)(?![A-Za-z]))?/i;

function wordRe(words: string[]) {
  return new RegExp(`(^|[^\\p{L}])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'iu');
}
const TODAY_RE = wordRe(TODAY);
const YESTERDAY_RE = wordRe(YESTERDAY);

/** A text that is only a date and/or a time ("14:05", "오후 2:05", "2026.07.29 14:05", "Jul 29", "Today"). */
function parseStamp(input: string | null | undefined, now: Date): Stamp | undefined {
  const key = input ?? '';
  if (memo.stamps.has(key)) {
    const hit = memo.stamps.get(key);
    return hit && { ...hit, md: hit.md && { ...hit.md } };
  }
  const res = parseStampUncached(input, now);
  memo.stamps.set(key, res);
  return res && { ...res, md: res.md && { ...res.md } };
}

function parseStampUncached(input: string | null | undefined, now: Date): Stamp | undefined {
  const raw = normaliseText(input);
  if (!raw || raw.length > 48 || !/\d|\p{L}/u.test(raw)) return undefined;
  if (AGO_RE.test(raw)) return { raw, vague: true };
  let rest = raw;
  let time: Stamp['time'];
  const tm = TIME_RE.exec(rest);
  const ko = tm ? undefined : KO_TIME_RE.exec(rest);
  if (ko && +ko[2] <= 23 && (ko[3] === undefined || +ko[3] <= 59)) {
    let h = +ko[2];
    if (ko[1] === '오후' && h < 12) h += 12;
    if (ko[1] === '오전' && h === 12) h = 0;
    time = { h, m: ko[3] ? +ko[3] : 0 };
    rest = rest.slice(0, ko.index) + ' ' + rest.slice(ko.index + ko[0].length);
  }
  if (tm) {
    let h = +tm[2];
    const m = +tm[3];
    const mark = (tm[1] ?? tm[4] ?? '').toLowerCase();
    if (h > 23 || m > 59) return undefined;
    const pm = ['오후', '下午', '午後', 'pm', 'p.m.'].includes(mark);
    const am = ['오전', '上午', '午前', 'am', 'a.m.'].includes(mark);
    if (pm && h < 12) h += 12;
    if (am && h === 12) h = 0;
    time = { h, m };
    rest = rest.slice(0, tm.index) + ' ' + rest.slice(tm.index + tm[0].length);
  }
  let iso: string | undefined;
  let md: MonthDayTime | undefined;
  let fromMonthWord = false;
  let vague = false;
  let fromWeekday = false;
  const today = localDate(now);
  const rel = TODAY_RE.exec(rest) ? today : YESTERDAY_RE.exec(rest) ? shiftDate(today, -1) : undefined;
  const slash = SLASH_DATE_RE.exec(rest);
  if (rel) {
    iso = rel;
    rest = rest.replace(TODAY_RE, '$1 ').replace(YESTERDAY_RE, '$1 ');
  } else if (slash) {
    // 03/04/2026: day first or month first? Only a part above 12 tells.
    const [a, b, y] = [+slash[1], +slash[2], +slash[3]];
    const d = a > 12 ? isoDate(y, b, a) : b > 12 ? isoDate(y, a, b) : undefined;
    if (d) {
      iso = d;
      md = { year: y, month: +d.slice(5, 7), day: +d.slice(8, 10) };
    } else if (a <= 31 && b <= 31) vague = true;
    else return undefined;
    rest = rest.slice(0, slash.index) + ' ' + rest.slice(slash.index + slash[0].length);
  } else {
    const full = findDates(rest)[0];
    if (full) {
      iso = full.date;
      const [y, mo, d] = full.date.split('-').map(Number);
      md = { year: y, month: mo, day: d };
      rest = rest.slice(0, full.index) + ' ' + rest.slice(full.index + full.raw.length);
    } else if (/\d/.test(rest)) {
      const p = parseMonthDayTime(rest);
      if (p) {
        md = { month: p.month, day: p.day, weekday: p.weekday };
        fromMonthWord = true;
      }
    }
    if (!md) {
      // a weekday alone ("Monday 14:05", "수요일"): the last such day before today
      const wd = rest
        .toLowerCase()
        .split(/[\s,.|·]+/)
        .map((w) => WEEKDAY_WORDS[w])
        .find((w) => w !== undefined);
      if (wd !== undefined) {
        const [y, mo, d] = today.split('-').map(Number);
        const back = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() - wd + 7) % 7 || 7;
        iso = shiftDate(today, -back);
        fromWeekday = true;
      }
    }
  }
  if (!time && !iso && !md && !vague) return undefined;
  const words = rest
    .replace(/\d+/g, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .split(' ')
    .map((w) => w.toLowerCase())
    .filter((w) => w && !FILLER.has(w) && WEEKDAY_WORDS[w] === undefined && !/^[월화수목금토일]요일$/.test(w) && !/^(周|星期)/.test(w));
  const shown = normaliseText(raw.replace(STATUS_RE, ' ').replace(/[\s·•|]+$/u, '')) || raw;
  const out: Stamp = { raw: shown, md, iso, time };
  if (vague) out.vague = true;
  if (fromWeekday) out.fromWeekday = true;
  if (words.length === 0) return out;
  // one leftover word is fine only when it is the month name the date was read from ("Jul 29")
  if (words.length === 1 && fromMonthWord && words[0].length <= 12 && parseMonthDayTime(`${words[0]} 1`)) return out;
  return undefined;
}

/** "Name 2026-07-29 14:05" -> the name and the time (the longest trailing part that is a time). */
function splitTrailingStamp(t: string, now: Date): { prefix?: string; stamp: Stamp } | undefined {
  if (!t || t.length > 80) return undefined;
  const words = t.split(' ');
  for (let i = 1; i < words.length; i++) {
    const stamp = parseStamp(words.slice(i).join(' '), now);
    if (!stamp || (!stamp.time && !stamp.iso)) continue;
    const prefix = words.slice(0, i).join(' ').replace(/[\s:：(\[\-–—·•|,]+$/u, '').trim();
    if (prefix.length > 40) return undefined;
    return { prefix: prefix || undefined, stamp };
  }
  return undefined;
}

const TIME_ATTRS = ['datetime', 'data-time', 'data-timestamp', 'data-send-time', 'data-sendtime', 'data-create-time', 'data-created', 'data-date', 'data-gmt-create', 'title'];

/** A full date-time from an attribute: epoch (s or ms) or a text with a date and a time. */
function preciseFrom(el: Element, now: Date): string | undefined {
  for (const name of TIME_ATTRS) {
    const v = attr(el, name)?.trim();
    if (!v) continue;
    if (name !== 'title' && /^\d{13}$/.test(v)) return dateTimeFromEpoch(+v);
    if (name !== 'title' && /^\d{10}$/.test(v)) return dateTimeFromEpoch(+v * 1000);
    const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
    if (iso && isoDate(+iso[1], +iso[2], +iso[3])) {
      // with a zone: the moment in this browser's time, as the page shows it; without: as written
      if (iso[6]) return dateTimeFromEpoch(Date.parse(v.replace(' ', 'T')));
      return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}`;
    }
    const s = parseStamp(v, now);
    if (s?.time && s.iso && s.md?.year) return `${s.iso}T${pad(s.time.h)}:${pad(s.time.m)}`;
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------------------------
// Rows and the message list

/** Does an element show text or media? Memoised for this read: the list search asks it of the same large elements many times. */
function hasContent(el: Element): boolean {
  let has = memo.content.get(el);
  if (has === undefined) {
    has = /\S/.test(el.textContent ?? '') || ['img', 'video'].includes(tagOf(el)) || !!$(el, 'img, video');
    memo.content.set(el, has);
  }
  return has;
}

/** Element children that carry text or media, without the input area and the conversation title. */
function contentChildren(el: Element, env: Env): Element[] {
  const out: Element[] = [];
  for (const c of Array.from(el.children)) {
    if (SKIP_TAGS.has(tagOf(c))) continue;
    if (env.inputs.some((i) => c === i || c.contains(i))) continue;
    if (env.title && (c === env.title || c.contains(env.title))) continue;
    if (attr(c, 'hidden') !== undefined || /display\s*:\s*none/i.test(attr(c, 'style') ?? '')) continue;
    if (hasContent(c)) out.push(c);
  }
  return out;
}

/** Does an element have text of its own (a direct text node that is not blank)? Memoised for this read. */
function hasOwnText(el: Element): boolean {
  let has = memo.ownText.get(el);
  if (has === undefined) {
    has = false;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) {
        has = true;
        break;
      }
    }
    memo.ownText.set(el, has);
  }
  return has;
}

/** Elements with their own (direct) text, in document order. */
function textBlocks(root: Element, skip?: Set<Element>): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    if (SKIP_TAGS.has(tagOf(el)) || skip?.has(el)) return;
    if (hasOwnText(el)) out.push(el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c);
  };
  walk(root);
  return out;
}

const NEG_TOKENS = ['session', 'sessions', 'contact', 'contacts', 'inbox', 'sidebar', 'aside', 'nav', 'navigation', 'menu', 'tab', 'tabs', 'toolbar', 'tool', 'tools', 'emoji', 'emoticon', 'emotion', 'faq', 'quick', 'shortcut', 'suggest', 'suggestion', 'recommend', 'breadcrumb', 'pagination', 'banner', 'dropdown', 'footer', 'header', 'friends', 'empty', 'placeholder', 'blank', 'welcome', 'guide'];
const LIST_WORDS = ['message', 'messages', 'msg', 'msgs', 'chat', 'im', 'dialog', 'conversation', 'thread', 'talk'];
const LIST_SHAPES = ['list', 'content', 'body', 'scroll', 'history', 'record', 'records', 'flow', 'stream', 'items'];

function isListHint(el: Element | null): boolean {
  if (!el) return false;
  const t = tokenSet(el);
  if (hasAny(t, ['messages', 'msgs', 'thread', 'history'])) return true;
  return hasAny(t, LIST_WORDS) && hasAny(t, LIST_SHAPES) && !(t.has('conversation') && t.has('list')) && !t.has('session');
}

function isNegative(el: Element, levels = 4): boolean {
  let e: Element | null = el;
  for (let i = 0; e && i <= levels; i++, e = e.parentElement) {
    const tag = tagOf(e);
    if (tag === 'nav' || tag === 'aside' || tag === 'header' || tag === 'footer' || tag === 'body') {
      if (tag !== 'body') return true;
      break;
    }
    const t = tokenSet(e);
    if (hasAny(t, NEG_TOKENS) || (t.has('conversation') && t.has('list')) || (t.has('chat') && t.has('list') && t.has('item'))) {
      if (!isListHint(e)) return true;
    }
  }
  return false;
}

/** Inside the list of conversations (sessions) of the message centre. */
function inSessionList(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const t = tokenSet(e);
    if (hasAny(t, ['session', 'sessions', 'contact', 'contacts', 'inbox', 'sidebar']) || (t.has('conversation') && t.has('list'))) return true;
  }
  return false;
}

interface Env {
  now: Date;
  inputs: Element[];
  title?: Element;
  store?: string;
}

/** Is the list's branch the one just before the input's branch under their common ancestor? */
function rightAbove(el: Element, inputs: Element[]): boolean {
  for (const input of inputs) {
    const anc = new Set<Element>();
    for (let e: Element | null = el; e; e = e.parentElement) anc.add(e);
    let branchI: Element | null = input;
    while (branchI && branchI.parentElement && !anc.has(branchI.parentElement)) branchI = branchI.parentElement;
    const lca = branchI?.parentElement;
    if (!lca || !branchI) continue;
    let branchC: Element | null = el;
    while (branchC && branchC.parentElement !== lca) branchC = branchC.parentElement;
    if (!branchC || branchC === branchI) continue;
    const kids = Array.from(lca.children).filter((k) => hasContent(k) || k === branchI || inputs.some((i) => k.contains(i)));
    const ci = kids.indexOf(branchC);
    const ii = kids.indexOf(branchI);
    if (ci >= 0 && ii === ci + 1) return true;
  }
  return false;
}

function depthOf(el: Element): number {
  let d = 0;
  for (let e = el.parentElement; e; e = e.parentElement) d++;
  return d;
}

function lcaDepth(a: Element, b: Element): number {
  const anc = new Set<Element>();
  for (let e: Element | null = a; e; e = e.parentElement) anc.add(e);
  for (let e: Element | null = b; e; e = e.parentElement) if (anc.has(e)) return depthOf(e);
  return 0;
}

interface Candidate {
  el: Element;
  rows: Element[];
  score: number;
  evidence: boolean;
  sessionLike: boolean;
  near: number; // depth of the lowest common ancestor with the input area
}

/** A row small enough to be one message: few elements and no list of its own inside. */
function messageSized(row: Element): boolean {
  const all = $$(row, '*');
  if (all.length > 60) return false;
  for (const e of [row, ...all]) {
    if (e.children.length < 3) continue;
    const sigs = new Map<string, number>();
    for (const c of Array.from(e.children)) {
      if (e === row) break;
      const k = signature(c);
      sigs.set(k, (sigs.get(k) ?? 0) + 1);
    }
    if ([...sigs.values()].some((n) => n >= 3)) return false;
  }
  return true;
}

/** A sort key for the time a row shows (time-only = today), to tell oldest-first from newest-first. */
function stampKey(st: Stamp, now: Date): string | undefined {
  let date = st.iso;
  if (!date && st.md) {
    const y = inferYear(st.md, { now });
    date = y ? isoDate(y.year, st.md.month, st.md.day) : undefined;
  }
  if (!date && st.time && !st.md && !st.vague) date = localDate(now);
  if (!date) return undefined;
  return `${date}T${st.time ? `${pad(st.time.h)}:${pad(st.time.m)}` : '00:00'}`;
}

function scoreCandidate(el: Element, env: Env): Candidate | undefined {
  const rows = contentChildren(el, env);
  if (!rows.length) return undefined;
  const hint = isListHint(el) || isListHint(el.parentElement);
  let stamps = 0;
  let timed = 0; // rows with a time and other text: a message with its time
  let separators = 0; // rows that are only a date/time
  let firstSeparator = -1;
  let compound = 0; // rows made of several parts (name, text, time…), as messages are
  let sides = 0;
  let strongSides = 0;
  let multi = 0; // rows with 3+ text blocks, one a time: a conversation-list entry (name, preview, time)
  let inc = 0;
  let dec = 0;
  let lastKey: string | undefined;
  const firsts = new Set<string>();
  const sample = rows.length > 60 ? rows.filter((_, i) => i % Math.ceil(rows.length / 60) === 0) : rows;
  sample.forEach((r, i) => {
    const blocks = textBlocks(r);
    const stampedBlocks = blocks.filter((b) => !!parseStamp(txt(b), env.now));
    const stamped = stampedBlocks.length > 0;
    if (stamped) stamps++;
    if (blocks.length >= 2 || (blocks.length === 1 && $(r, 'img, video'))) compound++;
    const whole = parseStamp(txt(r), env.now);
    if (whole) {
      separators++;
      if (firstSeparator < 0) firstSeparator = i;
    } else if (stamped && blocks.some((b) => !stampedBlocks.includes(b) && !stampedBlocks.some((s) => s.contains(b))) && messageSized(r)) timed++;
    const st = whole ?? (stampedBlocks[0] ? parseStamp(txt(stampedBlocks[0]), env.now) : undefined);
    const key = st ? stampKey(st, env.now) : undefined;
    if (key && lastKey) {
      if (key > lastKey) inc++;
      else if (key < lastKey) dec++;
    }
    if (key) lastKey = key;
    // side words count on message-sized rows only (a layout's left/right panes are not messages)
    if (messageSized(r)) {
      const v = rowVotes(r, new Set());
      const d = decide(v);
      if (d === 'buyer' || d === 'seller') {
        sides++;
        if (v.strong > 0) strongSides++;
      }
    }
    if (blocks.length >= 3 && stamped) multi++;
    if (blocks[0]) firsts.add(txt(blocks[0]));
  });
  const n = sample.length;
  const scale = rows.length / n;
  // a conversation list: entries of name + preview + time, or entries sorted newest first
  const drawnReversed = /column-reverse/i.test(`${attr(el, 'style') ?? ''} ${attr(el.parentElement, 'style') ?? ''}`);
  const newestFirst = sides === 0 && !drawnReversed && dec >= 2 && dec > 2 * inc;
  const sessionLike = sides === 0 && ((n >= 3 && multi >= 0.7 * n && firsts.size === n) || newestFirst);
  // the parts of one message (its text and its time) are not a list of messages
  const pairLike = n === 2 && separators === 1 && sides === 0 && !hint;
  let score = (1.5 * compound + 0.5 * (n - compound) + 2 * timed + (stamps - timed) + 2 * sides) * scale + (hint ? 6 : 0);
  if (el.closest(`${CHAT_SELECTORS.view.css}, ${CHAT_SELECTORS.app.css}`)) score += 2;
  const negative = isNegative(el);
  if (negative) score *= 0.25;
  if (sessionLike) score *= 0.3;
  if (pairLike) score *= 0.5;
  const near = env.inputs.length ? Math.max(...env.inputs.map((i) => lcaDepth(el, i))) : 0;
  const timeEvidence = timed >= 2 || (timed >= 1 && n === 1) || (separators >= 1 && firstSeparator < n - 1 && n - separators >= 2);
  const evidence = !negative && !sessionLike && !pairLike && (hint || sides >= 2 || strongSides >= 1 || timeEvidence);
  if (n < 2 && !evidence) return undefined;
  return { el, rows, score, evidence, sessionLike, near };
}

function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    if (SKIP_TAGS.has(tagOf(el))) return;
    out.push(el);
    for (const c of Array.from(el.children)) walk(c);
  };
  walk(root);
  return out;
}

function makeEnv(doc: Document, now: Date): Env {
  const inputs = $$(doc, CHAT_SELECTORS.input.css);
  const title = $(doc, CHAT_SELECTORS.title.css) ?? undefined;
  return { now, inputs, title };
}

/** The message list container, or why there is none. */
function findList(doc: Document, env: Env): { best?: Candidate; sessions: boolean; ranked: Candidate[] } {
  const body = doc.body ?? doc.documentElement;
  if (!body) return { sessions: false, ranked: [] };
  const cands: Candidate[] = [];
  for (const el of allElements(body)) {
    if (el === body) continue;
    if (env.inputs.some((i) => i.contains(el))) continue;
    const c = scoreCandidate(el, env);
    if (c) cands.push(c);
  }
  // nothing inside a conversation-list entry is the conversation
  const sessionEls = cands.filter((c) => c.sessionLike).map((c) => c.el);
  const excluded = new Set(cands.filter((c) => c.sessionLike || isNegative(c.el) || sessionEls.some((s) => s !== c.el && s.contains(c.el))));
  for (const c of excluded) c.evidence = false;
  const sessions = cands.some((c) => c.sessionLike || (isNegative(c.el) && c.rows.length >= 3 && /session|contact|conversation/i.test(attr(c.el, 'class') ?? '')));
  if (env.inputs.length) {
    // the list nearest to the input box (sharing its panel), right above it, is the conversation;
    // among lists that look like messages if there are any, else among all
    const withEvidence = cands.filter((c) => c.evidence);
    const pool = withEvidence.length ? withEvidence : cands.filter((c) => !excluded.has(c));
    const maxNear = Math.max(...pool.map((c) => c.near), 0);
    for (const c of pool) {
      if (c.near === maxNear && maxNear > 0) {
        c.score += 8;
        c.evidence = true;
      }
      if (rightAbove(c.el, env.inputs)) c.score += 6;
    }
  }
  const ranked = cands.filter((c) => c.evidence).sort((a, b) => b.score - a.score || depthOf(b.el) - depthOf(a.el));
  return { best: ranked[0], sessions, ranked };
}

/** Signature of a row for spotting repeated groups: tag + class words without hashes. */
function signature(el: Element): string {
  return `${tagOf(el)}.${[...tokenSet(el)].sort().join('.')}`;
}

/**
 * The rows of the list, groups flattened: a child that starts with a date separator, or the chosen
 * element being one of several same-shaped groups, gives its own children as rows.
 */
function flattenRows(list: Candidate, env: Env, others: Candidate[] = []): { container: Element; rows: Element[] } {
  let container = list.el;
  let rows = list.rows;
  const parent = container.parentElement;
  if (parent && !isNegative(parent)) {
    // the chosen list is one of several same-shaped groups (days) that all read as messages
    const sig = signature(container);
    const siblings = contentChildren(parent, env);
    const readable = new Set(others.filter((c) => c.evidence).map((c) => c.el));
    const isGroup = (s: Element) => {
      if (signature(s) !== sig) return false;
      if (s === container || readable.has(s)) return true;
      const first = contentChildren(s, env)[0];
      return !!first && !!parseStamp(txt(first), env.now);
    };
    const same = siblings.filter(isGroup);
    if (same.length >= 2 && same.length >= siblings.length * 0.8) {
      container = parent;
      rows = siblings;
    }
  }
  const out: Element[] = [];
  const expand = (r: Element, depth: number) => {
    const kids = contentChildren(r, env);
    const first = kids[0];
    const head = first && !$(first, 'img, video') ? parseStamp(txt(first), env.now) : undefined;
    // a day group: a date header over several messages (not one message with its time on top)
    const own: Votes = { buyer: 0, seller: 0, system: 0, strong: 0 };
    elementVotes(r, 1, own);
    const isGroup =
      depth < 3 &&
      !!head &&
      own.buyer === 0 &&
      own.seller === 0 &&
      (kids.length >= 3 || (kids.length >= 2 && !!(head.iso || head.md))) &&
      kids.slice(1).every((k) => !parseStamp(txt(k), env.now) || contentChildren(k, env).length > 0);
    const groupBySig = depth === 0 && container !== list.el && signature(r) === signature(list.el);
    if (isGroup || groupBySig) {
      for (const k of kids) expand(k, depth + 1);
    } else out.push(r);
  };
  for (const r of rows) expand(r, 0);
  return { container, rows: out };
}

// ---------------------------------------------------------------------------------------------
// One row

const BUYER_NAMES = ['you', 'me', 'i', 'buyer', 'myself', '나', '저', '구매자', '我', '买家', 'yo', 'eu', 'ich', 'moi', 'я', 'vous', 'du', 'tú', 'você'];
const SELLER_NAMES = ['seller', 'store', 'shop', '판매자', '셀러', '상점', '스토어', '卖家', '商家', 'vendedor', 'verkäufer', 'vendeur', 'продавец', 'vendedora'];
const SYSTEM_NAMES = ['aliexpress', 'system', 'notice', '시스템', '알림', '系统', '通知', 'aliexpress assistant'];
const NAME_TOKENS = ['name', 'nick', 'nickname', 'username', 'sender', 'author', 'from', 'who'];
const AVATAR_TOKENS = ['avatar', 'avator', 'portrait', 'headimg', 'headpic', 'head', 'profile', 'logo', 'face'];
const EMOJI_TOKENS = ['emoji', 'emoticon', 'emotion', 'face', 'sticker', 'smiley'];
const STATUS_WORDS = new Set(['read', 'unread', 'sent', 'delivered', 'seen', 'sending', 'failed', '읽음', '안 읽음', '안읽음', '읽지 않음', '已读', '未读', '送达', 'lida', 'leído', 'gelesen', 'lu', 'non lu']);
const MORE_RE = /^(view|load|see|show) (more|earlier|older|previous)|^no more (messages|history)|^(new|unread) messages\b|^below are new messages|^(이전 메시지|더 보기|메시지 더 보기|새 메시지|새로운 메시지|没有更多|查看更多|加载更多|以下[是为]新消息)/i;
const CONTROL_WORDS = new Set(['copy', 'translate', 'delete', 'recall', 'report', 'more', 'reply', 'quote', 'show original', 'see original', 'see translation', '복사', '번역', '삭제', '신고', '더보기', '답장', '원문 보기', '复制', '翻译', '删除', '撤回', '举报', '更多', '回复']);

const cleanName = (s: string) => normaliseText(s).replace(/[:：]\s*$/, '').trim();
const sameName = (a?: string, b?: string) => !!a && !!b && cleanName(a).toLowerCase() === cleanName(b).toLowerCase();

function roleOfName(name: string | undefined, store: string | undefined): ChatMessage['sender'] | undefined {
  if (!name) return undefined;
  const n = cleanName(name).toLowerCase();
  if (store && (sameName(n, store) || (n.length >= 4 && store.toLowerCase().startsWith(n)) || (store.length >= 4 && n.startsWith(store.toLowerCase())))) return 'seller';
  if (BUYER_NAMES.includes(n)) return 'buyer';
  if (SELLER_NAMES.includes(n)) return 'seller';
  if (SYSTEM_NAMES.includes(n) || /^aliexpress\b/.test(n)) return 'system';
  return undefined;
}

function isBareImage(el: Element): boolean {
  if (tagOf(el) === 'img') return true;
  return !/\S/.test(el.textContent ?? '') && $$(el, 'img').length === 1 && el.children.length <= 2;
}

/** Avatar elements of a row and where they sit (first = left side, last = right side in DOM order). */
function findAvatars(row: Element): { els: Element[]; pos?: 'first' | 'last' } {
  const els: Element[] = [];
  for (const img of $$(row, 'img')) {
    let e: Element | null = img;
    for (let i = 0; e && e !== row && i < 3; i++, e = e.parentElement) {
      if (hasAny(tokenSet(e), AVATAR_TOKENS)) {
        els.push(e);
        break;
      }
    }
  }
  // structure: the row (or its single wrapper) starts or ends with a bare image next to other content
  let box: Element = row;
  for (let i = 0; i < 2 && box.children.length === 1; i++) box = box.children[0];
  const kids = Array.from(box.children).filter((k) => !SKIP_TAGS.has(tagOf(k)) && hasContent(k));
  let pos: 'first' | 'last' | undefined;
  if (kids.length >= 2) {
    const first = kids[0];
    const last = kids[kids.length - 1];
    const isAv = (k: Element) => els.some((a) => a === k || k.contains(a) || a.contains(k));
    const small = (k: Element) => {
      const img = tagOf(k) === 'img' ? k : $(k, 'img');
      const w = Number(attr(img, 'width') ?? attr(img, 'height') ?? NaN);
      return Number.isFinite(w) && w <= 64;
    };
    if (isAv(first)) pos = 'first';
    else if (isAv(last)) pos = 'last';
    else if (isBareImage(first) && !(isBareImage(last) && small(last) && !small(first))) {
      pos = 'first';
      els.push(first);
    } else if (isBareImage(last)) {
      pos = 'last';
      els.push(last);
    }
  }
  return { els, pos };
}

function imageLabel(img: Element): string {
  const alt = normaliseText(attr(img, 'alt'));
  const src = attr(img, 'src') || attr(img, 'data-src') || '';
  const file = src.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '';
  const generic = /^(image|img|picture|pic|photo|图片|이미지|사진)$/i.test(alt);
  const name = alt && !generic ? alt : file;
  return name ? `[image] ${name}` : '[image]';
}

function isEmoji(img: Element): boolean {
  if (hasAny(tokenSet(img), EMOJI_TOKENS) || attr(img, 'data-emoji') !== undefined) return true;
  const w = Number(attr(img, 'width') ?? NaN);
  const alt = attr(img, 'alt') ?? '';
  return Number.isFinite(w) && w <= 32 && !!alt;
}

const CONTROL_TOKENS = ['delete', 'del', 'recall', 'remove', 'withdraw', 'trash', 'report'];
/** Delete / recall / report controls: never read (and never touched). */
function isControl(el: Element): boolean {
  const role = attr(el, 'role');
  if (role === 'button' || role === 'menu' || role === 'menuitem') return true;
  return hasAny(tokenSet(el), CONTROL_TOKENS);
}

function isHidden(el: Element): boolean {
  const t = tokenSet(el);
  return t.has('hidden') || t.has('hide') || t.has('invisible') || (t.has('sr') && t.has('only'));
}

/** The text of a row: lines kept, skipped elements left out, images as "[image] name". */
function rowText(row: Element, skip: Set<Element>, withImages: boolean): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = tagOf(el);
    if (skip.has(el) || SKIP_TAGS.has(tag) || isControl(el) || isHidden(el) || attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true' || /display\s*:\s*none/i.test(attr(el, 'style') ?? '')) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    if (tag === 'img') {
      if (isEmoji(el)) parts.push(attr(el, 'alt') ?? '');
      else if (withImages) parts.push(`\n${imageLabel(el)}\n`);
      return;
    }
    if (tag === 'video') {
      if (withImages) {
        const src = attr(el, 'src') || attr($(el, 'source'), 'src') || '';
        const file = src.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '';
        parts.push(`\n[video]${file ? ' ' + file : ''}\n`);
      }
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    for (const c of Array.from(el.childNodes)) walk(c);
    if (block || tag === 'td' || tag === 'th') parts.push(tag === 'td' || tag === 'th' ? ' ' : '\n');
  };
  walk(row);
  return parts
    .join('')
    .split('\n')
    .map((l) => normaliseText(l))
    .filter(Boolean)
    .join('\n');
}

interface RowInfo {
  el: Element;
  kind: 'message' | 'separator' | 'skip';
  stamp?: Stamp;
  precise?: string;
  timeText?: string;
  name?: string;
  votes: Votes;
  explicit?: ChatMessage['sender'];
  avatarPos?: 'first' | 'last';
  avatarName?: string;
  firstBlock?: string;
  blocks: number;
  skip: Set<Element>;
  orderId?: string;
  text: string;
}

function readRow(row: Element, env: Env): RowInfo {
  const now = env.now;
  const whole = txt(row);
  const info: RowInfo = { el: row, kind: 'message', votes: { buyer: 0, seller: 0, system: 0, strong: 0 }, blocks: 0, skip: new Set(), text: '' };
  if (!whole && !$(row, 'img, video')) return { ...info, kind: 'skip' };
  if (MORE_RE.test(whole) && whole.length < 40) return { ...info, kind: 'skip' };
  // a table's header row ("From / Message / Date")
  if ($(row, 'th') && !$(row, 'td')) return { ...info, kind: 'skip' };
  const avatars = findAvatars(row);
  const media = $$(row, 'img, video').filter((m) => !avatars.els.some((a) => a === m || a.contains(m)) && !isEmoji(m));
  const wholeStamp = parseStamp(whole, now);
  info.votes = rowVotes(row, new Set());
  const strongSide = decide(info.votes);
  if (wholeStamp && !media.length && strongSide !== 'buyer' && strongSide !== 'seller') {
    return { ...info, kind: 'separator', stamp: wholeStamp, timeText: wholeStamp.raw, precise: preciseFrom(row, now) };
  }
  const skip = info.skip;
  for (const a of avatars.els) skip.add(a);
  // times: the outermost short elements whose text is a date/time (a date part and a time part may be apart)
  const stamps: { el: Element; s: Stamp }[] = [];
  const findStamps = (el: Element) => {
    for (const c of Array.from(el.children)) {
      if (SKIP_TAGS.has(tagOf(c)) || skip.has(c)) continue;
      const t = txt(c);
      const s = t && t.length <= 48 && !$(c, 'img, video') ? parseStamp(t, now) : undefined;
      if (s) stamps.push({ el: c, s });
      else findStamps(c);
    }
  };
  findStamps(row);
  for (const { el } of stamps) skip.add(el);
  if (stamps.length) {
    const dated = stamps.find((x) => x.s.iso || x.s.md);
    const timed = stamps.find((x) => x.s.time);
    const s: Stamp = { raw: stamps.map((x) => x.s.raw).join(' '), md: dated?.s.md, iso: dated?.s.iso, time: timed?.s.time };
    if (!dated && stamps.some((x) => x.s.vague)) s.vague = true;
    if (dated?.s.fromWeekday) s.fromWeekday = true;
    info.stamp = s;
    info.timeText = s.raw;
  }
  // a precise time in an attribute (time[datetime], data-time, a title tooltip)
  for (const el of [row, ...$$(row, '*')].slice(0, 200)) {
    const p = preciseFrom(el, now);
    if (p) {
      info.precise = p;
      if (!info.timeText) info.timeText = normaliseText(attr(el, 'title') ?? '') || undefined;
      break;
    }
  }
  // sender name: a name-classed element, a "Name:" label, or the avatar's alt text
  let blocks = textBlocks(row, skip);
  let splitName: string | undefined;
  if (!info.stamp && blocks.length >= 2) {
    // a header line "Name 2026-07-29 14:05" / "Name · 14:05" above the text
    for (const b of blocks.slice(0, Math.min(2, blocks.length - 1))) {
      if (b === row || blocks.some((o) => o !== b && b.contains(o))) continue;
      const split = splitTrailingStamp(txt(b), now);
      if (!split) continue;
      info.stamp = split.stamp;
      info.timeText = split.stamp.raw;
      splitName = split.prefix;
      skip.add(b);
      blocks = blocks.filter((o) => o !== b);
      break;
    }
  }
  info.blocks = blocks.length;
  const named = blocks.find((b) => {
    const t = tokenSet(b);
    const own = hasAny(t, NAME_TOKENS) && !hasAny(t, ['file', 'product', 'item', 'goods', 'title', 'order']);
    const parentNamed = b.parentElement && b.parentElement !== row && hasAny(tokenSet(b.parentElement), ['name', 'nick', 'nickname', 'username', 'sender', 'author']);
    return (own || parentNamed) && txt(b).length <= 60;
  });
  const firstBlock = blocks[0];
  if (splitName) info.name = cleanName(splitName);
  else if (named && blocks.length >= 2) info.name = cleanName(txt(named));
  else if (firstBlock && blocks.length >= 2 && /^[^\n]{1,40}[:：]$/.test(txt(firstBlock))) info.name = cleanName(txt(firstBlock));
  if (info.name && !splitName) skip.add(named && blocks.length >= 2 ? named : firstBlock);
  info.firstBlock = firstBlock && blocks.length >= 2 ? txt(firstBlock) : undefined;
  for (const a of avatars.els) {
    const img = tagOf(a) === 'img' ? a : $(a, 'img');
    const n = normaliseText(attr(img, 'alt') || attr(img, 'title') || attr(a, 'title'));
    if (n && !/^(avatar|image|img|头像|프로필)$/i.test(n)) info.avatarName = n;
  }
  info.avatarPos = avatars.pos;
  // status words next to the bubble ("Read", "읽음") and control labels ("Copy", "Translate")
  if (blocks.length > 1) {
    for (const b of blocks) {
      const w = txt(b).toLowerCase();
      if (STATUS_WORDS.has(w) || CONTROL_WORDS.has(w)) skip.add(b);
    }
  }
  // order / product cards
  const orderLink = $$(row, CHAT_SELECTORS.orderLink.css).find((a) => orderIdFromHref(attr(a, 'href')));
  const productLink = $(row, CHAT_SELECTORS.productLink.css);
  if (orderLink) {
    info.orderId = orderIdFromHref(attr(orderLink, 'href'));
    const t = rowText(row, skip, false).replace(/\n/g, ' ');
    info.text = `[order ${info.orderId}]${t ? ' ' + t : ''}`;
  } else if (productLink) {
    const t = rowText(row, skip, false).replace(/\n/g, ' ');
    info.text = `[product]${t ? ' ' + t : ''}`;
  } else {
    info.text = rowText(row, skip, true);
  }
  if (!info.text) {
    // nothing but a time: a separator after all (or an empty spacer)
    if (info.stamp && !media.length) return { ...info, kind: 'separator', timeText: info.stamp.raw };
    return { ...info, kind: 'skip' };
  }
  info.explicit = strongSide;
  return info;
}

/** Rows in on-screen order: by a virtual list's numeric data-index when every row has one. */
function orderRows(rows: Element[]): Element[] {
  const idx = rows.map((r) => {
    const v = attr(r, 'data-index') ?? attr(r, 'data-item-index') ?? attr(r, 'data-row-index');
    return v !== undefined && /^\d+$/.test(v.trim()) ? +v : undefined;
  });
  if (rows.length < 2 || idx.some((i) => i === undefined)) return rows;
  return rows.map((r, i) => ({ r, i: idx[i]! })).sort((a, b) => a.i - b.i).map((x) => x.r);
}

/** A list drawn bottom-up (column-reverse) or whose times run newest first is read backwards. */
function newestFirst(list: Element | undefined, infos: RowInfo[], now: Date): boolean {
  for (let e: Element | null | undefined = list, i = 0; e && i < 2; e = e.parentElement, i++) {
    if (/column-reverse/i.test(attr(e, 'style') ?? '')) return true;
  }
  let inc = 0;
  let dec = 0;
  let last: string | undefined;
  for (const r of infos) {
    const key = r.precise ?? (r.stamp && (r.stamp.iso || r.stamp.md) ? stampKey(r.stamp, now) : undefined);
    if (!key) continue;
    if (last && key > last) inc++;
    else if (last && key < last) dec++;
    last = key;
  }
  return dec >= 2 && dec > 2 * inc;
}

// ---------------------------------------------------------------------------------------------
// Senders across rows

function assignSenders(rows: RowInfo[], store: string | undefined): ChatMessage['sender'][] {
  const msgs = rows.filter((r) => r.kind === 'message');
  const out = new Map<RowInfo, ChatMessage['sender'] | undefined>();
  // 1. names repeated as the first text of rows (a flat list "Name / text / time")
  const counts = new Map<string, number>();
  for (const r of msgs) if (!r.name && r.firstBlock && r.firstBlock.length <= 40 && r.blocks >= 2) counts.set(r.firstBlock, (counts.get(r.firstBlock) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n >= 2).map(([k]) => k);
  const roleHit = (k: string) => !!roleOfName(k, store);
  if (repeated.length && repeated.length <= 3 && (repeated.some(roleHit) || msgs.filter((r) => r.firstBlock && repeated.includes(r.firstBlock)).length >= msgs.length * 0.6)) {
    for (const r of msgs) {
      if (!r.name && r.firstBlock && (repeated.includes(r.firstBlock) || roleHit(r.firstBlock))) {
        r.name = cleanName(r.firstBlock);
        const b = textBlocks(r.el, r.skip)[0];
        if (b) {
          r.skip.add(b);
          const base = r.orderId ? `[order ${r.orderId}]` : '';
          const t = r.orderId ? rowText(r.el, r.skip, false).replace(/\n/g, ' ') : rowText(r.el, r.skip, true);
          r.text = base ? `${base}${t ? ' ' + t : ''}` : t || r.text;
        }
      }
    }
  }
  // 2. explicit markers, names, avatar alt
  for (const r of msgs) {
    const byName = roleOfName(r.name, store) ?? roleOfName(r.avatarName, store);
    out.set(r, r.explicit ?? byName);
  }
  // 3. names learnt from rows whose side is known
  const nameSide = new Map<string, ChatMessage['sender']>();
  for (const r of msgs) {
    const s = out.get(r);
    if (r.name && s && s !== 'unknown') nameSide.set(r.name.toLowerCase(), s);
  }
  const names = [...new Set(msgs.map((r) => r.name?.toLowerCase()).filter((n): n is string => !!n))];
  if (names.length === 2) {
    const [a, b] = names;
    const sa = nameSide.get(a);
    const sb = nameSide.get(b);
    const other = (s?: ChatMessage['sender']) => (s === 'buyer' ? 'seller' : s === 'seller' ? 'buyer' : undefined);
    if (sa && !sb && other(sa)) nameSide.set(b, other(sa)!);
    if (sb && !sa && other(sb)) nameSide.set(a, other(sb)!);
  }
  for (const r of msgs) if (!out.get(r) && r.name) out.set(r, nameSide.get(r.name.toLowerCase()));
  // 4. avatar position, when both positions occur: left (first) = seller, right (last) = buyer
  const positions = new Set(msgs.filter((r) => !out.get(r)).map((r) => r.avatarPos).filter(Boolean));
  const allPositions = new Set(msgs.map((r) => r.avatarPos).filter(Boolean));
  if (allPositions.has('first') && allPositions.has('last')) {
    for (const r of msgs) if (!out.get(r) && r.avatarPos) out.set(r, r.avatarPos === 'first' ? 'seller' : 'buyer');
    // both sides show avatars: a line with neither avatar, name nor time is a notice
    const withAvatar = msgs.filter((r) => r.avatarPos).length;
    if (withAvatar >= 0.8 * (msgs.length - 1)) {
      for (const r of msgs) if (!out.get(r) && !r.avatarPos && !r.name && !r.stamp && !r.precise && !r.orderId) out.set(r, 'system');
    }
  } else if (positions.size === 1) {
    // one position only: it is the side the marked rows are not on, if they are all on one side
    const marked = new Set(msgs.map((r) => out.get(r)).filter((s) => s === 'buyer' || s === 'seller'));
    if (marked.size === 1) {
      const side = marked.has('buyer') ? 'seller' : 'buyer';
      for (const r of msgs) if (!out.get(r) && r.avatarPos) out.set(r, side);
    }
  }
  // 5. complement: when only one side is marked, the unmarked rows are the other side
  const marked = new Set(msgs.map((r) => out.get(r)).filter((s) => s === 'buyer' || s === 'seller'));
  if (marked.size === 1) {
    const side = marked.has('buyer') ? 'seller' : 'buyer';
    for (const r of msgs) {
      if (out.get(r)) continue;
      // a row with some notice/centre marks, no avatar and no name is a notice, not the other side
      out.set(r, r.votes.system > 0 && r.votes.buyer === 0 && r.votes.seller === 0 && !r.avatarPos && !r.name ? 'system' : side);
    }
  }
  return msgs.map((r) => out.get(r) ?? 'unknown');
}

// ---------------------------------------------------------------------------------------------
// Header: store name, order card

const GENERIC_TITLES = /^((my )?messages?( cent(er|re))?|chats?|inbox|im|customer service|aliexpress|(내 )?메시지( 센터)?|메세지|채팅|消息|消息中心|聊天|mensagens|mensajes|nachrichten|сообщения)$/i;

function storeFromHeader(doc: Document, list: Element | undefined, env: Env): { name?: string; url?: string } {
  const known = [CHAT_SELECTORS.title.css, CHAT_SELECTORS.mainTitle.css];
  for (const css of known) {
    for (const el of $$(doc, css)) {
      const t = cleanName(txt(el));
      if (t && t.length <= 80 && !GENERIC_TITLES.test(t)) return { name: t, url: storeUrl(el) };
    }
  }
  if (!list) return {};
  // the panel holding the list (and the input box): a short title-ish text before the list
  let panel: Element | null = list.parentElement;
  for (let i = 0; panel && i < 4; i++) {
    const found = headerName(panel, list, env);
    if (found) return found;
    if (env.inputs.some((inp) => panel!.contains(inp))) break;
    panel = panel.parentElement;
  }
  return {};
}

function storeUrl(el: Element): string | undefined {
  const a = el.closest(CHAT_SELECTORS.storeLink.css) ?? $(el, CHAT_SELECTORS.storeLink.css) ?? $(el.parentElement, CHAT_SELECTORS.storeLink.css);
  const href = attr(a, 'href');
  if (!href) return undefined;
  return href.startsWith('//') ? 'https:' + href : href;
}

function headerName(panel: Element, list: Element, env: Env): { name: string; url?: string } | undefined {
  let found: { name: string; url?: string } | undefined;
  const walk = (el: Element): boolean => {
    for (const c of Array.from(el.children)) {
      if (c === list) return true; // stop at the list: headers come before it
      if (SKIP_TAGS.has(tagOf(c)) || inSessionList(c)) continue;
      const t = tokenSet(c);
      const cardish = hasAny(t, ['order', 'product', 'item', 'goods', 'sku', 'price', 'card']);
      if (cardish && !c.contains(list)) continue;
      const s = normaliseText(txt(c));
      if (
        !found &&
        !c.contains(list) &&
        !$(c, CHAT_SELECTORS.orderLink.css) &&
        !c.closest(CHAT_SELECTORS.orderLink.css) &&
        s &&
        s.length <= 60 &&
        hasAny(t, ['title', 'name', 'nick', 'nickname', 'shop', 'store', 'seller']) &&
        !hasAny(t, ['time', 'date', 'count', 'badge', 'unread']) &&
        !GENERIC_TITLES.test(s) &&
        !parseStamp(s, env.now)
      ) {
        found = { name: cleanName(s), url: storeUrl(c) };
        return true;
      }
      if (walk(c)) return true;
    }
    return false;
  };
  walk(panel);
  return found;
}

/** An order card outside the list (pinned at the top of the conversation). */
function headerOrderId(doc: Document, list: Element | undefined): string | undefined {
  for (const a of $$(doc, CHAT_SELECTORS.orderLink.css)) {
    if (list && list.contains(a)) continue;
    if (inSessionList(a)) continue;
    const id = orderIdFromHref(attr(a, 'href'));
    if (id) return id;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The reader

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Candidates for the scrolling message pane, best first: the message list and its ancestors (the
 * pane that scrolls is usually one of them), then the runner-up lists. Empty when no conversation is
 * found. A capture module filters them by layout.
 */
export function chatScrollCandidates(doc: Document, now: Date = new Date()): Element[] {
  memo = memoFor(doc, now);
  try {
    const env = makeEnv(doc, now);
    const { ranked } = listOf(doc, env);
    const best = ranked[0];
    if (!best) return [];
    const out: Element[] = [];
    const add = (e: Element | null | undefined) => {
      if (e && !out.includes(e) && tagOf(e) !== 'html' && tagOf(e) !== 'body') out.push(e);
    };
    const { container } = flattenRows(best, env, ranked);
    add(best.el);
    for (let e: Element | null = container; e && tagOf(e) !== 'body'; e = e.parentElement) add(e);
    for (const c of ranked.slice(1, 4)) if (!best.el.contains(c.el) && !c.el.contains(best.el)) add(c.el);
    return out;
  } catch {
    return [];
  }
}

export const readChatDom: DomReader = (doc: Document, ctx: ReadContext): PartialReading => {
  const problems: string[] = [];
  const now = ctx.now ?? new Date();
  memo = memoFor(doc, now);
  const env = makeEnv(doc, now);
  const chat: ChatReading = { messages: [] };
  const urlOrderId = ctx.url ? pageFromUrl(ctx.url).orderId : undefined;

  let found: ReturnType<typeof findList> = { sessions: false, ranked: [] };
  try {
    found = listOf(doc, env);
  } catch (e) {
    problems.push(`could not look for the conversation on this page (${(e as Error)?.message ?? e})`);
  }
  let listEl: Element | undefined;
  let infos: RowInfo[] = [];
  if (found.best) {
    try {
      const { container, rows } = flattenRows(found.best, env, found.ranked);
      listEl = container;
      infos = eachSafely(orderRows(rows), (r) => readRow(r, env), problems, 'message');
      if (newestFirst(listEl, infos, now)) infos.reverse();
    } catch (e) {
      problems.push(`could not read the conversation (${(e as Error)?.message ?? e})`);
    }
  }

  let header: { name?: string; url?: string } = {};
  try {
    header = storeFromHeader(doc, listEl, env);
  } catch {
    header = {};
  }

  let senders: ChatMessage['sender'][] = [];
  try {
    senders = assignSenders(infos, header.name);
  } catch (e) {
    problems.push(`could not tell who wrote the messages (${(e as Error)?.message ?? e})`);
  }

  // dates: years for year-less dates, newest (last) first; dates never increase going back
  let guessedYears = 0;
  try {
    let newer: string | undefined;
    for (let i = infos.length - 1; i >= 0; i--) {
      const r = infos[i];
      if (r.kind === 'skip') continue;
      if (r.precise && !r.stamp?.iso) {
        newer = r.precise.slice(0, 10);
        if (!r.stamp?.md) continue;
      }
      const s = r.stamp;
      if (!s) continue;
      if (!s.iso && s.md && !s.md.year) {
        const res = inferYear(s.md, { now });
        if (!res) continue;
        let year = res.year;
        if (newer && (isoDate(year, s.md.month, s.md.day) ?? '') > newer) year -= 1;
        s.iso = isoDate(year, s.md.month, s.md.day);
        if (res.guessed && s.md.weekday === undefined) guessedYears++;
      }
      if (s.iso) newer = s.iso;
    }
  } catch {
    /* dates stay unread; counted below */
  }

  let noTime = 0;
  let noDate = 0;
  let unknownSender = 0;
  let cardOrderId: string | undefined;
  let m = 0;
  let fromWeekday = 0;
  let curDate: string | undefined;
  let curFromWeekday = false;
  let sepTime: { time: NonNullable<Stamp['time']>; raw: string } | undefined;
  for (const r of infos) {
    try {
      if (r.kind === 'skip') continue;
      if (r.kind === 'separator') {
        const s = r.stamp;
        const d = s?.iso ?? r.precise?.slice(0, 10);
        if (d) {
          curDate = d;
          curFromWeekday = !!s?.fromWeekday;
        } else if (s?.vague) curDate = undefined;
        if (s?.time) sepTime = { time: s.time, raw: s.raw };
        else if (d || s?.vague) sepTime = undefined;
        continue;
      }
      const sender = senders[m++] ?? 'unknown';
      const s = r.stamp;
      const date = s?.iso ?? (s?.vague ? undefined : curDate);
      const dateFromWeekday = s?.iso ? !!s.fromWeekday : !s?.vague && curFromWeekday;
      if (s?.iso) {
        curDate = s.iso;
        curFromWeekday = !!s.fromWeekday;
      }
      const time = s?.time ?? (s?.iso || s?.vague ? undefined : sepTime?.time);
      const msg: ChatMessage = { sender, text: r.text };
      if (r.name) msg.senderName = r.name;
      else if (r.avatarName && sender !== 'unknown') msg.senderName = r.avatarName;
      const timeText = r.timeText ?? (time && sepTime ? sepTime.raw : undefined);
      if (timeText) msg.timeText = timeText;
      // the time as the page shows it first; a full time in an attribute when the text lacks the date
      if (date && time) {
        msg.at = `${date}T${pad(time.h)}:${pad(time.m)}`;
        if (dateFromWeekday) fromWeekday++;
      } else if (r.precise) msg.at = r.precise;
      if (!msg.at && sender !== 'system') {
        if (time || s?.iso || s?.md || s?.vague) noDate++;
        else noTime++;
      }
      if (sender === 'unknown') unknownSender++;
      if (r.orderId) cardOrderId = r.orderId;
      chat.messages.push(msg);
    } catch (e) {
      problems.push(`could not read message ${m}: ${(e as Error)?.message ?? e}`);
    }
  }

  if (!found.best) {
    const frame = $(doc, CHAT_SELECTORS.frame.css);
    if (frame) problems.push('could not find the conversation on this page: it is inside a frame, which is read on its own (open the conversation itself to capture it)');
    else if (found.sessions) problems.push('could not find the conversation on this page: no conversation is open (only the list of conversations is shown)');
    else problems.push('could not find the conversation on this page');
  } else if (!chat.messages.length) {
    problems.push('the conversation shows no messages');
  }
  if (chat.messages.length) {
    if (noTime) problems.push(`${plural(noTime, 'message had', 'messages had')} no time`);
    if (noDate) problems.push(`${plural(noDate, 'message shows', 'messages show')} a time but no date`);
    if (unknownSender) problems.push(`could not tell whether the buyer or the seller wrote ${plural(unknownSender, 'message', 'messages')}`);
    if (fromWeekday) problems.push(`the date of ${plural(fromWeekday, 'message', 'messages')} is shown as a weekday only: taken as the last such day before today`);
    if (guessedYears) problems.push(`the year is not shown for ${plural(guessedYears, 'date', 'dates')}: taken as the latest one not in the future`);
  }

  let store = header.name;
  if (!store) {
    // the seller's name on their messages, when it is always the same
    const names = new Set(chat.messages.filter((x) => x.sender === 'seller' && x.senderName).map((x) => x.senderName!));
    if (names.size === 1) store = [...names][0];
  }
  if (store) chat.store = store;
  else if (found.best) problems.push('could not find the store name of this conversation');

  let headerId: string | undefined;
  try {
    headerId = headerOrderId(doc, listEl);
  } catch {
    headerId = undefined;
  }
  const orderId = headerId ?? urlOrderId ?? cardOrderId;
  if (orderId) chat.orderId = orderId;
  const orders: OrderFacts[] = [];
  if (orderId) {
    const o = emptyOrder(orderId);
    if (store) o.store = header.url && header.name === store ? { name: store, url: header.url } : { name: store };
    orders.push(o);
  }
  return { orders, problems, chat };
};
