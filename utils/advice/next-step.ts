// The one next step for an order, in plain words: the situation, then what to do and by when.
// Returned as message keys + vars so the UI can show it in Korean or English.
import type { Deadline, OrderFacts } from '../types';
import { kindMsg, leftMsg, type Msg } from '../i18n';
import { daysLeft, urgency } from '../deadlines/engine';
import { looksDelivered, trackingPrompts, type TrackingAdviceOptions, type TrackingPrompt } from './tracking';

export type Urgency = ReturnType<typeof urgency>;

export interface NextStep {
  /** which situation was recognised (for tests and styling) */
  id:
    | 'awaiting-payment'
    | 'closed'
    | 'all-passed'
    | 'act-today'
    | 'returned'
    | 'delivered-not-received'
    | 'customs-hold'
    | 'no-movement'
    | 'not-received-report'
    | 'awaiting-shipment'
    | 'in-transit'
    | 'check-item'
    | 'watch'
    | 'unknown';
  message: Msg;
  /** when a dispute can be opened and the last safe day, estimates */
  details: Msg[];
  urgency: Urgency;
}

export type AdviceSettings = TrackingAdviceOptions;

const PROMPT_STEPS: Record<TrackingPrompt['id'], NextStep['id']> = {
  returned: 'returned',
  'delivered-not-received': 'delivered-not-received',
  'customs-hold': 'customs-hold',
  'no-movement': 'no-movement',
};

const PROMPT_MESSAGES: Record<TrackingPrompt['id'], (p: TrackingPrompt) => Msg> = {
  returned: () => ({ key: 'step.returned' }),
  'delivered-not-received': () => ({ key: 'step.deliveredNotReceived' }),
  'customs-hold': (p) => ({ key: 'step.customs', vars: { n: p.days ?? 0 } }),
  'no-movement': (p) => ({ key: 'step.stalled', vars: { n: p.days ?? 0 } }),
};

/** daysLeft ≤ 1 means "act today": AliExpress counts in Pacific time (dispute-rules.md §7). */
export const ACT_TODAY_DAYS = 1;

export function nextStep(order: OrderFacts, deadlines: Deadline[], now: Date, settings: AdviceSettings = {}): NextStep {
  const ahead = deadlines
    .map((d) => ({ ...d, daysLeft: daysLeft(d.closesOn, now) }))
    .filter((d) => d.daysLeft >= 0)
    .sort((a, b) => a.daysLeft - b.daysLeft);
  const next = ahead[0];
  const level = urgency(next?.daysLeft);
  const step = (id: NextStep['id'], message: Msg, details: Msg[] = []): NextStep => ({ id, message, details, urgency: level });

  if (order.status === 'awaiting-payment') return step('awaiting-payment', { key: 'step.awaitingPayment' });
  if (order.status === 'closed') return step('closed', { key: 'step.closed' });
  if (deadlines.length > 0 && !next) return { ...step('all-passed', { key: 'step.allPassed' }), urgency: 'closed' };

  if (next && next.daysLeft <= ACT_TODAY_DAYS) {
    return step('act-today', { key: 'step.actToday', vars: { kind: kindMsg(next.kind), date: { date: next.closesOn } } });
  }

  const prompt = trackingPrompts(order, now, settings)[0];
  const problem = !!prompt || !!settings.notReceived;
  // with a delivery problem the clock that matters is the not-received one, when there is one
  const target = (problem && ahead.find((d) => d.kind === 'not-received')) || next;
  const details: Msg[] = [];
  if (target) {
    const opensIn = target.opensOn ? daysLeft(target.opensOn, now) : NaN;
    if (opensIn > 0) details.push({ key: 'detail.opensFrom', vars: { kind: kindMsg(target.kind), date: { date: target.opensOn! } } });
    if (!problem && target.kind === 'not-received' && target.source === 'page') {
      // the page's delivery guarantee: "Not delivered by <date>? Open a not-received dispute that day." (§2)
      details.push({ key: 'detail.notDeliveredBy', vars: { date: { date: target.closesOn } } });
    } else {
      details.push({
        key: 'detail.openBy',
        vars: { kind: kindMsg(target.kind), date: { date: target.closesOn }, left: leftMsg(target.daysLeft) },
      });
    }
    if (target.estimated) details.push({ key: 'detail.estimated' });
  }

  if (prompt) return step(PROMPT_STEPS[prompt.id], PROMPT_MESSAGES[prompt.id](prompt), details);
  if (settings.notReceived) return step('not-received-report', { key: 'step.notReceivedReport' }, details);
  if (order.status === 'awaiting-shipment') return step('awaiting-shipment', { key: 'step.awaitingShipment' }, details);
  if (looksDelivered(order) || order.status === 'completed' || order.completedOn) {
    return step('check-item', { key: 'step.checkItem' }, details);
  }
  if (order.status === 'awaiting-delivery' || order.shippedOn) return step('in-transit', { key: 'step.inTransit' }, details);
  if (next) return step('watch', { key: 'step.watch', vars: { kind: kindMsg(next.kind) } }, details);
  return step('unknown', { key: 'step.unknown' });
}
