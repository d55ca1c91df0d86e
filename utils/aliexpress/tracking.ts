// PLACEHOLDER: being written. Contract only.
import type { DomReader, PayloadReader, SelectorDef } from './reader';

export const TRACKING_SELECTORS: Record<string, SelectorDef> = {};
/** true when the document looks like this page (used when the URL is unknown) */
export function looksLikeTracking(_doc: Document): boolean {
  return false;
}
export const readTrackingDom: DomReader = () => ({ orders: [], problems: ['not implemented'] });
export const readTrackingPayload: PayloadReader = () => ({ orders: [], problems: ['not implemented'] });
