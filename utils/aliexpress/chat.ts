// PLACEHOLDER: being written. Contract only.
import type { DomReader, PayloadReader, SelectorDef } from './reader';

export const CHAT_SELECTORS: Record<string, SelectorDef> = {};
/** true when the document looks like this page (used when the URL is unknown) */
export function looksLikeChat(_doc: Document): boolean {
  return false;
}
export const readChatDom: DomReader = () => ({ orders: [], problems: ['not implemented'] });
