// The background's reminder work: the daily check at a fixed local hour (browser.alarms), the
// notifications, what was already sent (`local:reminderLog`), and the toolbar badge. Decisions are
// made by ./plan.ts; this file only reads storage and talks to the browser. Every entry point runs
// through one queue, so a start-up check and an alarm arriving together cannot both notify.
import { browser } from 'wxt/browser';
import { resolveLanguage, type Lang } from '../i18n/all';
import { caseUrl } from '../case/url';
import { normaliseSettings, settingsItem, userFactsItem, type Settings } from '../store/items';
import { loadCases } from '../cases/case-storage';
import { effectiveOrders } from '../store/effective';
import { evidenceIndexItem } from '../evidence/evidence-index';
import { backupNeeded, backupStateItem, BACKUP_REMINDER_DAYS } from '../backup/state';
import { reminderLogItem, reminderPrefsItem } from './items';
import { badgeText, localDay, nextCheckTime, nextMidnight, ordersNeedingAction, planReminders, pruneSent, shouldCheckNow } from './plan';
import { backupReminderText, badgeTitle, reminderText } from './text';

export const CHECK_ALARM = 'aliproof-reminders';
export const MIDNIGHT_ALARM = 'aliproof-midnight';
export const ORDER_NOTIFICATION = 'aliproof-order:';
export const BACKUP_NOTIFICATION = 'aliproof-backup';
export const BADGE_COLOR = '#c5221f';

// getURL is typed with the files WXT knows at build time
const extensionUrl = (path: string): string => (browser.runtime.getURL as (p: string) => string)(path);

export const optionsUrl = (section = 'data') => `${extensionUrl('/options.html')}#${section}`;
const ICON = '/notification-icon.png';

let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

async function readOrders(now: Date) {
  const [cases, userFacts, raw, prefs] = await Promise.all([
    loadCases(),
    userFactsItem.getValue(),
    settingsItem.getValue(),
    reminderPrefsItem.getValue(),
  ]);
  const settings = normaliseSettings(raw);
  const orders = effectiveOrders(cases.cases ?? {}, userFacts ?? {}, { now, overrides: settings.ruleOverrides });
  return { settings, orders, prefs: prefs ?? {} };
}

function language(settings: Settings): Lang {
  const browserLang = typeof navigator === 'undefined' ? undefined : navigator.language;
  return resolveLanguage(settings.language, browserLang);
}

export interface CheckResult {
  /** order ids notified */
  notified: string[];
  backupReminder: boolean;
  badge: number;
}

/** The daily check: notify due reminders once each, remind about backups, refresh the badge, reschedule. */
export function runCheck(now: Date = new Date()): Promise<CheckResult> {
  return serialised(async () => {
    const { settings, orders, prefs } = await readOrders(now);
    const lang = language(settings);
    const log = await reminderLogItem.getValue();
    const sent = { ...(log.sent ?? {}) };
    const stamp = now.toISOString();
    const plan = planReminders(orders, prefs, settings, { sent }, now);
    for (const k of plan.markSent) sent[k] = stamp;
    const notified: string[] = [];
    for (const due of plan.due) {
      const text = reminderText(due, lang);
      try {
        await browser.notifications.create(ORDER_NOTIFICATION + due.orderId, {
          type: 'basic',
          iconUrl: extensionUrl(ICON),
          title: text.title,
          message: text.message,
        });
        for (const k of due.keys) sent[k] = stamp; // remembered only once shown: a failure is retried tomorrow
        notified.push(due.orderId);
      } catch {
        /* notifications blocked or unavailable: the badge still counts the order */
      }
    }
    const backupReminder = await maybeRemindBackup(now, lang, log.backupNotifiedAt);
    await reminderLogItem.setValue({
      ...log,
      sent: pruneSent(sent, now),
      lastCheckDay: localDay(now),
      ...(backupReminder ? { backupNotifiedAt: stamp } : {}),
    });
    const badge = await updateBadge(now);
    await schedule(now, settings.reminderHour);
    return { notified, backupReminder, badge };
  });
}

