// "Fix the facts": the user corrects or adds a date, the status or the payment method. The value is
// saved with source 'user' and beats the page from then on. Keyboard only: select, type, Enter.
import { useId, useState, type FormEvent } from 'react';
import type { OrderStatus } from '../utils/types';
import { useI18n, type MessageKey, type Msg } from '../utils/i18n';
import { DATE_FACTS, EDITABLE_FACTS, ORDER_STATUSES, validateFact, type EditableFact } from '../utils/store/effective';
import type { FactSource } from '../utils/advice/clocks';

export interface FixFactFormProps {
  /** the values shown now (page or user), by fact */
  values: Partial<Record<EditableFact, string>>;
  sources: Partial<Record<string, FactSource>>;
  now: Date;
  onSave: (key: EditableFact, value: string) => void | Promise<void>;
  /** the fact selected first (default: the delivery date, the one most often missing) */
  initialFact?: EditableFact;
}

const isDateFact = (k: EditableFact) => (DATE_FACTS as readonly string[]).includes(k);

export function FixFactForm({ values, sources, now, onSave, initialFact = 'deliveredOn' }: FixFactFormProps) {
  const { t, tm, date } = useI18n();
  const [fact, setFact] = useState<EditableFact>(initialFact);
  const [value, setValue] = useState('');
  const [error, setError] = useState<Msg | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const ids = { fact: useId(), value: useId(), hint: useId(), error: useId(), current: useId() };

  const shown = (k: EditableFact, v: string | undefined) => {
    if (!v) return t('facts.missing');
    if (isDateFact(k)) return date(v);
    if (k === 'status') return t(`status.${v as OrderStatus}`);
    return v;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = validateFact(fact, value, { now, placedOn: fact === 'placedOn' ? undefined : values.placedOn });
    setError(problem);
    setSaved(undefined);
    if (problem) return;
    await onSave(fact, value.trim());
    setSaved(t('fix.saved', { fact: t(`fact.${fact}`), value: shown(fact, value.trim()) }));
    setValue('');
  };

  const describedBy = [isDateFact(fact) ? ids.hint : '', ids.current, error ? ids.error : ''].filter(Boolean).join(' ');
  const source = sources[fact];

  return (
    <form className="ap-form" onSubmit={submit} noValidate>
      <div className="ap-field">
        <label htmlFor={ids.fact}>{t('fix.fact')}</label>
        <select
          id={ids.fact}
          value={fact}
          onChange={(e) => {
            setFact(e.target.value as EditableFact);
            setValue('');
            setError(undefined);
            setSaved(undefined);
          }}
        >
          {EDITABLE_FACTS.map((k) => (
            <option key={k} value={k}>
              {t(`fact.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <p id={ids.current} className="ap-hint">
        {values[fact] && source
          ? t('fix.current', { value: shown(fact, values[fact]), source: t(`facts.source.${source}`) })
          : t('fix.currentMissing')}
      </p>
      <div className="ap-field">
        <label htmlFor={ids.value}>{t('fix.value')}</label>
        {fact === 'status' ? (
          <select
            id={ids.value}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setValue(e.target.value)}
          >
            <option value="">{t('fix.error.status')}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={ids.value}
            type="text"
            value={value}
            inputMode={isDateFact(fact) ? 'numeric' : 'text'}
            placeholder={isDateFact(fact) ? 'YYYY-MM-DD' : undefined}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </div>
      {isDateFact(fact) && (
        <p id={ids.hint} className="ap-hint">
          {t('fix.dateHint')}
        </p>
      )}
      {error && (
        <p id={ids.error} className="ap-error" role="alert">
          {tm(error)}
        </p>
      )}
      <button type="submit" className="ap-button ap-button--primary">
        {t('fix.save')}
      </button>
      <p className="ap-saved" role="status">
        {saved ?? ''}
      </p>
    </form>
  );
}
