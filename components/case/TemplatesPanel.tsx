// Messages and letters filled from the case, each with a one-click copy button and, beside it, what
// the text is for in the user's language (a Korean user reading English messages gets Korean help).
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../utils/i18n';
import { copyText } from '../../utils/case/clipboard';
import type { TimelineEntry } from '../../utils/case/timeline';
import {
  cardLetterKo,
  isTemplateReason,
  kcaComplaintKo,
  messageTemplates,
  TEMPLATE_REASONS,
  type FilledTemplate,
  type TemplateFacts,
  type TemplateReason,
} from '../../utils/templates';

export interface TemplatesPanelProps {
  facts: TemplateFacts;
  timeline: readonly TimelineEntry[];
  reason: TemplateReason;
  onReason?: (reason: TemplateReason) => void;
  tzOffsetMinutes?: number;
  /** for tests */
  copy?: (text: string) => Promise<boolean>;
}

export function TemplatesPanel({ facts, timeline, reason: initial, onReason, tzOffsetMinutes, copy = (s) => copyText(s) }: TemplatesPanelProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState<TemplateReason>(initial);
  const selectId = useId();
  const templates = useMemo(() => {
    const letters = { facts, reason, timeline, tzOffsetMinutes };
    return [...messageTemplates(reason, facts), cardLetterKo(letters), kcaComplaintKo(letters)];
  }, [facts, reason, timeline, tzOffsetMinutes]);

  return (
    <div className="ap-templates">
      <div className="ap-field">
        <label htmlFor={selectId}>{t('templates.reason')}</label>
        <select
          id={selectId}
          value={reason}
          onChange={(e) => {
            if (!isTemplateReason(e.target.value)) return;
            setReason(e.target.value);
            onReason?.(e.target.value);
          }}
        >
          {TEMPLATE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`templates.reason.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="ap-hint">{t('templates.fill')}</p>
      {templates.map((tpl) => (
        <TemplateCard key={tpl.id} template={tpl} copy={copy} />
      ))}
    </div>
  );
}

function TemplateCard({ template, copy }: { template: FilledTemplate; copy: (text: string) => Promise<boolean> }) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const textId = useId();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const title = template.title[lang];
  const rows = Math.min(22, template.text.split('\n').length + 1);

  const onCopy = async () => {
    setStatus('idle');
    setStatus((await copy(template.text)) ? 'copied' : 'failed');
  };

  return (
    <article className="ap-template" aria-labelledby={headingId} data-template={template.id}>
      <h3 id={headingId}>{title}</h3>
      <div className="ap-template-body">
        <div className="ap-template-text">
          <label htmlFor={textId}>{template.lang === 'en' ? t('templates.englishText') : t('templates.koreanText')}</label>
          <textarea id={textId} readOnly value={template.text} rows={rows} lang={template.lang} />
          <div className="ap-row">
            <button type="button" className="ap-button ap-button--primary" aria-label={t('templates.copy', { title })} onClick={() => void onCopy()}>
              {t('templates.copyShort')}
            </button>
            <span role="status" aria-live="polite" className={status === 'failed' ? 'ap-error' : 'ap-saved'} data-copy-status={status}>
              {status === 'copied' ? t('templates.copied') : status === 'failed' ? t('templates.copyFailed') : ''}
            </span>
          </div>
        </div>
        <aside className="ap-template-explain" aria-label={t('templates.explain')} lang={lang}>
          <p>{template.explanation[lang]}</p>
        </aside>
      </div>
    </article>
  );
}
