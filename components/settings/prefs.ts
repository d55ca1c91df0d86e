// Per-order reminder choices, mirrored from `local:reminderPrefs` like the other stores.
import { mirror, type Mirror } from '../../utils/store/stores';
import { reminderPrefsItem, withOrderPrefs } from '../../utils/reminders/items';
import type { OrderReminderPrefs, ReminderPrefs } from '../../utils/reminders/types';

export const reminderPrefsMirror: Mirror<ReminderPrefs> = mirror<ReminderPrefs>(reminderPrefsItem);

export const saveOrderPrefs = (m: Mirror<ReminderPrefs>, orderId: string, prefs: OrderReminderPrefs): Promise<void> =>
  m.update((all) => withOrderPrefs(all, orderId, prefs));
