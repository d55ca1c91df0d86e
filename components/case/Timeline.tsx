// The case timeline: every dated thing about the order, oldest first (utils/case/timeline.ts).
import { useI18n } from '../../utils/i18n';
import { whenText, type TimelineEntry } from '../../utils/case/timeline';

export function Timeline({ entries, tzOffsetMinutes }: { entries: readonly TimelineEntry[]; tzOffsetMinutes?: number }) {
  const { t, tm, lang } = useI18n();
  if (!entries.length) return <p>{t('timeline.empty')}</p>;
  return (
    <ol className="ap-timeline">
      {entries.map((e, i) => (
        <li key={i} className={`ap-timeline-entry ap-timeline-entry--${e.kind}${e.future ? ' ap-timeline-entry--future' : ''}`} data-kind={e.kind}>
          <span className="ap-timeline-when">{whenText(e.when, lang, tzOffsetMinutes)}</span>
          <span className="ap-timeline-what">
            {tm(e.message)}
            {e.source && <span className={`ap-tag ap-tag--${e.source}`}>{t(`timeline.source.${e.source}`)}</span>}
            {e.future && <span className="ap-tag">{t('timeline.future')}</span>}
            {e.firstSeen && e.kind === 'order-date' && (
              <span className="ap-hint"> ({t('timeline.firstSeen', { date: { date: e.firstSeen.slice(0, 10) } })})</span>
            )}
          </span>
          {e.detail && <span className="ap-timeline-detail">{e.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
