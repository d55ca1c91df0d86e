// What the badges on AliExpress order pages are drawn from: the orders on the page, the user's facts for
// them and the settings, in the shape of the extension's stores (utils/store/vanilla.ts) but read raw
// from storage.local, without WXT's storage items: this is in the always-on order-page script. Seeded
// from the background's answer to each save (the first badges need no storage read), read from storage
// where a page has no answer, and kept current from storage changes (other tabs, the sidebar).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { browser } from 'wxt/browser';
import { CASE_PREFIX, caseKey, casesFromStorage } from '../cases/case-storage';
import type { CaseRecord } from '../cases/case-store';
import { setLanguageSetting } from '../i18n/core';
import type { BadgeInputs } from '../messaging';
import type { Settings, UserFacts } from './items';
import { SETTINGS_KEY, USER_FACTS_KEY } from './keys';

/** What a badge reads: the stores of utils/store/vanilla.ts have this shape too. */
export interface BadgeStores {
  cases: { store: StoreApi<{ value: { cases: Record<string, CaseRecord> } }> };
  userFacts: { store: StoreApi<{ value: UserFacts }> };
  settings: { store: StoreApi<{ value: Pick<Settings, 'language' | 'ruleOverrides'> }> };
}

type BadgeSettings = Pick<Settings, 'language' | 'ruleOverrides'>;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The part of stored settings badges use (a missing or damaged value reads as the defaults). */
function badgeSettings(v: unknown): BadgeSettings {
  const s = isObject(v) ? v : {};
  return {
    language: s.language === 'ko' || s.language === 'en' ? s.language : 'auto',
    ruleOverrides: isObject(s.ruleOverrides) ? (s.ruleOverrides as Settings['ruleOverrides']) : {},
  };
}

export function createPageStores() {
  const cases = createStore<{ value: { cases: Record<string, CaseRecord> } }>(() => ({ value: { cases: {} } }));
  const userFacts = createStore<{ value: UserFacts }>(() => ({ value: {} }));
  const settings = createStore<{ value: BadgeSettings }>(() => ({ value: badgeSettings(undefined) }));
  let unfollow: (() => void) | undefined;

  /** Orders newer than the ones held (a record is rewritten with a later lastSeen); removed ones go. */
  const putCases = (records: Record<string, CaseRecord | undefined>, always: boolean) => {
    const held = cases.getState().value.cases;
    const next = { ...held };
    let any = false;
    for (const [id, rec] of Object.entries(records)) {
      if (rec ? !always && held[id] && held[id].lastSeen >= rec.lastSeen : !(id in held)) continue;
      if (rec) next[id] = rec;
      else delete next[id];
      any = true;
    }
    if (any) cases.setState({ value: { cases: next } });
  };
  const putUserFacts = (facts: UserFacts, whole: boolean) => {
    const held = userFacts.getState().value;
    const next = whole ? facts : { ...held, ...facts };
    if (JSON.stringify(next) !== JSON.stringify(held)) userFacts.setState({ value: next });
  };
  const putSettings = (value: unknown) => {
    const next = badgeSettings(value);
    const held = settings.getState().value;
    if (next.language !== held.language) setLanguageSetting(next.language);
    if (JSON.stringify(next) !== JSON.stringify(held)) settings.setState({ value: next });
  };

  /** Read these orders, the user's facts and the settings from storage (one read). */
  const load = async (orderIds: string[]) => {
    const got = (await browser.storage.local.get([SETTINGS_KEY, USER_FACTS_KEY, ...orderIds.map(caseKey)])) as Record<string, unknown>;
    putCases(casesFromStorage(got).cases, false);
    const facts = isObject(got[USER_FACTS_KEY]) ? (got[USER_FACTS_KEY] as UserFacts) : {};
    putUserFacts(Object.fromEntries(orderIds.flatMap((id) => (facts[id] ? [[id, facts[id]]] : []))), false);
    putSettings(got[SETTINGS_KEY]);
  };

  return {
    cases: { store: cases },
    userFacts: { store: userFacts },
    settings: { store: settings },
    /** What the background sent with a save. */
    seed(inputs: BadgeInputs) {
      putCases(inputs.cases, false);
      putUserFacts(inputs.userFacts, false);
      putSettings(inputs.settings);
    },
    load,
    /**
     * Follow storage from now on, then read the orders held once more: nothing written between the
     * answer they came with and the start of following is missed.
     */
    async follow() {
      if (unfollow) return;
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local') return;
        const changed: Record<string, CaseRecord | undefined> = {};
        for (const [key, change] of Object.entries(changes)) {
          if (key === SETTINGS_KEY) putSettings(change.newValue);
          else if (key === USER_FACTS_KEY) putUserFacts(isObject(change.newValue) ? (change.newValue as UserFacts) : {}, true);
          else if (key.startsWith(CASE_PREFIX)) {
            const id = key.slice(CASE_PREFIX.length);
            changed[id] = casesFromStorage({ [key]: change.newValue }).cases[id];
          }
        }
        if (Object.keys(changed).length) putCases(changed, true);
      };
      browser.storage.onChanged.addListener(listener);
      unfollow = () => browser.storage.onChanged.removeListener(listener);
      await load(Object.keys(cases.getState().value.cases));
    },
    stop() {
      unfollow?.();
      unfollow = undefined;
    },
  };
}

export type PageStores = ReturnType<typeof createPageStores>;
