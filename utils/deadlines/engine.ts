// The deadline engine: order facts + rules + now -> deadlines (shared/reference/dispute-rules.md §1.1).
// Pure: no storage, no clock of its own. Dates are 'YYYY-MM-DD' calendar dates; `closesOn` is the last
// safe day in the user's own zone (§7).
import { shiftDate } from '../aliexpress/dates';
import type { Deadline, OrderFacts } from '../types';
import { classifyPageNote, mentionsDeliveryGuarantee, paymentKind } from '../aliexpress/deadline-text';
import { DATE_FIELD_WORDS, RULE_IDS, RULES, type Rule, type RuleId, type RuleOverrides } from './rules';

export interface DeadlineOptions {
  now: Date;
  overrides?: RuleOverrides;
}

export type NextDeadline = Deadline & { daysLeft: number };

export interface DeadlineResult {
  /** every deadline, passed ones too, sorted by closesOn */
  deadlines: Deadline[];
  /** the earliest deadline that has not passed */
  next?: NextDeadline;
  /** what could not be computed, in plain words */
  problems: string[];
}

/** Days from `now`'s local date to `closesOn`: 0 on the last safe day, negative once it has passed. */
export function daysLeft(closesOn: string, now: Date): number {
  const day = dayNumber(closesOn);
  if (day === undefined) return NaN;
  // whole calendar days between the two dates, now's taken in local time (no daylight-saving hour)
  return day - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
}

export function urgency(left: number | undefined): 'calm' | 'warning' | 'urgent' | 'closed' | 'none' {
  if (left === undefined || Number.isNaN(left)) return 'none';
  if (left < 0) return 'closed';
  if (left <= 6) return 'urgent';
  if (left <= 14) return 'warning';
  return 'calm';
}

/** A copy of the order with `deadlines` and `next` computed. */
export function withDeadlines(order: OrderFacts, opts: DeadlineOptions): { order: OrderFacts; problems: string[] } {
  const { deadlines, next, problems } = computeDeadlines(order, opts);
  const copy: OrderFacts = { ...order, deadlines };
  if (next) copy.next = next;
  else delete copy.next;
  return { order: copy, problems };
}

export function computeDeadlines(order: OrderFacts, opts: DeadlineOptions): DeadlineResult {
  const problems: string[] = [];
  const { deadlines: page, stated } = pageDeadlines(order, problems);
  const deadlines = [...page.values()];
  const days = ruleDays(opts.overrides, problems);

  // Nothing paid, or cancelled/refunded: only what the page itself says (§1.1 step 4).
  if (order.status !== 'awaiting-payment' && order.status !== 'closed') {
    for (const id of RULE_IDS) {
      const rule = RULES[id];
      if (page.has(rule.kind) || !applies(rule, order)) continue;
      const deadline = ruleDeadline(rule, days[id], order, problems);
      if (deadline) deadlines.push(deadline);
    }
    mitigationProblems(order, stated, page, days, problems);
  }

  deadlines.sort((a, b) => (a.closesOn < b.closesOn ? -1 : a.closesOn > b.closesOn ? 1 : 0));
  const ahead = deadlines
    .map((d) => ({ ...d, daysLeft: daysLeft(d.closesOn, opts.now) }))
    .find((d) => d.daysLeft >= 0);
  return ahead ? { deadlines, next: ahead, problems } : { deadlines, problems };
}

// ---------------------------------------------------------------------------------------------

const KIND_WORDS: Record<string, string> = {
  'not-received': 'not-received',
  'after-delivery': 'after-delivery',
  'not-as-described': 'not-as-described',
  'free-return': 'free-return',
  'card-chargeback': 'card chargeback',
  paypal: 'PayPal dispute',
};

/**
 * Deadlines read from the page, one per kind (the earliest date wins), and the kinds for which the
 * page stated a deadline at all (even when its base date is missing).
 */
function pageDeadlines(order: OrderFacts, problems: string[]) {
  const deadlines = new Map<string, Deadline>();
  const stated = new Set<string>();
  for (const note of order.pageNotes) {
    for (const found of classifyPageNote(note)) {
      stated.add(found.kind);
      let closesOn: string | undefined;
      if (found.kind === 'not-received') {
        closesOn = plusDays(found.closesOn, 0); // validates the date
      } else {
        const base = order[found.base];
        closesOn = base ? plusDays(base, found.days) : undefined;
        if (!closesOn) {
          problems.push(
            `${DATE_FIELD_WORDS[found.base]} unknown: the ${KIND_WORDS[found.kind]} window AliExpress states ("${found.basis}") was not computed`,
          );
        }
      }
      if (!closesOn) continue;
      const prev = deadlines.get(found.kind);
      if (!prev || closesOn < prev.closesOn) {
        deadlines.set(found.kind, { kind: found.kind, closesOn, source: 'page', estimated: false, basis: found.basis });
      }
    }
  }
  return { deadlines, stated };
}

