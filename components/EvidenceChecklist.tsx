// Evidence checklist for the chosen dispute reason. Items tick themselves when a capture of their
// kind exists; the user can tick or untick any item by hand (their choice wins).
import { useId } from 'react';
import { useI18n } from '../utils/i18n';
import { checklistState, DISPUTE_REASONS, isDisputeReason, type DisputeReason } from '../utils/advice/checklists';

export interface EvidenceChecklistProps {
  /** the stored reason; when unset, `suggested` is shown */
  reason?: string;
  suggested: DisputeReason;
  capturedKinds: readonly string[];
  ticks: Readonly<Record<string, boolean>>;
  onReason?: (reason: DisputeReason) => void;
  onTick?: (itemId: string, ticked: boolean) => void;
}

export function EvidenceChecklist({ reason, suggested, capturedKinds, ticks, onReason, onTick }: EvidenceChecklistProps) {
  const { t } = useI18n();
  const selectId = useId();
  const current = isDisputeReason(reason) ? reason : suggested;
  const state = checklistState(current, capturedKinds, ticks);

  return (
    <div className="ap-checklist">
      <div className="ap-field">
        <label htmlFor={selectId}>{t('checklist.reason')}</label>
        <select id={selectId} value={current} onChange={(e) => onReason?.(e.target.value as DisputeReason)}>
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reason.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="ap-progress" aria-live="polite">
        {t('checklist.progress', { done: state.done, total: state.total })}
      </p>
      <ul className="ap-checks">
        {state.items.map((item) => (
          <li key={item.id} className={item.done ? 'ap-check ap-check--done' : 'ap-check'}>
            <label>
              <input type="checkbox" checked={item.done} onChange={(e) => onTick?.(item.id, e.target.checked)} />
              <span>{t(item.key)}</span>
            </label>
            {item.auto && item.manual === undefined && <span className="ap-tag">{t('checklist.auto')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
