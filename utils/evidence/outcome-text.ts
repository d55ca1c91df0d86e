// The words of a capture's progress and result, shared by the React CaptureButton (sidebar) and the
// plain-DOM capture widget (chat and product pages), so both say the same thing.
import type { MessageKey, Vars } from '../i18n/core';
import type { CaptureOutcome, CaptureProgress } from './client';

type T = (key: MessageKey, vars?: Vars) => string;

export function progressText(t: T, p: CaptureProgress): string {
  if (p.stage === 'rendering' && p.total) return t('capture.stage.rendering', { done: Math.min((p.done ?? 0) + 1, p.total), total: p.total });
  if (p.stage === 'rendering') return t('capture.stage.loading');
  return t(`capture.stage.${p.stage}`);
}

export interface OutcomeText {
  result: 'saved' | 'failed' | 'cancelled';
  /** the main sentence */
  main: string;
  /** smaller lines under it */
  notes: string[];
  /** shown with the download link */
  downloadLabel?: string;
  downloadHint?: string;
}

export function outcomeText(t: T, o: CaptureOutcome): OutcomeText {
  if (o.cancelled) return { result: 'cancelled', main: t('capture.cancelled'), notes: [] };
  const problems = o.problems.length ? [t('capture.problems', { text: o.problems.join('; ') })] : [];
  if (o.ok) {
    const main = o.messages !== undefined ? t('capture.savedChat', { n: o.parts, m: o.messages }) : t('capture.saved', { n: o.parts });
    return { result: 'saved', main, notes: [...(o.saved.some((m) => m.derivedFrom) ? [t('capture.redactedToo')] : []), ...problems] };
  }
  const code = o.errorCode === 'not-found' || !o.errorCode ? 'unavailable' : o.errorCode;
  return {
    result: 'failed',
    main: t(`capture.error.${code}`),
    notes: [...(o.error ? [t('capture.details', { text: o.error })] : []), ...problems],
    ...(o.download ? { downloadLabel: t('capture.download'), downloadHint: t('capture.downloadHint') } : {}),
  };
}
