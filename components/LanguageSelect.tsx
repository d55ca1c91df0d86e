// The language chooser of the sidebar and the case page: browser language, Korean or English.
import { useId } from 'react';
import { useI18n, type LanguageSetting } from '../utils/i18n';

export function LanguageSelect({ value, onChange }: { value: LanguageSetting; onChange: (language: LanguageSetting) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="ap-sr-only">
        {t('sidebar.language')}
      </label>
      <select id={id} className="ap-lang" value={value} onChange={(e) => onChange(e.target.value as LanguageSetting)}>
        <option value="auto">{t('lang.auto')}</option>
        <option value="ko">{t('lang.ko')}</option>
        <option value="en">{t('lang.en')}</option>
      </select>
    </>
  );
}
