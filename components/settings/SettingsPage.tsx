// The options page: general settings, deadline rules, reminders (global and per order), storage used,
// and the user's data (backup, restore, delete). Korean and English; every control has a label.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../../utils/i18n';
import { stores as defaultStores, useEffectiveOrders, useNow, useSettings, useStartedStores, type AliProofStores, type Mirror } from '../../utils/store/stores';
import type { ReminderPrefs } from '../../utils/reminders/types';
import type { Settings } from '../../utils/store/items';
import type { SettingsData } from './api';
import { GeneralSection } from './GeneralSection';
import { RulesSection } from './RulesSection';
import { OrderReminders, RemindersSection } from './RemindersSection';
import { StorageSection } from './StorageSection';
import { DataSection } from './DataSection';
import { reminderPrefsMirror, saveOrderPrefs } from './prefs';

export interface SettingsPageProps {
  data: SettingsData;
  stores?: AliProofStores;
  prefs?: Mirror<ReminderPrefs>;
  /** fixed "now" for tests */
  now?: Date;
}

export function SettingsPage({ data, stores = defaultStores, prefs = reminderPrefsMirror, now: fixedNow }: SettingsPageProps) {
  const { t, lang } = useI18n();
  useStartedStores(stores);
  useEffect(() => {
    void prefs.start();
  }, [prefs]);
  const ready = useStore(stores.settings.store, (s) => s.ready);
  const settings = useSettings(stores);
  const prefValues = useStore(prefs.store, (s) => s.value);
  const now = useNow(fixedNow);
  const orders = useEffectiveOrders(now, stores);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('settings.title');
  }, [lang, t]);

  // the backup reminder opens options.html#data: the section exists only once the stores are read
  useEffect(() => {
    if (ready && location.hash.length > 1) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [ready]);

  const save = (patch: Partial<Settings>) => stores.setSettings(patch);

  return (
    <main className="op-page">
      <header>
        <h1>{t('settings.title')}</h1>
        <p>{t('settings.intro')}</p>
      </header>
      {!ready ? (
        <p role="status">{t('settings.loading')}</p>
      ) : (
        <>
          <GeneralSection settings={settings} save={save} />
          <RemindersSection settings={settings} save={save} />
          <OrderReminders orders={orders} prefs={prefValues} defaultDays={settings.reminderDays} now={now} savePrefs={(id, p) => saveOrderPrefs(prefs, id, p)} />
          <RulesSection settings={settings} save={save} />
          <StorageSection data={data} version={version} />
          <DataSection data={data} orders={orders.length} onChanged={() => setVersion((v) => v + 1)} />
        </>
      )}
    </main>
  );
}
