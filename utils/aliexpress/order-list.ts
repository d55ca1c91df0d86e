// PLACEHOLDER: being written. Contract only.
import type { DomReader, PayloadReader, SelectorDef } from './reader';

export const ORDER_LIST_SELECTORS: Record<string, SelectorDef> = {};
/** true when the document looks like this page (used when the URL is unknown) */
export function looksLikeOrderList(_doc: Document): boolean {
  return false;
}
export const readOrderListDom: DomReader = () => ({ orders: [], problems: ['not implemented'] });
export const readOrderListPayload: PayloadReader = () => ({ orders: [], problems: ['not implemented'] });
