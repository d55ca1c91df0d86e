// Storage items of the reminders (versions and shapes: utils/migrations/registry.ts).
import { storage } from 'wxt/utils/storage';
import { itemVersioning } from '../migrations/registry';
import type { OrderReminderPrefs, ReminderLog, ReminderPrefs } from './types';

export const reminderPrefsItem = storage.defineItem<ReminderPrefs>('local:reminderPrefs', {
  fallback: {},
  ...itemVersioning('reminderPrefs'),
});

export const reminderLogItem = storage.defineItem<ReminderLog>('local:reminderLog', {
  fallback: { sent: {} },
  ...itemVersioning('reminderLog'),
});

/** All prefs with one order's changed: an order back to the defaults has no entry at all. */
export function withOrderPrefs(all: ReminderPrefs, orderId: string, prefs: OrderReminderPrefs): ReminderPrefs {
  const next = { ...all };
  const entry: OrderReminderPrefs = {};
  if (prefs.muted) entry.muted = true;
  if (prefs.days?.length) entry.days = [...prefs.days];
  if (Object.keys(entry).length) next[orderId] = entry;
  else delete next[orderId];
  return next;
}

/** Mute an order or give it its own thresholds (for any extension page, e.g. the case page). */
export async function setOrderReminderPrefs(orderId: string, prefs: OrderReminderPrefs): Promise<void> {
  await reminderPrefsItem.setValue(withOrderPrefs(await reminderPrefsItem.getValue(), orderId, prefs));
}
