// Strings of the settings feature, English and Korean (same keys; tests/unit/i18n checks both).
export const en = {} as const;

export const ko: Record<keyof typeof en, string> = {};
