// AliExpress addresses: which page a URL is, its order id, and the addresses AliProof links to.
import type { PageKind } from '../types';

/** www., ko., m.ko. … aliexpress.com / .us / .ru */
const HOST_RE = /(^|\.)aliexpress\.(com|us|ru)$/i;
const CHAT_HOST_RE = /^(msg|message)\.aliexpress\.(com|us|ru)$/i;
export const ORDER_ID_RE = /^\d{10,22}$/;

/** Content-script match patterns: order list/detail/tracking pages and the message centre. */
export const ORDER_PAGE_MATCHES = [
  '*://*.aliexpress.com/p/order/*',
  '*://*.aliexpress.com/p/tracking/*',
  '*://*.aliexpress.us/p/order/*',
  '*://*.aliexpress.us/p/tracking/*',
];
export const CHAT_PAGE_MATCHES = [
  '*://*.aliexpress.com/p/message/*',
  '*://*.aliexpress.us/p/message/*',
  '*://msg.aliexpress.com/*',
  '*://message.aliexpress.com/*',
];
export const HOST_PERMISSIONS = ['*://*.aliexpress.com/*', '*://*.aliexpress.us/*'];
/** Product pages ("the listing is the contract"): where the listing capture button appears. */
export const PRODUCT_PAGE_MATCHES = ['*://*.aliexpress.com/item/*', '*://*.aliexpress.us/item/*'];
/** AliExpress's image servers: the page's own pictures are re-read from there for captures. */
export const IMAGE_HOST_PERMISSIONS = ['*://*.alicdn.com/*', '*://*.aliexpress-media.com/*'];
const IMAGE_HOST_RE = /(^|\.)(alicdn\.com|aliexpress-media\.com|aliexpress\.(com|us|ru))$/i;

/** true for http(s) addresses on AliExpress's own page and image hosts */
export function isAliExpressImageUrl(url: string): boolean {
  const u = safeUrl(url);
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && IMAGE_HOST_RE.test(u.hostname);
}

/** true for an AliExpress product page ("/item/<id>.html") */
export function isListingUrl(url: string | undefined): boolean {
  const u = safeUrl(url);
  return !!u && /^https?:$/.test(u.protocol) && HOST_RE.test(u.hostname) && /^\/item\/\d+\.html/.test(u.pathname);
}

export function isAliExpressUrl(url: string | undefined): boolean {
  const u = safeUrl(url);
  return !!u && HOST_RE.test(u.hostname);
}

function safeUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url.startsWith('//') ? 'https:' + url : url);
  } catch {
    return undefined;
  }
}

/** The kind of AliExpress page at a URL and the order id it names, if any. */
export function pageFromUrl(url: string | undefined): { kind: PageKind; orderId?: string } {
  const u = safeUrl(url);
  if (!u || !HOST_RE.test(u.hostname)) return { kind: 'unknown' };
  const host = u.hostname.toLowerCase();
  const path = u.pathname;
  const q = (name: string) => {
    const v = u.searchParams.get(name);
    return v && ORDER_ID_RE.test(v) ? v : undefined;
  };
  if (CHAT_HOST_RE.test(host) || path.startsWith('/p/message/')) {
    return { kind: 'chat', orderId: q('orderId') };
  }
  if (path.startsWith('/p/order/index.html') || /^\/(orderList|order_list)\.htm/.test(path) || /^\/order-list\/?$/.test(path)) {
    return { kind: 'order-list' };
  }
  if (path.startsWith('/p/order/detail.html') || path.startsWith('/order_detail.htm')) {
    return { kind: 'order-detail', orderId: q('orderId') };
  }
  const ru = /^\/order-list\/(\d{10,22})/.exec(path);
  if (ru) return { kind: 'order-detail', orderId: ru[1] };
  if (path.startsWith('/p/tracking/index.html')) return { kind: 'tracking', orderId: q('tradeOrderId') };
  if (host.startsWith('track.') && path.startsWith('/logisticsdetail.htm')) return { kind: 'tracking', orderId: q('tradeId') };
  return { kind: 'unknown' };
}

/** The first order id in an href (orderId=, tradeOrderId=, tradeId=). */
export function orderIdFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const m = /[?&](?:orderId|tradeOrderId|tradeId|parentOrderId)=(\d{10,22})(?!\d)/.exec(href);
  return m?.[1];
}

/** Absolute https address for protocol-relative or relative AliExpress links. */
export function absoluteUrl(href: string | null | undefined, base = 'https://www.aliexpress.com/'): string | undefined {
  if (!href) return undefined;
  const u = safeUrl(href.startsWith('/') && !href.startsWith('//') ? base.replace(/\/$/, '') + href : href);
  return u && /^https?:$/.test(u.protocol) ? u.href : undefined;
}

export const orderDetailUrl = (orderId: string) => `https://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`;
export const trackingUrl = (orderId: string) => `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${orderId}`;
export const orderListUrl = () => 'https://www.aliexpress.com/p/order/index.html';
