// The page's own JSON (mtop responses), saved as files or observed on the page: envelope handling
// shared by the list, detail and tracking payload readers.
import { normaliseText } from './labels';

/** Strip a JSONP wrapper `mtopjsonp12( … )` and parse; undefined when it is not JSON. */
export function parsePayloadText(raw: string): unknown {
  let s = raw.trim().replace(/^\uFEFF/, '');
  const jsonp = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*$/.exec(s);
  if (jsonp) s = jsonp[1];
  try {
    return JSON.parse(quoteBigIds(s));
  } catch {
    return undefined;
  }
}

/**
 * Order ids are 16+ digit numbers in the detail payload: JSON.parse would round them (>= 2^53).
 * Quote every bare integer of 15 or more digits so the digits survive.
 */
export function quoteBigIds(json: string): string {
  return json.replace(/([:\[,]\s*)(-?\d{15,})(?=\s*[,}\]])/g, '$1"$2"');
}

export type Json = Record<string, any>;

/** 'SUCCESS' | the failure code | undefined when the object carries no `ret`. */
export function retStatus(p: Json): { ok: boolean; code?: string } {
  const ret = p?.ret;
  if (!Array.isArray(ret)) return { ok: true };
  const first = String(ret[0] ?? '');
  return first.startsWith('SUCCESS') ? { ok: true } : { ok: false, code: first.split('::')[0] };
}

/** The map of Ultron components (`data.data` or `data`), each with `tag` and `fields`. */
export function components(p: Json): Json[] {
  const inner = p?.data?.data ?? p?.data ?? p;
  if (!inner || typeof inner !== 'object') return [];
  return Object.values(inner).filter((c): c is Json => !!c && typeof c === 'object' && typeof (c as Json).tag === 'string');
}

export function byTag(p: Json, tag: string): Json[] {
  return components(p).filter((c) => c.tag === tag);
}

/** The API name of a saved payload, from its `api` field. */
export function apiName(p: Json): string | undefined {
  return typeof p?.api === 'string' ? p.api : undefined;
}

export const API = {
  list: 'mtop.aliexpress.trade.buyer.order.list',
  detail: 'mtop.aliexpress.trade.buyer.order.detail',
  tracking: 'mtop.ae.ld.querydetail',
} as const;

export const NOT_LOGGED_IN = 'AliExpress did not return order data (not logged in?)';

/** A string id from a value that may be a number or string. */
export function idString(v: unknown): string | undefined {
  const s = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : undefined) : typeof v === 'string' ? v.trim() : undefined;
  return s && /^\d{10,22}$/.test(s) ? s : undefined;
}

/**
 * Plain text of the small HTML snippets payloads carry (richText, itemExtraInfo, deliveryTimeDesc):
 * line and block breaks become spaces, other tags go, the common entities are decoded.
 */
export function htmlText(html: unknown): string {
  if (typeof html !== 'string') return '';
  return normaliseText(
    html
      .replace(/<(br|\/?p|\/?div|\/?li)\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
