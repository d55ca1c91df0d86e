// THE entry to AliExpress page reading: a Document, a saved HTML file or a saved JSON payload in,
// a PageReading out. Never throws: whatever could not be read is listed in `problems`.
import type { PageKind, PageReading, ReadContext } from '../types';
import type { DomReader, PartialReading, PayloadReader } from './reader';
import { pageFromUrl, isAliExpressUrl } from './urls';
import { savedUrl } from './dom';
import { API, apiName, byTag, NOT_LOGGED_IN, parsePayloadText, retStatus, type Json } from './payload';
import { looksLikeOrderList, readOrderListDom, readOrderListPayload } from './order-list';
import { looksLikeOrderDetail, readOrderDetailDom, readOrderDetailPayload } from './order-detail';
import { looksLikeTracking, readTrackingDom, readTrackingPayload } from './tracking';
import { looksLikeChat, readChatDom } from './chat';

const DOM_READERS: Record<Exclude<PageKind, 'unknown'>, { read: DomReader; looksLike: (d: Document) => boolean }> = {
  chat: { read: readChatDom, looksLike: looksLikeChat },
  tracking: { read: readTrackingDom, looksLike: looksLikeTracking },
  'order-detail': { read: readOrderDetailDom, looksLike: looksLikeOrderDetail },
  'order-list': { read: readOrderListDom, looksLike: looksLikeOrderList },
};

function guarded(kind: PageKind, run: () => PartialReading): PageReading {
  try {
    const r = run();
    return { kind, orders: r.orders, problems: r.problems, ...(r.chat ? { chat: r.chat } : {}) };
  } catch (e) {
    return { kind, orders: [], problems: [`this ${kind} page could not be read (${(e as Error)?.message ?? e})`] };
  }
}

/** The kind of a document: from its address when that is an AliExpress page, else from its markup. */
export function detectKind(doc: Document, url?: string): PageKind {
  if (url && isAliExpressUrl(url)) return pageFromUrl(url).kind;
  if (url) return 'unknown'; // not an AliExpress address: nothing to read
  for (const [kind, r] of Object.entries(DOM_READERS)) {
    try {
      if (r.looksLike(doc)) return kind as PageKind;
    } catch {
      /* a broken page is simply not this kind */
    }
  }
  return 'unknown';
}

/** Read a live or parsed page. `ctx.url` is the page address (location.href in the extension). */
export function readDocument(doc: Document, ctx: ReadContext = {}): PageReading {
  let kind: PageKind = 'unknown';
  try {
    kind = detectKind(doc, ctx.url);
  } catch {
    kind = 'unknown';
  }
  if (kind === 'unknown') {
    return { kind, orders: [], problems: ['this is not an AliExpress order, tracking or message page'] };
  }
  const reading = guarded(kind, () => DOM_READERS[kind as Exclude<PageKind, 'unknown'>].read(doc, ctx));
  // the address names the order on detail/tracking/chat pages even when the markup does not
  const fromUrl = ctx.url ? pageFromUrl(ctx.url).orderId : undefined;
  if (fromUrl && reading.chat && !reading.chat.orderId) reading.chat.orderId = fromUrl;
  return reading;
}

const PAYLOAD_READERS: { kind: PageKind; api: string; tag?: string; read: PayloadReader; shape: (p: Json) => boolean }[] = [
  { kind: 'order-list', api: API.list, read: readOrderListPayload, shape: (p) => byTag(p, 'pc_om_list_order').length > 0 },
  { kind: 'order-detail', api: API.detail, read: readOrderDetailPayload, shape: (p) => byTag(p, 'detail_order_status_block').length > 0 || byTag(p, 'detail_simple_order_info_component').length > 0 },
  { kind: 'tracking', api: API.tracking, read: readTrackingPayload, shape: (p) => Array.isArray(p?.data?.module?.trackingDetailLineList) || Array.isArray(p?.module?.trackingDetailLineList) },
];

/** Read a parsed mtop payload (list, detail or tracking). */
export function readPayload(payload: Json, ctx: ReadContext = {}): PageReading {
  const api = apiName(payload);
  const reader = PAYLOAD_READERS.find((r) => api && api.toLowerCase() === r.api) ?? PAYLOAD_READERS.find((r) => {
    try {
      return r.shape(payload);
    } catch {
      return false;
    }
  });
  if (!reader) return { kind: 'unknown', orders: [], problems: ['this JSON is not an AliExpress order list, order detail or tracking payload'] };
  if (!retStatus(payload).ok) return { kind: reader.kind, orders: [], problems: [`${NOT_LOGGED_IN} [${retStatus(payload).code}]`] };
  return guarded(reader.kind, () => reader.read(payload, ctx));
}

/** A saved file's text: JSON(P) payload or HTML. `parseHtml` turns HTML into a Document. */
export function readSaved(content: string, ctx: ReadContext, parseHtml: (html: string) => Document): PageReading {
  const trimmed = content.trimStart();
  if (/^[\[{]/.test(trimmed) || /^[\w$.]+\s*\(\s*\{/.test(trimmed)) {
    const payload = parsePayloadText(content);
    if (payload && typeof payload === 'object') return readPayload(payload as Json, ctx);
    if (/^[\[{]/.test(trimmed)) return { kind: 'unknown', orders: [], problems: ['this file looks like JSON but could not be parsed (cut short?)'] };
  }
  let doc: Document;
  try {
    doc = parseHtml(content);
  } catch (e) {
    return { kind: 'unknown', orders: [], problems: [`this file could not be parsed as HTML (${(e as Error)?.message ?? e})`] };
  }
  return readDocument(doc, { ...ctx, url: ctx.url ?? savedUrl(doc, content) });
}

export { pageFromUrl, isAliExpressUrl } from './urls';
