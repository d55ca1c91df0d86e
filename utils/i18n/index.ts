// Translations for React components: everything in ./core plus the useI18n hook.
import { useStore } from 'zustand';
import { addMessages, formatDate, languageStore, t, tm, type MessageKey, type Msg, type Vars } from './core';
import { messages } from './messages';

addMessages(messages);

export * from './core';

/** Translation bound to the current language; the calling component re-renders on a language change. */
export function useI18n() {
  const lang = useStore(languageStore, (s) => s.lang);
  return {
    lang,
    t: (key: MessageKey, vars?: Vars) => t(key, vars, lang),
    tm: (msg: Msg) => tm(msg, lang),
    date: (ymd: string) => formatDate(ymd, lang),
  };
}
