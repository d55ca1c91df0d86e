// What the badge shows, and where each clock's date comes from (page, rule, estimate, the user's fact).
import type { Deadline, OrderFacts } from '../types';
import { daysLeft, urgency } from '../deadlines/engine';
import { RULES, type DateField, type RuleId } from '../deadlines/rules';

export type ClockOrigin = 'page' | 'rule' | 'estimated' | 'user';
export type FactSource = 'page' | 'user';

/** The date field a rule counted from, for this order. */
export function ruleBaseField(ruleId: string, order: OrderFacts): DateField | undefined {
  const rule = RULES[ruleId as RuleId];
  if (!rule) return undefined;
  const known = rule.fields.filter((f) => !!order[f]);
  if (rule.pick === 'first') return known[0];
  return known.reduce<DateField | undefined>((best, f) => (!best || order[f]! < order[best]! ? f : best), undefined);
}

/** Page text wins; a rule counted from a date the user entered says so; then estimate or plain rule. */
export function clockOrigin(d: Deadline, order: OrderFacts, sources: Partial<Record<string, FactSource>> = {}): ClockOrigin {
  if (d.source === 'page') return 'page';
  const base = ruleBaseField(d.basis, order);
  if (base && sources[base] === 'user') return 'user';
  return d.estimated ? 'estimated' : 'rule';
}

export interface BadgeInfo {
  /** the deadline the badge counts to: the next one ahead, else the last one that passed */
  deadline?: Deadline;
  daysLeft?: number;
  urgency: ReturnType<typeof urgency>;
}

export function badgeInfo(deadlines: readonly Deadline[], now: Date): BadgeInfo {
  const withLeft = deadlines
    .map((d) => ({ d, left: daysLeft(d.closesOn, now) }))
    .filter((x) => !Number.isNaN(x.left))
    .sort((a, b) => a.left - b.left);
  const pick = withLeft.find((x) => x.left >= 0) ?? withLeft[withLeft.length - 1];
  if (!pick) return { urgency: 'none' };
  return { deadline: pick.d, daysLeft: pick.left, urgency: urgency(pick.left) };
}
