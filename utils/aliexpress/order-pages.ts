// Reading a Document with a given set of page readers. The order pages' own set (list, detail,
// tracking) is all the always-on order-page script needs: it leaves the chat reader out of it.
import type { PageKind, PageReading, ReadContext } from '../types';
import type { DomReader, PartialReading } from './reader';
import { isAliExpressUrl, pageFromUrl } from './urls';
import { looksLikeOrderList, readOrderListDom } from './order-list';
import { looksLikeOrderDetail, readOrderDetailDom } from './order-detail';
import { looksLikeTracking, readTrackingDom } from './tracking';

export type DomReaders = Partial<Record<Exclude<PageKind, 'unknown'>, { read: DomReader; looksLike: (d: Document) => boolean }>>;

export const ORDER_PAGE_READERS = {
  tracking: { read: readTrackingDom, looksLike: looksLikeTracking },
  'order-detail': { read: readOrderDetailDom, looksLike: looksLikeOrderDetail },
  'order-list': { read: readOrderListDom, looksLike: looksLikeOrderList },
} satisfies DomReaders;

export function guarded(kind: PageKind, run: () => PartialReading): PageReading {
  try {
    const r = run();
    return { kind, orders: r.orders, problems: r.problems, ...(r.chat ? { chat: r.chat } : {}) };
  } catch (e) {
    return { kind, orders: [], problems: [`this ${kind} page could not be read (${(e as Error)?.message ?? e})`] };
  }
}

/** The kind of a document: from its address when that is an AliExpress page, else from its markup. */
export function detectKindWith(readers: DomReaders, doc: Document, url?: string): PageKind {
  if (url && isAliExpressUrl(url)) return pageFromUrl(url).kind;
  if (url) return 'unknown'; // not an AliExpress address: nothing to read
  for (const [kind, r] of Object.entries(readers)) {
    try {
      if (r.looksLike(doc)) return kind as PageKind;
    } catch {
      /* a broken page is simply not this kind */
    }
  }
  return 'unknown';
}

export function readDocumentWith(readers: DomReaders, doc: Document, ctx: ReadContext = {}): PageReading {
  let kind: PageKind = 'unknown';
  try {
    kind = detectKindWith(readers, doc, ctx.url);
  } catch {
    kind = 'unknown';
  }
  const reader = kind === 'unknown' ? undefined : readers[kind];
  if (!reader) {
    return { kind, orders: [], problems: ['this is not an AliExpress order, tracking or message page'] };
  }
  const reading = guarded(kind, () => reader.read(doc, ctx));
  // the address names the order on detail/tracking/chat pages even when the markup does not
  const fromUrl = ctx.url ? pageFromUrl(ctx.url).orderId : undefined;
  if (fromUrl && reading.chat && !reading.chat.orderId) reading.chat.orderId = fromUrl;
  return reading;
}

/** Read an order list, order detail or tracking page (any other page reads as nothing). */
export const readOrderPage = (doc: Document, ctx: ReadContext = {}): PageReading => readDocumentWith(ORDER_PAGE_READERS, doc, ctx);
