// Which reminders are due, and what the toolbar badge counts. Pure: orders (as the UI shows them,
// with the user's corrections and rule overrides), the user's reminder settings, what was already
// sent and "now" in; decisions out. Days left are counted in the user's local zone
// (dispute-rules.md §7), exactly as the badges on the page count them.
import { daysLeft } from '../deadlines/engine';
import type { EffectiveOrder } from '../store/effective';
import type { Deadline } from '../types';
import { validReminderDays } from './settings';
import type { OrderReminderPrefs, ReminderLog, ReminderPrefs, ReminderSettings } from './types';

export interface DueClock {
  kind: Deadline['kind'];
  closesOn: string;
  daysLeft: number;
  /** the threshold this reminder is for (the smallest one crossed) */
  threshold: number;
  estimated: boolean;
}

export interface DueReminder {
  orderId: string;
  /** the clocks to mention, nearest first */
  clocks: DueClock[];
  /** store name or first item title, so the user recognises the order */
  label?: string;
  /** the (order, clock, threshold) keys this notification settles */
  keys: string[];
}

export interface ReminderPlan {
  due: DueReminder[];
  /** (order, clock, threshold) keys settled without a notification of their own (a nearer one was sent before) */
  markSent: string[];
}

export const sentKey = (orderId: string, d: Pick<Deadline, 'kind' | 'closesOn'>, threshold: number) =>
  `${orderId}|${d.kind}|${d.closesOn}|${threshold}`;

/** Closed orders (cancelled, refunded) never get reminders, whatever clocks the page showed. */
export const isClosed = (e: EffectiveOrder) => e.order.status === 'closed';

export function thresholdsFor(settings: Pick<ReminderSettings, 'reminderDays'>, prefs: OrderReminderPrefs | undefined): number[] {
  return validReminderDays(prefs?.days) ?? validReminderDays(settings.reminderDays) ?? [];
}

/**
 * The reminders due now. For each open clock with `left` days to go, the thresholds it has crossed
 * are those ≥ left; the nearest one (the smallest) is notified once, and the larger ones are marked
 * as settled with it — a browser that was closed for a week sends one reminder, not three.
 */
export function planReminders(
  orders: readonly EffectiveOrder[],
  prefs: ReminderPrefs,
  settings: Pick<ReminderSettings, 'reminderDays'>,
  log: Pick<ReminderLog, 'sent'>,
  now: Date,
): ReminderPlan {
  const due: DueReminder[] = [];
  const markSent: string[] = [];
  for (const e of orders) {
    const p = prefs[e.orderId];
    if (p?.muted || isClosed(e)) continue;
    const thresholds = thresholdsFor(settings, p);
    const clocks: DueClock[] = [];
    const settled: string[] = [];
    for (const d of e.order.deadlines) {
      const left = daysLeft(d.closesOn, now);
      if (!(left >= 0)) continue; // passed (or unreadable): nothing left to remind about
      const crossed = thresholds.filter((t) => left <= t);
      if (crossed.length === 0) continue;
      const nearest = Math.min(...crossed);
      const keys = crossed.map((t) => sentKey(e.orderId, d, t));
      const fresh = keys.filter((k) => !log.sent[k]);
      if (fresh.length === 0) continue;
      settled.push(...fresh);
      if (!log.sent[sentKey(e.orderId, d, nearest)]) {
        clocks.push({ kind: d.kind, closesOn: d.closesOn, daysLeft: left, threshold: nearest, estimated: d.estimated });
      }
    }
    if (clocks.length) {
      clocks.sort((a, b) => a.daysLeft - b.daysLeft || String(a.kind).localeCompare(String(b.kind)));
      due.push({ orderId: e.orderId, clocks, label: orderLabel(e), keys: settled });
    } else {
      markSent.push(...settled);
    }
  }
  due.sort((a, b) => a.clocks[0].daysLeft - b.clocks[0].daysLeft || a.orderId.localeCompare(b.orderId));
  return { due, markSent };
}

function orderLabel(e: EffectiveOrder): string | undefined {
  const title = e.order.items.find((i) => i.title)?.title;
  const store = e.order.store?.name;
  const text = title ?? store;
  return text ? (text.length > 80 ? `${text.slice(0, 79)}…` : text) : undefined;
}

/**
 * Orders that need action: not closed, not muted, and the next deadline is `warnDays` days away or
 * fewer (and not passed). The toolbar badge shows how many.
 */
export function ordersNeedingAction(
  orders: readonly EffectiveOrder[],
  prefs: ReminderPrefs,
  settings: Pick<ReminderSettings, 'warnDays'>,
  now: Date,
): string[] {
  return orders
    .filter((e) => !isClosed(e) && !prefs[e.orderId]?.muted)
    .filter((e) => {
      const next = e.order.next;
      if (!next) return false;
      const left = daysLeft(next.closesOn, now);
      return left >= 0 && left <= settings.warnDays;
    })
    .map((e) => e.orderId);
}

/** Badge text: the count, or nothing. */
export const badgeText = (count: number) => (count <= 0 ? '' : count > 99 ? '99+' : String(count));

/** The user's local calendar date, YYYY-MM-DD. */
export function localDay(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The next `hour`:00 in the user's local zone, strictly after `now` (DST-safe: built from local fields). */
export function nextCheckTime(now: Date, hour: number): Date {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0, 0, 0);
  if (today.getTime() > now.getTime()) return today;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour, 0, 0, 0);
}

/** The next local midnight, when days left change (the badge is refreshed then). */
export function nextMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5, 0);
}

/**
 * On start-up: run today's check now if today's reminder hour has passed and today's check has not
 * run yet (the browser was closed at that hour); otherwise wait for the alarm.
 */
export function shouldCheckNow(now: Date, hour: number, lastCheckDay: string | undefined): boolean {
  if (lastCheckDay === localDay(now)) return false;
  return now.getHours() >= hour;
}

/** Forget reminders for clocks that closed more than `keepDays` ago, so the log stays small. */
export function pruneSent(sent: Record<string, string>, now: Date, keepDays = 60): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, at] of Object.entries(sent)) {
    const closesOn = k.split('|')[2];
    if (!(daysLeft(closesOn, now) < -keepDays)) out[k] = at;
  }
  return out;
}
