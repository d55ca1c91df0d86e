// Rule overrides: days per rule, with the rule's description and sources, validated, resettable.
// Principle 1 (never show a deadline later than the true one): a longer period is allowed, because
// AliExpress does state longer windows for some accounts, but the page warns about it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n, type Msg } from '../../utils/i18n';
import { RULE_IDS, RULES, type RuleId, type RuleOverrides } from '../../utils/deadlines/rules';
import { parseWholeDays } from './format';
import type { SectionProps } from './GeneralSection';

const MIN = 1;
const MAX = 999;

const draftOf = (o: RuleOverrides) => Object.fromEntries(RULE_IDS.map((id) => [id, String(o[id] ?? RULES[id].days)])) as Record<RuleId, string>;

export function RulesSection({ settings, save }: SectionProps) {
  const { t, tm, lang } = useI18n();
  const h = useId();
  const [draft, setDraft] = useState(() => draftOf(settings.ruleOverrides));
  const [errors, setErrors] = useState<Partial<Record<RuleId, Msg>>>({});
  const [status, setStatus] = useState('');
  useEffect(() => setDraft(draftOf(settings.ruleOverrides)), [settings.ruleOverrides]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: RuleOverrides = {};
    const errs: Partial<Record<RuleId, Msg>> = {};
    for (const id of RULE_IDS) {
      const parsed = parseWholeDays(draft[id], MIN, MAX);
      if ('error' in parsed) errs[id] = parsed.error;
      else if (parsed.days !== RULES[id].days) next[id] = parsed.days; // the default is stored as "no override"
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setStatus(t('settings.notSaved'));
      return;
    }
    await save({ ruleOverrides: next });
    setStatus(t('settings.saved'));
  };

  const reset = async (id: RuleId) => {
    const { [id]: _gone, ...rest } = settings.ruleOverrides;
    setDraft((d) => ({ ...d, [id]: String(RULES[id].days) }));
    setErrors((e) => ({ ...e, [id]: undefined }));
    await save({ ruleOverrides: rest });
    setStatus(t('settings.saved'));
  };

  return (
    <section className="op-section" aria-labelledby={h}>
      <h2 id={h}>{t('settings.rules')}</h2>
      <p>{t('settings.rulesIntro')}</p>
      <p className="op-warning">{t('settings.rulesWarning')}</p>
      <form onSubmit={submit} noValidate>
        {RULE_IDS.map((id) => (
          <RuleRow
            key={id}
            id={id}
            value={draft[id]}
            error={errors[id] && tm(errors[id]!)}
            description={lang === 'ko' ? RULES[id].ko : RULES[id].en}
            onChange={(v) => setDraft((d) => ({ ...d, [id]: v }))}
            onReset={() => void reset(id)}
          />
        ))}
        <button type="submit">{t('settings.rulesSave')}</button>
        <p className="op-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}

function RuleRow(props: { id: RuleId; value: string; error?: string; description: string; onChange: (v: string) => void; onReset: () => void }) {
  const { t } = useI18n();
  const { id, value, error } = props;
  const rule = RULES[id];
  const ids = { input: useId(), desc: useId(), def: useId(), err: useId(), longer: useId() };
  const n = Number(value);
  const longer = /^\d+$/.test(value.trim()) && n > rule.days;
  return (
    <fieldset className="op-rule">
      <legend>{id}</legend>
      <p id={ids.desc}>{props.description}</p>
      <p className="op-hint">
        {t(rule.pick === 'first' ? 'settings.ruleBaseFirst' : 'settings.ruleBaseEarliest', {
          fields: rule.fields.map((f) => t(`fact.${f}`)).join(rule.pick === 'first' ? ' → ' : ', '),
        })}
      </p>
      <div className="op-row">
        <label htmlFor={ids.input}>{t('settings.ruleDays', { rule: id })}</label>
        <input
          id={ids.input}
          type="number"
          inputMode="numeric"
          min={MIN}
          max={MAX}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[ids.desc, ids.def, error ? ids.err : '', longer ? ids.longer : ''].filter(Boolean).join(' ')}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <span className="op-hint" id={ids.def}>
          {t('settings.ruleDefault', { n: rule.days })}
        </span>
        <button type="button" onClick={props.onReset}>
          {t('settings.ruleReset', { rule: id, n: rule.days })}
        </button>
      </div>
      {error && (
        <p className="op-error" id={ids.err}>
          {error}
        </p>
      )}
      {longer && !error && (
        <p className="op-warning" id={ids.longer}>
          {t('settings.ruleLonger', { n: rule.days })}
        </p>
      )}
      <details>
        <summary>{t('settings.ruleSources', { rule: id })}</summary>
        <ul>
          {rule.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
    </fieldset>
  );
}
