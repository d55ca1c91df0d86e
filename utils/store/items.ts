// The storage items the UI mirrors and writes. The orders themselves (one key per order, written by the
// background) are in utils/cases/case-storage.ts. Every item is versioned so a future shape change can migrate.
import { lazyItem } from './lazy-item';
import { SETTINGS_KEY, USER_FACTS_KEY } from './keys';
import type { LanguageSetting } from '../i18n';
import type { RuleOverrides } from '../deadlines/rules';
import { DEFAULT_STALL_DAYS } from '../advice/tracking';
import { SETTINGS_VERSIONING } from '../migrations/settings';
import { DEFAULT_REMINDER_DAYS, DEFAULT_REMINDER_HOUR, DEFAULT_WARN_DAYS, isReminderHour, isWarnDays, validReminderDays } from '../reminders/settings';

/** Facts the user can correct or add; notReceived is the user's own report ('true' | 'false'). */
export const USER_FACT_KEYS = ['placedOn', 'paidOn', 'shippedOn', 'deliveredOn', 'completedOn', 'status', 'paymentMethod', 'notReceived'] as const;
export type UserFactKey = (typeof USER_FACT_KEYS)[number];

export interface UserFact {
  value: string;
  /** ISO time the user entered it */
  at: string;
}
/** orderId -> fact -> the user's value */
export type UserFacts = Record<string, Partial<Record<UserFactKey, UserFact>>>;

export interface ChecklistEntry {
  /** a DisputeReason; unknown values are ignored by the UI */
  reason?: string;
  ticks: Record<string, boolean>;
}
/** orderId -> the chosen dispute reason and the user's own ticks */
export type Checklists = Record<string, ChecklistEntry>;

export interface Settings {
  language: LanguageSetting;
  /** days without a tracking event before the parcel counts as stalled */
  stallDays: number;
  /** days per rule, e.g. { 'R-AD-15': 7 } */
  ruleOverrides: RuleOverrides;
  // v2 (utils/migrations/settings.ts):
  /** new captures hide personal details unless the user turns it off (the capture code reads this) */
  redactByDefault: boolean;
  /** notify when this many days are left on a clock, e.g. [7, 3, 1, 0] */
  reminderDays: number[];
  /** local hour (0–23) of the daily reminder check */
  reminderHour: number;
  /** the toolbar badge counts orders whose next deadline is this many days away or fewer */
  warnDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  stallDays: DEFAULT_STALL_DAYS,
  ruleOverrides: {},
  redactByDefault: true,
  reminderDays: [...DEFAULT_REMINDER_DAYS],
  reminderHour: DEFAULT_REMINDER_HOUR,
  warnDays: DEFAULT_WARN_DAYS,
};

/** Settings stored by an older or partial writer, completed with defaults. */
export function normaliseSettings(v: Partial<Settings> | null | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(v ?? {}) };
  if (!Number.isInteger(s.stallDays) || s.stallDays < 1) s.stallDays = DEFAULT_STALL_DAYS;
  if (s.language !== 'ko' && s.language !== 'en') s.language = 'auto';
  if (typeof s.redactByDefault !== 'boolean') s.redactByDefault = true;
  s.reminderDays = validReminderDays(s.reminderDays) ?? [...DEFAULT_REMINDER_DAYS];
  if (!isReminderHour(s.reminderHour)) s.reminderHour = DEFAULT_REMINDER_HOUR;
  if (!isWarnDays(s.warnDays)) s.warnDays = DEFAULT_WARN_DAYS;
  return s;
}

export const userFactsItem = lazyItem<UserFacts>(`local:${USER_FACTS_KEY}`, { fallback: {}, version: 1 });
export const checklistItem = lazyItem<Checklists>('local:checklist', { fallback: {}, version: 1 });
// v2 adds the reminder settings and redactByDefault (utils/migrations/settings.ts)
export const settingsItem = lazyItem<Settings>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS, ...SETTINGS_VERSIONING });
