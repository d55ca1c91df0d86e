// How much room AliProof uses, in plain words: the extension's IndexedDB (evidence) via
// navigator.storage.estimate(), and storage.local (orders, settings) where the browser can say.
import { useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../../utils/i18n';
import type { SettingsData, StorageUse } from './api';
import { formatBytes } from './format';

export function StorageSection({ data, version }: { data: SettingsData; version: number }) {
  const { t } = useI18n();
  const h = useId();
  const [use, setUse] = useState<StorageUse>();
  const measure = useCallback(() => {
    data.usage().then(setUse, () => setUse({}));
  }, [data]);
  useEffect(measure, [measure, version]);

  return (
    <section className="op-section" aria-labelledby={h}>
      <h2 id={h}>{t('settings.storage')}</h2>
      {use && (
        <ul>
          <li>
            {use.site
              ? t('settings.storageSite', { used: formatBytes(use.site.usage), quota: formatBytes(Math.max(0, use.site.quota - use.site.usage)) })
              : t('settings.storageSiteUnknown')}
          </li>
          <li>{use.local !== undefined ? t('settings.storageLocal', { used: formatBytes(use.local) }) : t('settings.storageLocalUnknown')}</li>
        </ul>
      )}
      <button type="button" onClick={measure}>
        {t('settings.storageRefresh')}
      </button>
    </section>
  );
}
