// Reminder and badge settings: defaults and the checks the options page and the background share.
// Thresholds are "days left" values: 7 = notify when 7 days are left, 0 = on the last safe day.

/** D-7, D-3, D-1 and the last day itself (dispute-rules.md §7: daysLeft ≤ 1 means "act today"). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 3, 1, 0];
/** Reminders fire at this local hour (09:00 in the user's own zone). */
export const DEFAULT_REMINDER_HOUR = 9;
/** The toolbar badge counts orders whose next deadline is this many days away or fewer. */
export const DEFAULT_WARN_DAYS = 14;

export const MAX_REMINDER_DAY = 60;
export const MAX_REMINDERS = 8;
export const MAX_WARN_DAYS = 60;

export type ReminderDaysError = 'empty' | 'notNumber' | 'range' | 'tooMany';

/**
 * Parse a list typed by the user ("7, 3, 1, 0", "7 3 1 0", "7，3"): whole days 0–60, at most 8.
 * Returns the days, largest first, without repeats; or why they cannot be saved.
 */
export function parseReminderDays(text: string): { days: number[] } | { error: ReminderDaysError } {
  const parts = text
    .split(/[\s,，、;]+/)
    .map((s) => s.trim().replace(/^D-?/i, ''))
    .filter(Boolean);
  if (parts.length === 0) return { error: 'empty' };
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { error: 'notNumber' };
    const n = Number(p);
    if (n > MAX_REMINDER_DAY) return { error: 'range' };
    if (!days.includes(n)) days.push(n);
  }
  if (days.length > MAX_REMINDERS) return { error: 'tooMany' };
  return { days: days.sort((a, b) => b - a) };
}

/** Stored days, or the defaults when the stored list is not valid. */
export function validReminderDays(v: unknown): number[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_REMINDERS) return undefined;
  if (!v.every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_REMINDER_DAY)) return undefined;
  return [...new Set(v as number[])].sort((a, b) => b - a);
}

export const isReminderHour = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 23;
export const isWarnDays = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_WARN_DAYS;
