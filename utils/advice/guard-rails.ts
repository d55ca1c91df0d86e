// Warnings shown before the buttons that end buyer protection (dispute-rules.md §8.7 "Why disputes fail").
import type { MessageKey } from '../i18n';

export interface GuardRail {
  id: 'confirm-received' | 'one-dispute' | 'proposal-ends' | 'seller-wait';
  key: MessageKey;
  /** 'problem-open': only while the buyer has a problem with this order */
  when: 'always' | 'problem-open';
}

export const GUARD_RAILS: readonly GuardRail[] = [
  { id: 'confirm-received', key: 'guard.confirmReceived', when: 'problem-open' },
  { id: 'one-dispute', key: 'guard.oneDispute', when: 'always' },
  { id: 'proposal-ends', key: 'guard.proposal', when: 'always' },
  { id: 'seller-wait', key: 'guard.sellerWait', when: 'problem-open' },
];

export function guardRails(problemOpen: boolean): GuardRail[] {
  return GUARD_RAILS.filter((g) => g.when === 'always' || problemOpen);
}
