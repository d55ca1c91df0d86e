// Evidence checklists per dispute reason, as data. Sources: AliExpress help "How to provide evidence"
// (dispute-rules.md §8.5), the checklist by kind (§8.6) and the seeds' own lists (§8.6, seed 000).
// An item ticks itself when a capture of one of its `autoKinds` exists; the user can tick any item.
import type { MessageKey } from '../i18n';

export type EvidenceKind = 'chat' | 'tracking' | 'order-detail' | 'product-page' | 'photo' | 'video' | 'receipt';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['chat', 'tracking', 'order-detail', 'product-page', 'photo', 'video', 'receipt'];

export type DisputeReason = 'not-received' | 'not-as-described' | 'damaged' | 'lost-high-value' | 'seller-asks-wait';
export const DISPUTE_REASONS: readonly DisputeReason[] = ['not-received', 'not-as-described', 'damaged', 'lost-high-value', 'seller-asks-wait'];

export interface ChecklistItem {
  /** stable id, stored in `local:checklist` ticks */
  id: string;
  key: MessageKey;
  /** evidence kinds that tick this item automatically; empty = only by hand */
  autoKinds: readonly EvidenceKind[];
}

export const CHECKLISTS: Readonly<Record<DisputeReason, readonly ChecklistItem[]>> = {
  'not-received': [
    { id: 'nr-order-detail', key: 'ev.orderDetail', autoKinds: ['order-detail'] },
    { id: 'nr-tracking', key: 'ev.trackingRepeated', autoKinds: ['tracking'] },
    { id: 'nr-chat', key: 'ev.chatSeller', autoKinds: ['chat'] },
    { id: 'nr-receipt', key: 'ev.receipt', autoKinds: ['receipt'] },
  ],
  'not-as-described': [
    { id: 'nad-listing', key: 'ev.listing', autoKinds: ['product-page'] },
    { id: 'nad-order-detail', key: 'ev.orderDetail', autoKinds: ['order-detail'] },
    { id: 'nad-unboxing', key: 'ev.unboxingVideo', autoKinds: ['video'] },
    { id: 'nad-photos', key: 'ev.photosDiff', autoKinds: ['photo'] },
    { id: 'nad-differences', key: 'ev.diffList', autoKinds: [] },
    { id: 'nad-fault-video', key: 'ev.faultVideo', autoKinds: [] },
    { id: 'nad-chat', key: 'ev.chatSeller', autoKinds: ['chat'] },
  ],
  damaged: [
    { id: 'dmg-packaging', key: 'ev.packagingPhotos', autoKinds: ['photo'] },
    { id: 'dmg-unboxing', key: 'ev.unboxingVideo', autoKinds: ['video'] },
    { id: 'dmg-carrier', key: 'ev.carrierClaim', autoKinds: [] },
    { id: 'dmg-order-detail', key: 'ev.orderDetail', autoKinds: ['order-detail'] },
    { id: 'dmg-chat', key: 'ev.chatSeller', autoKinds: ['chat'] },
  ],
  'lost-high-value': [
    { id: 'lost-order-detail', key: 'ev.orderDetail', autoKinds: ['order-detail'] },
    { id: 'lost-tracking', key: 'ev.trackingStop', autoKinds: ['tracking'] },
    { id: 'lost-chat', key: 'ev.chatSeller', autoKinds: ['chat'] },
    { id: 'lost-listing', key: 'ev.listing', autoKinds: ['product-page'] },
    { id: 'lost-receipt', key: 'ev.receipt', autoKinds: ['receipt'] },
    { id: 'lost-customer-service', key: 'ev.customerService', autoKinds: [] },
  ],
  'seller-asks-wait': [
    { id: 'wait-chat', key: 'ev.sellerRequest', autoKinds: ['chat'] },
    { id: 'wait-protection-date', key: 'ev.protectionDate', autoKinds: ['order-detail'] },
    { id: 'wait-tracking', key: 'ev.trackingRepeated', autoKinds: ['tracking'] },
    { id: 'wait-on-platform', key: 'ev.keepOnPlatform', autoKinds: [] },
  ],
};

export function isDisputeReason(v: unknown): v is DisputeReason {
  return typeof v === 'string' && (DISPUTE_REASONS as readonly string[]).includes(v);
}

export interface ChecklistItemState extends ChecklistItem {
  /** ticked by a capture of one of its kinds */
  auto: boolean;
  /** the user's own tick or untick, when they made one */
  manual?: boolean;
  /** the user's choice wins; otherwise a capture ticks it */
  done: boolean;
}

export interface ChecklistState {
  reason: DisputeReason;
  items: ChecklistItemState[];
  done: number;
  total: number;
}

export function checklistState(
  reason: DisputeReason,
  capturedKinds: readonly string[],
  manualTicks: Readonly<Record<string, boolean>> = {},
): ChecklistState {
  const captured = new Set(capturedKinds);
  const items = CHECKLISTS[reason].map((item): ChecklistItemState => {
    const auto = item.autoKinds.some((k) => captured.has(k));
    const manual = manualTicks[item.id];
    return { ...item, auto, ...(manual === undefined ? {} : { manual }), done: manual ?? auto };
  });
  return { reason, items, done: items.filter((i) => i.done).length, total: items.length };
}

/** The reason to preselect: not received until it looks delivered, then not as described. */
export function suggestReason(delivered: boolean, notReceived: boolean): DisputeReason {
  return notReceived || !delivered ? 'not-received' : 'not-as-described';
}
