// The deadline badge on order rows and in the sidebar: "D-12 · not received", coloured by urgency,
// with a tooltip (on hover and keyboard focus) listing every clock and where its date comes from.
// Root attributes data-aliproof/data-order-id/data-closes-on/data-days-left are the e2e contract.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { OrderFacts } from '../utils/types';
import { useI18n } from '../utils/i18n';
import { renderBadge } from './badge-dom';
import type { ClockOrigin, FactSource } from '../utils/advice/clocks';
import { orderForBadge } from '../utils/store/effective';
import { stores as defaultStores, useCases, useNow, useSettings, useUserFacts, type AliProofStores } from '../utils/store/stores';

export interface BadgeProps {
  orderId: string;
  /** the order's facts with `deadlines` computed (an EffectiveOrder's `order`, or a page reading's) */
  order: Pick<OrderFacts, 'deadlines'> & Partial<OrderFacts>;
  /** where each fact came from, so clocks counted from the user's dates say so */
  sources?: Partial<Record<string, FactSource>>;
  now: Date;
  /** clicking the badge opens this order in the sidebar */
  onOpen?: (orderId: string) => void;
}

export function originMsgKey(origin: ClockOrigin) {
  return `origin.${origin}` as const;
}

/** The badge as a React component: drawn by the same code as the badges on AliExpress pages. */
export function Badge({ orderId, order, sources, now, onOpen }: BadgeProps) {
  const { lang } = useI18n();
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) renderBadge(ref.current, { orderId, order, sources, now, onOpen, lang });
  }, [orderId, order, sources, now, onOpen, lang]);
  return <span ref={ref} />;
}

export interface ConnectedBadgeProps {
  orderId: string;
  /** the page's own reading, shown until the background has stored the order */
  facts?: OrderFacts;
  stores?: AliProofStores;
  now?: Date;
  onOpen?: (orderId: string) => void;
}

/** A badge that follows the stores: the user's corrections and rule settings change it at once. */
export function ConnectedBadge({ orderId, facts, stores = defaultStores, now: fixedNow, onOpen }: ConnectedBadgeProps) {
  const now = useNow(fixedNow);
  const cases = useCases(stores);
  const userFacts = useUserFacts(stores);
  const settings = useSettings(stores);
  const record = cases.cases[orderId];
  const mine = userFacts[orderId];
  const shown = useMemo(
    () => orderForBadge(record, mine, facts, { now, overrides: settings.ruleOverrides }),
    [record, mine, facts, now, settings.ruleOverrides],
  );
  return <Badge orderId={orderId} order={shown.order} sources={shown.sources} now={now} onOpen={onOpen} />;
}
