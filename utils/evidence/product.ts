// Product pages ("the listing is the contract"): where the capture button appears and how AliProof
// links a listing to an order when it opens the page itself.

export { PRODUCT_PAGE_MATCHES } from '../aliexpress/urls';

/** The order id in `#aliproof-order=<digits>`, if any. */
export function orderFromHash(hash: string): string | undefined {
  const m = /(?:^#|&)aliproof-order=(\d{10,22})(?:&|$)/.exec(hash);
  return m?.[1];
}

/** A product address that opens with the capture linked to an order. */
export function productUrlForOrder(url: string, orderId: string): string {
  const u = new URL(url);
  u.hash = `aliproof-order=${orderId}`;
  return u.href;
}
