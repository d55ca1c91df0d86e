// Reminders: wiring only (the work is in utils/reminders/service.ts). Listeners are added at once when
// the background starts, as MV3 requires, so an alarm or a click can wake it.
import { browser } from 'wxt/browser';
import type { ReminderMessage } from '../../utils/reminders/types';
import { caseUrl } from '../../utils/case/url';
import { onAlarm, onNotificationClicked, refreshBadge, resetReminders, runCheck, startReminders } from '../../utils/reminders/service';

// a page read, a fixed fact or a changed setting changes what needs action
const WATCHED = ['cases', 'userFacts', 'settings', 'reminderPrefs'];
let pending: ReturnType<typeof setTimeout> | undefined;

export function registerReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name).catch(() => undefined));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id).catch(() => undefined));
  // the toolbar button opens the case file (all orders)
  browser.action?.onClicked.addListener(() => {
    void browser.tabs.create({ url: caseUrl() });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !WATCHED.some((k) => k in changes)) return;
    const settingsChanged = 'settings' in changes;
    clearTimeout(pending);
    pending = setTimeout(() => {
      // a new reminder hour needs a new alarm; anything else only changes the count
      void (settingsChanged ? startReminders() : refreshBadge()).catch(() => undefined);
    }, 300);
  });
  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: unknown) => void) => {
    const msg = raw as ReminderMessage;
    if (msg?.type !== 'reminders-reset' && msg?.type !== 'reminders-check') return false;
    const work = msg.type === 'reminders-reset' ? resetReminders() : runCheck();
    work.then(() => sendResponse({ ok: true })).catch((e: Error) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
    return true; // answer asynchronously
  });
  // every start of the background (browser start-up, install, a wake-up): badge, alarms, missed check
  void startReminders().catch(() => undefined);
}
