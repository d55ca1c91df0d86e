// Every order in one table, nearest deadline first: its clocks, status, evidence count and note, with a
// search box (order number, store, item). Rows link to the order's case (case.html#order=<id>).
import { useEffect, useId, useState } from 'react';
import { kindMsg, leftMsg, useI18n } from '../../utils/i18n';
import { casesByUrgency, type EffectiveOrder } from '../../utils/store/effective';
import { filterCases } from '../../utils/case/search';
import { caseHash } from '../../utils/case/url';
import type { CaseNotes } from '../../utils/case/notes';
import type { EvidenceIndex } from '../../utils/evidence/types';
import { evidenceCounts } from '../../utils/evidence/evidence-index';
import { daysLeft } from '../../utils/deadlines/engine';
import { Badge } from '../Badge';

export interface CaseListProps {
  orders: readonly EffectiveOrder[];
  now: Date;
  evidenceIndex: EvidenceIndex;
  notes: CaseNotes;
  /** initial search text */
  query?: string;
}

const NOTE_PREVIEW = 80;

/**
 * Rows drawn in the first frame (more than a screenful); the rest follow right after it is painted.
 * Laying out 1,000 rows before the first paint kept the page blank for over a second.
 */
export const FIRST_ROWS = 50;

function useRowLimit(total: number): number {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (all || total <= FIRST_ROWS) return;
    // requestAnimationFrame runs just before the first screen's paint; React draws the rest after it
    const id = requestAnimationFrame(() => setAll(true));
    return () => cancelAnimationFrame(id);
  }, [all, total]);
  return all ? total : FIRST_ROWS;
}

export function evidenceTotal(index: EvidenceIndex, orderId: string): number {
  return Object.values(evidenceCounts(index, orderId)).reduce((a, b) => a + (b ?? 0), 0);
}

export function CaseList({ orders, now, evidenceIndex, notes, query: initial = '' }: CaseListProps) {
  const { t, tm, date } = useI18n();
  const [query, setQuery] = useState(initial);
  const searchId = useId();
  const hintId = useId();
  const sorted = casesByUrgency(orders, now);
  const shown = filterCases(sorted, query);
  const limit = useRowLimit(shown.length);

  if (!sorted.length) return <p className="ap-empty">{t('case.listEmpty')}</p>;

  return (
    <div className="ap-case-list">
      <div className="ap-case-search" role="search">
        <label htmlFor={searchId}>{t('case.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          aria-describedby={hintId}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span id={hintId} className="ap-hint">
          {t('case.searchHint')}
        </span>
        <p role="status" aria-live="polite" className="ap-hint">
          {shown.length ? t('case.searchCount', { shown: shown.length, total: sorted.length }) : t('case.searchNone', { query })}
        </p>
      </div>
      {shown.length > 0 && (
        <table className="ap-case-table">
          <caption className="ap-sr-only">{t('case.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.col.order')}</th>
              <th scope="col">{t('case.col.status')}</th>
              <th scope="col">{t('case.col.clocks')}</th>
              <th scope="col">{t('case.col.evidence')}</th>
              <th scope="col">{t('case.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((e) => {
              const count = evidenceTotal(evidenceIndex, e.orderId);
              const note = notes[e.orderId]?.text;
              const clocks = [...e.order.deadlines].sort((a, b) => a.closesOn.localeCompare(b.closesOn));
              return (
                <tr key={e.orderId} data-order-id={e.orderId}>
                  <th scope="row">
                    <a href={caseHash(e.orderId)} aria-label={t('case.open', { id: e.orderId })} className="ap-case-link">
                      {e.orderId}
                    </a>
                    {e.order.store?.name && <div className="ap-case-store">{e.order.store.name}</div>}
                    {e.order.items[0] && <div className="ap-case-item">{e.order.items[0].title}</div>}
                  </th>
                  <td>{t(`status.${e.order.status}`)}</td>
                  <td>
                    <Badge orderId={e.orderId} order={e.order} sources={e.sources} now={now} />
                    {clocks.length ? (
                      <ul className="ap-case-clocks">
                        {clocks.map((c) => (
                          <li key={`${c.kind}-${c.basis}`} data-kind={c.kind}>
                            {tm(kindMsg(c.kind))}: <time dateTime={c.closesOn}>{date(c.closesOn)}</time> ({tm(leftMsg(daysLeft(c.closesOn, now)))})
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="ap-hint">{t('case.noClock')}</span>
                    )}
                  </td>
                  <td data-evidence-count={count}>{count ? t('case.evidenceCount', { n: count }) : t('case.evidenceNone')}</td>
                  <td className="ap-case-note">{note ? (note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW)}…` : note) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
