// Searching the case list by order number, store name and item title. Every word typed must appear
// somewhere in the order (in any of those fields), ignoring case, width (full-width digits) and spacing.
import type { EffectiveOrder } from '../store/effective';

export function normaliseSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The text an order can be found by. */
export function searchText(e: EffectiveOrder): string {
  const o = e.order;
  return normaliseSearch([e.orderId, o.store?.name ?? '', ...o.items.map((i) => i.title)].join(' \n '));
}

export function matchesSearch(e: EffectiveOrder, query: string): boolean {
  const words = normaliseSearch(query).split(' ').filter(Boolean);
  if (!words.length) return true;
  const text = searchText(e);
  return words.every((w) => text.includes(w));
}

/** The orders matching the query, in the order given (the caller sorts by urgency first). */
export function filterCases<T extends EffectiveOrder>(orders: readonly T[], query: string): T[] {
  return orders.filter((e) => matchesSearch(e, query));
}