function isCompleted(order: OrderFacts) {
  return order.status === 'completed' || !!order.completedOn;
}

function applies(rule: Rule, order: OrderFacts): boolean {
  switch (rule.when) {
    case 'not-yet-delivered':
      return !order.deliveredOn && !isCompleted(order);
    case 'card-or-unknown-payment': {
      const kind = paymentKind(order.paymentMethod);
      return kind === undefined || kind === 'card';
    }
    case 'paypal-payment':
      return paymentKind(order.paymentMethod) === 'paypal';
    default:
      return true;
  }
}

/** Days per rule: the user's overrides where they are whole numbers of days, else the defaults. */
function ruleDays(overrides: RuleOverrides | undefined, problems: string[]): Record<RuleId, number> {
  const days = {} as Record<RuleId, number>;
  for (const id of RULE_IDS) {
    const wanted = overrides?.[id];
    const valid = wanted === undefined || (Number.isInteger(wanted) && wanted >= 0);
    if (!valid) problems.push(`the setting "${wanted} days" for ${id} is not a whole number of days: the default ${RULES[id].days} was used`);
    days[id] = valid && wanted !== undefined ? wanted : RULES[id].days;
  }
  return days;
}

function ruleDeadline(rule: Rule, days: number, order: OrderFacts, problems: string[]): Deadline | undefined {
  const known = rule.fields.filter((f) => order[f] && isCalendarDate(order[f]!));
  if (known.length === 0) {
    // after-delivery windows start only once the order is delivered or completed
    if (rule.pick === 'first' || isCompleted(order)) {
      problems.push(`${listWords(rule.fields.map((f) => DATE_FIELD_WORDS[f]))} unknown: ${KIND_WORDS[rule.kind] ?? rule.kind} deadline not computed`);
    }
    return undefined;
  }
  const dates = known.map((f) => order[f]!);
  // 'first': falling back past the rule's own base date is an estimate (the fallback is earlier).
  // 'earliest': on a completed order a missing date could have been the earlier one.
  const base = rule.pick === 'first' ? dates[0] : dates.reduce((a, b) => (b < a ? b : a));
  const estimated = rule.pick === 'first' ? known[0] !== rule.fields[0] : known.length < rule.fields.length && isCompleted(order);
  const deadline: Deadline = { kind: rule.kind, closesOn: plusDays(base, days)!, source: 'rule', estimated, basis: rule.id };
  const opensFrom = rule.opens && order[rule.opens.field];
  const opensOn = opensFrom ? plusDays(opensFrom, rule.opens!.days) : undefined;
  if (opensOn) deadline.opensOn = opensOn;
  return deadline;
}

/** Warnings for the known cases where a rule may be later than the truth (§6 C3, §3.1). */
function mitigationProblems(
  order: OrderFacts,
  stated: Set<string>,
  page: Map<string, Deadline>,
  days: Record<RuleId, number>,
  problems: string[],
) {
  const adDays = days['R-AD-15'];
  if (isCompleted(order) && !stated.has('after-delivery') && adDays > 7) {
    problems.push(
      `AliExpress allows only 7 days after confirming receipt on some accounts, and this order's reminder was not read: check the order page (the after-delivery date shown uses ${adDays} days)`,
    );
  }
  if (
    !page.has('not-received') &&
    applies(RULES['R-NR-60'], order) &&
    order.pageNotes.some((n) => mentionsDeliveryGuarantee(n.text))
  ) {
    problems.push(
      'AliExpress shows a delivery guarantee for this order but its date could not be read — open the tracking page',
    );
  }
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits of s from `from` to `to`; NaN if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The days since 1970-01-01 of a real calendar date written YYYY-MM-DD; undefined for 2026-02-30.
 * (Read digit by digit: it runs for every clock of every badge, and a pattern would be compiled anew on
 * each page.)
 */
function dayNumber(ymd: string): number | undefined {
  if (ymd.length !== 10 || ymd[4] !== '-' || ymd[7] !== '-') return undefined;
  const [y, mo, d] = [digits(ymd, 0, 4), digits(ymd, 5, 7), digits(ymd, 8, 10)];
  if (Number.isNaN(y + mo + d)) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1])) return undefined;
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}
const isCalendarDate = (ymd: string) => dayNumber(ymd) !== undefined;

/** YYYY-MM-DD plus whole calendar days; undefined for a malformed date. */
export function plusDays(ymd: string, days: number): string | undefined {
  // calendar arithmetic on the date alone (no time of day, so no daylight-saving drift)
  return isCalendarDate(ymd) ? shiftDate(ymd, days) : undefined;
}

function listWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
