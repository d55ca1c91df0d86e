// Stalled-tracking prompts: what the tracking timeline says is going wrong, and what to do about it.
// Codes and wording: shared/reference/aliexpress-pages.md §2.6 (AE_CC_* = customs, AE_GTMS_SIGNED =
// delivered); "delivered" while the buyer has nothing is a common reason disputes fail (dispute-rules.md §8.7).
import type { OrderFacts, TrackingEvent } from '../types';
import type { Msg } from '../i18n';
import { daysLeft } from '../deadlines/engine';

export type PromptId = 'returned' | 'delivered-not-received' | 'customs-hold' | 'no-movement';

export interface TrackingPrompt {
  id: PromptId;
  /** days without a new tracking event (stall prompts) */
  days?: number;
  /** the situation */
  message: Msg;
  /** what to do */
  action: Msg;
}

export interface TrackingAdviceOptions {
  /** days without a tracking event before AliProof calls it stalled (setting; default 10) */
  stallDays?: number;
  /** the user says the parcel has not arrived */
  notReceived?: boolean;
}

export const DEFAULT_STALL_DAYS = 10;

const DELIVERED_TEXT = /\bdelivered\b|배송\s*완료|배달\s*완료/i;
const NOT_DELIVERED_TEXT = /\bnot\s+(?:be\s+)?delivered\b|\bfailed\b|미배달|배달\s*실패/i;
const RETURNED_TEXT = /\breturn(?:ed|ing)?\s+to\s+(?:the\s+)?(?:sender|origin|shipper)\b|\breturned\b|반송/i;
const CUSTOMS_TEXT = /customs|세관|통관/i;

function eventText(e: TrackingEvent): string {
  return `${e.title ?? ''} ${e.text}`;
}

export function isDeliveredEvent(e: TrackingEvent): boolean {
  if (e.code === 'AE_GTMS_SIGNED') return true;
  const text = eventText(e);
  return DELIVERED_TEXT.test(text) && !NOT_DELIVERED_TEXT.test(text);
}

export function isCustomsEvent(e: TrackingEvent): boolean {
  return e.code?.startsWith('AE_CC_') || CUSTOMS_TEXT.test(eventText(e));
}

export function isReturnedEvent(e: TrackingEvent): boolean {
  return RETURNED_TEXT.test(eventText(e));
}

/** Delivered according to the page: a delivery date, or a newest event that says so. */
export function looksDelivered(order: OrderFacts): boolean {
  const latest = order.tracking?.events[0];
  return !!order.deliveredOn || (!!latest && isDeliveredEvent(latest));
}

function isCompleted(order: OrderFacts): boolean {
  return order.status === 'completed' || !!order.completedOn;
}

/** Whole days from a 'YYYY-MM-DD…' moment to `now` (local calendar days). */
function daysSince(at: string, now: Date): number {
  return -daysLeft(at.slice(0, 10), now);
}

function dateVar(at: string | undefined): Msg['vars'] {
  return { date: at ? { date: at.slice(0, 10) } : { key: 'prompt.dateUnknown' } };
}

export function trackingPrompts(order: OrderFacts, now: Date, opts: TrackingAdviceOptions = {}): TrackingPrompt[] {
  const stallDays = opts.stallDays ?? DEFAULT_STALL_DAYS;
  if (order.status === 'awaiting-payment' || order.status === 'closed') return [];
  const events = order.tracking?.events ?? [];
  const prompts: TrackingPrompt[] = [];
  const delivered = looksDelivered(order);

  // a return counts only when no delivery was reported after it (events are newest first)
  const returnedAt = events.findIndex(isReturnedEvent);
  const returned = returnedAt >= 0 && !events.slice(0, returnedAt).some(isDeliveredEvent) && !order.deliveredOn;
  if (returned) {
    prompts.push({
      id: 'returned',
      message: { key: 'prompt.returned', vars: dateVar(events[returnedAt].at) },
      action: { key: 'prompt.returned.do' },
    });
  }

  if (opts.notReceived && delivered) {
    prompts.push({
      id: 'delivered-not-received',
      message: { key: 'prompt.deliveredNotReceived', vars: dateVar(order.deliveredOn ?? events[0]?.at) },
      action: { key: 'prompt.deliveredNotReceived.do' },
    });
  }

  if (returned || delivered || isCompleted(order)) return prompts;

  // no new event for stallDays: counted from the newest event, or from shipment when there is none
  const latest = events[0];
  const since = latest?.at ?? order.shippedOn;
  if (!since) return prompts;
  const days = daysSince(since, now);
  if (Number.isNaN(days) || days < stallDays) return prompts;
  if (latest && isCustomsEvent(latest)) {
    prompts.push({
      id: 'customs-hold',
      days,
      message: { key: 'prompt.customs', vars: { n: days, ...dateVar(since) } },
      action: { key: 'prompt.customs.do' },
    });
  } else {
    prompts.push({
      id: 'no-movement',
      days,
      message: { key: 'prompt.noMovement', vars: { n: days, ...dateVar(since) } },
      action: { key: 'prompt.noMovement.do' },
    });
  }
  return prompts;
}