async function maybeRemindBackup(now: Date, lang: Lang, lastShown: string | undefined): Promise<boolean> {
  if (lastShown && now.getTime() - Date.parse(lastShown) < BACKUP_REMINDER_DAYS * 86_400_000) return false;
  const need = backupNeeded(await evidenceIndexItem.getValue(), await backupStateItem.getValue(), now);
  if (!need) return false;
  const text = backupReminderText(need.count, need.oldest, lang);
  try {
    await browser.notifications.create(BACKUP_NOTIFICATION, { type: 'basic', iconUrl: extensionUrl(ICON), ...text });
    return true;
  } catch {
    return false;
  }
}

async function updateBadge(now: Date): Promise<number> {
  const { settings, orders, prefs } = await readOrders(now);
  const count = ordersNeedingAction(orders, prefs, settings, now).length;
  const action = browser.action;
  if (!action) return count; // no toolbar button in this browser
  await action.setBadgeText({ text: badgeText(count) });
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await action.setTitle({ title: badgeTitle(count, settings.warnDays, language(settings)) });
  return count;
}

/** Recount the orders needing action (after a page read, a fact fixed, a setting changed, midnight). */
export function refreshBadge(now: Date = new Date()): Promise<number> {
  return serialised(() => updateBadge(now));
}

/** The next daily check at the reminder hour in the user's zone, and a badge refresh at local midnight. */
async function schedule(now: Date, hour: number): Promise<void> {
  await browser.alarms.create(CHECK_ALARM, { when: nextCheckTime(now, hour).getTime() });
  await browser.alarms.create(MIDNIGHT_ALARM, { when: nextMidnight(now).getTime() });
}

/**
 * Whenever the background starts: badge, alarms, and today's check if its hour has passed while the
 * browser was closed (the reminder log keeps it from repeating anything).
 */
export function startReminders(now: Date = new Date()): Promise<CheckResult | undefined> {
  return serialised(async () => {
    const settings = normaliseSettings(await settingsItem.getValue());
    await updateBadge(now);
    await schedule(now, settings.reminderHour);
    const log = await reminderLogItem.getValue();
    return shouldCheckNow(now, settings.reminderHour, log.lastCheckDay) ? 'check' : undefined;
  }).then((next) => (next ? runCheck(now) : undefined));
}

export async function onAlarm(name: string, now: Date = new Date()): Promise<void> {
  if (name === CHECK_ALARM) await runCheck(now);
  else if (name === MIDNIGHT_ALARM) {
    await refreshBadge(now);
    await serialised(() => browser.alarms.create(MIDNIGHT_ALARM, { when: nextMidnight(now).getTime() }));
  }
}

/** A reminder was clicked: open that order in the case page (or the backup section of the settings). */
export async function onNotificationClicked(id: string): Promise<void> {
  let url: string | undefined;
  if (id.startsWith(ORDER_NOTIFICATION)) url = caseUrl(id.slice(ORDER_NOTIFICATION.length));
  else if (id === BACKUP_NOTIFICATION) url = optionsUrl('data');
  if (!url) return;
  await browser.tabs.create({ url });
  await browser.notifications.clear(id);
}

/** After "delete all data": forget alarms, shown reminders and the badge, then start afresh. */
export function resetReminders(now: Date = new Date()): Promise<void> {
  return serialised(async () => {
    await browser.alarms.clear(CHECK_ALARM);
    await browser.alarms.clear(MIDNIGHT_ALARM);
    const shown = Object.keys((await browser.notifications.getAll()) ?? {});
    await Promise.all(shown.filter((id) => id.startsWith(ORDER_NOTIFICATION) || id === BACKUP_NOTIFICATION).map((id) => browser.notifications.clear(id)));
    await reminderLogItem.removeValue();
    const settings = normaliseSettings(await settingsItem.getValue());
    await updateBadge(now);
    await schedule(now, settings.reminderHour);
  });
}
