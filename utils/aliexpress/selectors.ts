// Every selector AliProof uses on AliExpress pages, each with the saved pages it must match
// (tests/unit/selectors.test.ts checks that). The selectors themselves live beside their readers.
import type { SelectorDef } from './reader';
import { ORDER_LIST_SELECTORS } from './order-list';
import { ORDER_DETAIL_SELECTORS } from './order-detail';
import { TRACKING_SELECTORS } from './tracking';
import { CHAT_SELECTORS } from './chat';
import { ANCHOR_SELECTORS } from './anchors';
import { CAPTURE_SELECTORS, PII_SELECTORS } from './capture-selectors';

export const ALL_SELECTORS: Record<string, Record<string, SelectorDef>> = {
  'order-list': ORDER_LIST_SELECTORS,
  'order-detail': ORDER_DETAIL_SELECTORS,
  tracking: TRACKING_SELECTORS,
  chat: CHAT_SELECTORS,
  badges: ANCHOR_SELECTORS,
  redaction: PII_SELECTORS,
  capture: CAPTURE_SELECTORS,
};
