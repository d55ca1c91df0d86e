// THE entry to AliExpress page reading: a Document, a saved HTML file or a saved JSON payload in,
// a PageReading out. Never throws: whatever could not be read is listed in `problems`.
import type { PageKind, PageReading, ReadContext } from '../types';
import type { PayloadReader } from './reader';
import { savedUrl } from './dom';
import { API, apiName, byTag, NOT_LOGGED_IN, parsePayloadText, retStatus, type Json } from './payload';
import { readOrderListPayload } from './order-list';
import { readOrderDetailPayload } from './order-detail';
import { readTrackingPayload } from './tracking';
import { looksLikeChat, readChatDom } from './chat';
import { detectKindWith, guarded, ORDER_PAGE_READERS, readDocumentWith, type DomReaders } from './order-pages';

const DOM_READERS: DomReaders = {
  chat: { read: readChatDom, looksLike: looksLikeChat },
  ...ORDER_PAGE_READERS,
};

/** The kind of a document: from its address when that is an AliExpress page, else from its markup. */
export const detectKind = (doc: Document, url?: string): PageKind => detectKindWith(DOM_READERS, doc, url);

/** Read a live or parsed page. `ctx.url` is the page address (location.href in the extension). */
export const readDocument = (doc: Document, ctx: ReadContext = {}): PageReading => readDocumentWith(DOM_READERS, doc, ctx);

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
