// The deadline badge on order rows and in the sidebar: "D-12 · not received", coloured by urgency,
// with a tooltip (on hover and keyboard focus) listing every clock and where its date comes from.
// Root attributes data-aliproof/data-order-id/data-closes-on/data-days-left are the e2e contract.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Deadline, OrderFacts } from '../utils/types';
import { kindMsg, leftMsg, useI18n } from '../utils/i18n';
import { badgeInfo, clockOrigin, type ClockOrigin, type FactSource } from '../utils/advice/clocks';
import { daysLeft, withDeadlines } from '../utils/deadlines/engine';
import { effectiveOrder } from '../utils/store/effective';
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

export function Badge({ orderId, order, sources, now, onOpen }: BadgeProps) {
  const { t, tm } = useI18n();
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const info = badgeInfo(order.deadlines, now);
  const d = info.deadline;
  const left = info.daysLeft;

  let count: string;
  let label: string;
  if (!d || left === undefined) {
    count = t('badge.none');
    label = t('badge.ariaNone', { id: orderId });
  } else if (left < 0) {
    count = t('badge.closed');
    label = t('badge.ariaClosed', { id: orderId, kind: kindMsg(d.kind), date: { date: d.closesOn } });
  } else {
    count = left === 0 ? t('badge.dday') : t('badge.dminus', { n: left });
    label = t('badge.aria', { id: orderId, left: leftMsg(left), date: { date: d.closesOn } });
  }
  const kind = d && left !== undefined && left >= 0 ? tm(kindMsg(d.kind)) : '';
  // the accessible name starts with the visible text (WCAG 2.5.3 "label in name")
  const name = `${[count, kind].filter(Boolean).join(' ')}: ${label}`;

  const clocks = useMemo(() => [...order.deadlines].sort((a, b) => a.closesOn.localeCompare(b.closesOn)), [order.deadlines]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation(); // close the tooltip first, not the sidebar
      setOpen(false);
    }
  };

  return (
    <span
      className={`ap-badge ap-badge--${info.urgency}`}
      data-aliproof="badge"
      data-order-id={orderId}
      data-urgency={info.urgency}
      {...(d && left !== undefined ? { 'data-closes-on': d.closesOn, 'data-days-left': String(left) } : {})}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      <button
        type="button"
        className="ap-badge-button"
        aria-label={name}
        aria-describedby={tipId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        onClick={() => onOpen?.(orderId)}
      >
        <span className="ap-badge-count">{count}</span>
        {kind && <span className="ap-badge-kind">{kind}</span>}
      </button>
      <span role="tooltip" id={tipId} className="ap-tooltip" hidden={!open}>
        <span className="ap-tooltip-title">{t('tooltip.title', { id: orderId })}</span>
        {clocks.length === 0 ? (
          <span className="ap-tooltip-empty">{t('tooltip.none')}</span>
        ) : (
          <ul className="ap-tooltip-list">
            {clocks.map((c) => (
              <ClockLine key={`${c.kind}-${c.closesOn}-${c.basis}`} clock={c} order={order} sources={sources} now={now} />
            ))}
          </ul>
        )}
        {d && left !== undefined && left >= 0 && <span className="ap-tooltip-note">{t('tooltip.pacific')}</span>}
      </span>
    </span>
  );
}

function ClockLine({ clock, order, sources, now }: { clock: Deadline; order: BadgeProps['order']; sources?: BadgeProps['sources']; now: Date }) {
  const { t } = useI18n();
  const origin = clockOrigin(clock, order as OrderFacts, sources);
  return (
    <li className="ap-tooltip-clock" data-kind={clock.kind} data-origin={origin}>
      {t('clock.row', { kind: kindMsg(clock.kind), date: { date: clock.closesOn }, left: leftMsg(daysLeft(clock.closesOn, now)) })}
      {clock.opensOn && <> · {t('clock.opens', { date: { date: clock.opensOn } })}</>}
      {' — '}
      {t(originMsgKey(origin), { rule: clock.basis })}
    </li>
  );
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
  const shown = useMemo(() => {
    if (record) return effectiveOrder(record, mine, { now, overrides: settings.ruleOverrides });
    if (facts) return { order: withDeadlines(facts, { now, overrides: settings.ruleOverrides }).order, sources: {} };
    return { order: { deadlines: [] as Deadline[] }, sources: {} };
  }, [record, mine, facts, now, settings.ruleOverrides]);
  return <Badge orderId={orderId} order={shown.order} sources={shown.sources} now={now} onOpen={onOpen} />;
}
