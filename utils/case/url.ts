// The case page's address: `case.html` for every order, `case.html#order=<id>` for one case. The hash
// (not a query) keeps the page a single document, so switching cases never reloads the stores.
import { browser } from 'wxt/browser';

export const CASE_PAGE = '/case.html';

/** The case-page hash for one order, or '' for the list. */
export function caseHash(orderId?: string): string {
  return orderId ? `#order=${encodeURIComponent(orderId)}` : '';
}

/** The full extension address of the case page (all orders, or one order's case). */
export function caseUrl(orderId?: string): string {
  const base = (browser.runtime.getURL as (p: string) => string)(CASE_PAGE);
  return base + caseHash(orderId);
}

/** The order a case-page hash names: digits only, anything else means "the list". */
export function orderFromHash(hash: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(hash || '');
  } catch {
    return undefined; // a malformed address ("%E0%A4%A") is no order, not a crash of the case page
  }
  const m = /^#?order=(\d{6,22})$/.exec(decoded);
  return m?.[1];
}

/** Content scripts ask the background to open the case page (see entrypoints/background/open-case.ts). */
export type OpenCaseMessage = { type: 'open-case'; orderId?: string };

/** Open the case page in a new tab, from anywhere (content script or extension page). */
export async function openCasePage(orderId?: string): Promise<void> {
  const msg: OpenCaseMessage = { type: 'open-case', ...(orderId ? { orderId } : {}) };
  const r = (await browser.runtime.sendMessage(msg)) as { ok: boolean; error?: string } | undefined;
  if (!r?.ok) throw new Error(r?.error ?? 'AliProof could not open the case page');
}
