// The storage items the UI mirrors. `local:cases` is owned by the background (read-only here); the
// others are written by the UI. Every item is versioned so a future shape change can migrate.
import { storage } from 'wxt/utils/storage';
import { emptyCaseStore, type CaseStore } from '../cases/case-store';
import type { LanguageSetting } from '../i18n';
import type { RuleOverrides } from '../deadlines/rules';
import { DEFAULT_STALL_DAYS } from '../advice/tracking';

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
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', stallDays: DEFAULT_STALL_DAYS, ruleOverrides: {} };

/** Settings stored by an older or partial writer, completed with defaults. */
export function normaliseSettings(v: Partial<Settings> | null | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(v ?? {}) };
  if (!Number.isInteger(s.stallDays) || s.stallDays < 1) s.stallDays = DEFAULT_STALL_DAYS;
  if (s.language !== 'ko' && s.language !== 'en') s.language = 'auto';
  return s;
}

export const casesItem = storage.defineItem<CaseStore>('local:cases', { fallback: emptyCaseStore(), version: 1 });
export const userFactsItem = storage.defineItem<UserFacts>('local:userFacts', { fallback: {}, version: 1 });
export const checklistItem = storage.defineItem<Checklists>('local:checklist', { fallback: {}, version: 1 });
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
