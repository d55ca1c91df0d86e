// UI language: the setting ('ko' | 'en' | 'auto'), else the browser's UI language. Kept in a tiny
// zustand store so React components re-render when the user switches language. No React here: the
// always-on order-page script uses this too (React hooks are in ./index.ts).
import { createStore } from 'zustand/vanilla';
import type { MessageKey } from './messages';

/**
 * The strings this bundle knows. The always-on page script registers only its own few
 * (./parts/page.ts); pages with the full UI register everything (./index.ts): the whole
 * dictionary would otherwise ride along on every AliExpress page.
 */
const known: Record<'en' | 'ko', Record<string, string>> = { en: {}, ko: {} };

export function addMessages(more: { en: Record<string, string>; ko: Record<string, string> }): void {
  Object.assign(known.en, more.en);
  Object.assign(known.ko, more.ko);
}

export type { MessageKey } from './messages';
export type Lang = 'ko' | 'en';
export type LanguageSetting = Lang | 'auto';

/** A translatable message: advice and validation return these, the UI renders them with tm(). */
export interface Msg {
  key: MessageKey;
  vars?: Vars;
}
/** A value for `{name}`: text, a number, a nested message, or a calendar date to format. */
export type VarValue = string | number | Msg | { date: string };
export type Vars = Record<string, VarValue>;

export const LANGUAGES: readonly Lang[] = ['ko', 'en'];

export function resolveLanguage(setting: LanguageSetting | undefined, browserLanguage?: string): Lang {
  if (setting === 'ko' || setting === 'en') return setting;
  return browserLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function browserLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

interface LanguageState {
  setting: LanguageSetting;
  lang: Lang;
}

export const languageStore = createStore<LanguageState>(() => ({
  setting: 'auto',
  lang: resolveLanguage('auto', browserLanguage()),
}));

/** Apply the language setting (from `local:settings`); every component using useI18n re-renders. */
export function setLanguageSetting(setting: LanguageSetting): void {
  languageStore.setState({ setting, lang: resolveLanguage(setting, browserLanguage()) });
}

export function getLanguage(): Lang {
  return languageStore.getState().lang;
}

/** The message for `key` in `lang` (default: the current language), with `{name}` filled in. */
export function t(key: MessageKey, vars?: Vars, lang: Lang = getLanguage()): string {
  const dict = known[lang];
  const plural = vars?.n === 1 && dict[`${key}_one`] !== undefined ? `${key}_one` : key;
  const text = dict[plural] ?? known.en[plural] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars?.[name];
    return v === undefined ? whole : renderVar(v, lang);
  });
}

/** Render a structured message. */
export function tm(msg: Msg, lang: Lang = getLanguage()): string {
  return t(msg.key, msg.vars, lang);
}

function renderVar(v: VarValue, lang: Lang): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('date' in v) return formatDate(v.date, lang);
  return tm(v, lang);
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' as people read it: "Aug 3, 2026" / "2026년 8월 3일". Anything else is shown as is. */
export function formatDate(ymd: string, lang: Lang = getLanguage()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'ko' ? `${y}년 ${mo}월 ${d}일` : `${EN_MONTHS[mo - 1]} ${d}, ${y}`;
}

/** Deadline kind in words; kinds the UI does not know are shown as "other (<kind>)". */
export function kindMsg(kind: string): Msg {
  const key = `kind.${kind}`;
  return key in known.en ? { key: key as MessageKey } : { key: 'kind.other', vars: { kind } };
}

/** Days left as words: "12 days left", "today is the last safe day", "passed 3 days ago". */
export function leftMsg(daysLeft: number): Msg {
  if (daysLeft === 0) return { key: 'left.today' };
  return daysLeft > 0 ? { key: 'left.days', vars: { n: daysLeft } } : { key: 'left.passed', vars: { n: -daysLeft } };
}

