// Where the user's facts and the settings are kept in storage.local (WXT items in utils/store/items.ts;
// the order pages read them raw, utils/store/page-stores.ts).
export const USER_FACTS_KEY = 'userFacts';
export const SETTINGS_KEY = 'settings';
