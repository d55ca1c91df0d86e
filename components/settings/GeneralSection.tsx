// Language, redaction by default and the stalled-parcel threshold.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n, type LanguageSetting, type Msg } from '../../utils/i18n';
import { DEFAULT_STALL_DAYS } from '../../utils/advice/tracking';
import type { Settings } from '../../utils/store/items';
import { parseWholeDays } from './format';

export interface SectionProps {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<void>;
}

export function GeneralSection({ settings, save }: SectionProps) {
  const { t, tm } = useI18n();
  const ids = { h: useId(), lang: useId(), langHint: useId(), redact: useId(), redactHint: useId(), stall: useId(), stallHint: useId(), stallErr: useId() };
  const [stall, setStall] = useState(String(settings.stallDays));
  const [error, setError] = useState<Msg>();
  const [status, setStatus] = useState('');
  useEffect(() => setStall(String(settings.stallDays)), [settings.stallDays]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseWholeDays(stall, 1, 365);
    if ('error' in parsed) {
      setError(parsed.error);
      setStatus(t('settings.notSaved'));
      return;
    }
    setError(undefined);
    await save({ stallDays: parsed.days });
    setStatus(t('settings.saved'));
  };

  return (
    <section className="op-section" aria-labelledby={ids.h}>
      <h2 id={ids.h}>{t('settings.general')}</h2>
      <div className="op-field">
        <label htmlFor={ids.lang}>{t('settings.language')}</label>
        <select
          id={ids.lang}
          aria-describedby={ids.langHint}
          value={settings.language}
          onChange={(e) => void save({ language: e.target.value as LanguageSetting })}
        >
          <option value="auto">{t('lang.auto')}</option>
          <option value="ko">{t('lang.ko')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
        <p className="op-hint" id={ids.langHint}>
          {t('settings.languageHint')}
        </p>
      </div>
      <div className="op-field op-check">
        <input
          id={ids.redact}
          type="checkbox"
          aria-describedby={ids.redactHint}
          checked={settings.redactByDefault}
          onChange={(e) => void save({ redactByDefault: e.target.checked })}
        />
        <label htmlFor={ids.redact}>{t('settings.redact')}</label>
        <p className="op-hint" id={ids.redactHint}>
          {t('settings.redactHint')}
        </p>
      </div>
      <form className="op-field" onSubmit={submit} noValidate>
        <label htmlFor={ids.stall}>{t('settings.stallDays')}</label>
        <div className="op-row">
          <input
            id={ids.stall}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={stall}
            aria-invalid={error ? true : undefined}
            aria-describedby={[ids.stallHint, error ? ids.stallErr : ''].filter(Boolean).join(' ')}
            onChange={(e) => setStall(e.target.value)}
          />
          <button type="submit">{t('settings.save')}</button>
        </div>
        <p className="op-hint" id={ids.stallHint}>
          {t('settings.stallHint', { n: DEFAULT_STALL_DAYS })}
        </p>
        {error && (
          <p className="op-error" id={ids.stallErr}>
            {tm(error)}
          </p>
        )}
        <p className="op-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
