// PLACEHOLDER: being written. Contract only.
import type { DomReader, PayloadReader, SelectorDef } from './reader';

export const ORDER_DETAIL_SELECTORS: Record<string, SelectorDef> = {};
/** true when the document looks like this page (used when the URL is unknown) */
export function looksLikeOrderDetail(_doc: Document): boolean {
  return false;
}
export const readOrderDetailDom: DomReader = () => ({ orders: [], problems: ['not implemented'] });
export const readOrderDetailPayload: PayloadReader = () => ({ orders: [], problems: ['not implemented'] });
