// The words of reminder notifications and of the toolbar badge's tooltip, in the user's language
// (the settings language, else the browser's). Pure: the background passes the language in.
import { kindMsg, leftMsg, t, type Lang } from '../i18n/all';
import type { DueReminder } from './plan';

export interface NotificationText {
  title: string;
  message: string;
}

const MAX_CLOCKS = 3;

export function reminderText(r: DueReminder, lang: Lang): NotificationText {
  const nearest = r.clocks[0];
  // dispute-rules.md §7: AliExpress counts in Pacific time, so one day left already means "today"
  const today = nearest.daysLeft <= 1;
  const title = today
    ? t('reminder.titleToday', { id: r.orderId }, lang)
    : t('reminder.titleDays', { id: r.orderId, n: nearest.daysLeft }, lang);
  const lines = r.clocks.slice(0, MAX_CLOCKS).map((c) => {
    const row = t('clock.row', { kind: kindMsg(String(c.kind)), date: { date: c.closesOn }, left: leftMsg(c.daysLeft) }, lang);
    return c.estimated ? `${row} ${t('reminder.estimate', undefined, lang)}` : row;
  });
  if (r.clocks.length > MAX_CLOCKS) lines.push(t('reminder.more', { n: r.clocks.length - MAX_CLOCKS }, lang));
  if (today) lines.push(t('tooltip.pacific', undefined, lang));
  if (r.label) lines.unshift(r.label);
  lines.push(t('reminder.click', undefined, lang));
  return { title, message: lines.join('\n') };
}

export function backupReminderText(count: number, oldest: string, lang: Lang): NotificationText {
  return {
    title: t('reminder.backupTitle', undefined, lang),
    message: t('reminder.backupBody', { n: count, date: { date: oldest.slice(0, 10) } }, lang),
  };
}

export function badgeTitle(count: number, warnDays: number, lang: Lang): string {
  return count === 0 ? t('reminder.badgeNone', undefined, lang) : t('reminder.badgeTitle', { n: count, days: warnDays }, lang);
}
