// Reminder state kept in storage.local (formats and versions: utils/migrations/registry.ts).

/** Per-order choices: mute the order, or give it its own thresholds (days left). */
export interface OrderReminderPrefs {
  muted?: boolean;
  days?: number[];
}
/** orderId -> the order's own reminder choices (`local:reminderPrefs`) */
export type ReminderPrefs = Record<string, OrderReminderPrefs>;

/** What was already notified (`local:reminderLog`), so a restart never repeats a reminder. */
export interface ReminderLog {
  /** `<orderId>|<clock kind>|<closesOn>|<threshold>` -> ISO time it was notified (or skipped past) */
  sent: Record<string, string>;
  /** the user's local date of the last daily check, YYYY-MM-DD */
  lastCheckDay?: string;
  /** when the "back up your evidence" notification was last shown */
  backupNotifiedAt?: string;
}

export interface ReminderSettings {
  /** days left at which to notify, e.g. [7, 3, 1, 0] */
  reminderDays: number[];
  /** local hour of the daily check (0–23) */
  reminderHour: number;
  /** the badge counts orders whose next deadline is this many days away or fewer */
  warnDays: number;
}

/** Extension pages -> background. */
export type ReminderMessage =
  /** after "delete all data": forget alarms, notifications and the badge, then start afresh */
  | { type: 'reminders-reset' }
  /** run the daily check now (the reminder log still keeps anything from repeating) */
  | { type: 'reminders-check' };
