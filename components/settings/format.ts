// Sizes and times in plain words for the settings page.
import type { Lang, Msg } from '../../utils/i18n';
import type { ReminderDaysError } from '../../utils/reminders/settings';

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Whole days typed by the user, within [min, max]; or why not. */
export function parseWholeDays(text: string, min: number, max: number): { days: number } | { error: Msg } {
  const v = text.trim();
  if (!/^\d{1,4}$/.test(v) || Number(v) < min || Number(v) > max) return { error: { key: 'settings.error.wholeDays', vars: { min, max } } };
  return { days: Number(v) };
}

export const reminderDaysError = (e: ReminderDaysError): Msg =>
  ({
    empty: { key: 'settings.error.daysEmpty' },
    notNumber: { key: 'settings.error.daysNotNumber' },
    range: { key: 'settings.error.daysRange' },
    tooMany: { key: 'settings.error.daysTooMany' },
  })[e] as Msg;
