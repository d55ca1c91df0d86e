// `local:settings` versions.
//   v1: { language, stallDays, ruleOverrides }
//   v2: + redactByDefault (captures hide personal data unless the user says otherwise),
//       reminderDays, reminderHour (reminders at a fixed local hour), warnDays (toolbar badge band).
// A migration is frozen in time: it writes the defaults of ITS version (not today's DEFAULT_SETTINGS),
// so a later change of defaults never changes what an old migration produces. Kept free of the shape
// checks: utils/store/items.ts imports this, and the order-page script must stay small.

const V2_DEFAULTS = { redactByDefault: true, reminderDays: [7, 3, 1, 0], reminderHour: 9, warnDays: 14 } as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function settingsV1toV2(v1: unknown): Record<string, unknown> {
  const base = isRecord(v1) ? v1 : {};
  return {
    ...base,
    redactByDefault: typeof base.redactByDefault === 'boolean' ? base.redactByDefault : V2_DEFAULTS.redactByDefault,
    reminderDays: [...V2_DEFAULTS.reminderDays],
    reminderHour: V2_DEFAULTS.reminderHour,
    warnDays: V2_DEFAULTS.warnDays,
  };
}

/** `version` + `migrations` for the settings storage item (the registry lists the same). */
export const SETTINGS_VERSIONING = { version: 2, migrations: { 2: settingsV1toV2 } as Record<number, (v: any) => unknown> };
