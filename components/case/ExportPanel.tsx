// "Export evidence bundle": builds the .zip with a progress bar (role=progressbar, with text), keeps the
// page responsive (the builder yields between files), and says in plain words what failed.
import { useId, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../utils/i18n';
import type { CaseRecord } from '../../utils/cases/case-store';
import type { EffectiveOrder } from '../../utils/store/effective';
import type { RuleOverrides } from '../../utils/deadlines/rules';
import type { TemplateReason } from '../../utils/templates';
import { DEFAULT_JPEG_MAX_BYTES } from '../../utils/bundle/format';
import type { BundleResult } from '../../utils/bundle/build';
import { exportCaseBundle, saveBlob, type ExportOptions, type ExportProgress } from '../../utils/bundle/collect';

export interface ExportPanelProps {
  entry: EffectiveOrder;
  record?: CaseRecord;
  note?: string;
  reason: TemplateReason;
  overrides?: RuleOverrides;
  /** for tests: builds the bundle */
  exporter?: (opts: ExportOptions) => Promise<BundleResult>;
  /** for tests: offers the file */
  save?: (blob: Blob, filename: string) => void;
}

/** Where a stage sits on the bar, 0–100: the captures are most of the work. */
export function progressPercent(p: ExportProgress): number {
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  switch (p.stage) {
    case 'listing':
      return 1;
    case 'evidence':
    case 'aliexpress':
      return Math.round(2 + frac * 86);
    case 'documents':
      return 90;
    case 'zip':
      return 96;
  }
}

const STAGE_KEYS: Record<ExportProgress['stage'], MessageKey> = {
  listing: 'export.stage.listing',
  evidence: 'export.stage.evidence',
  aliexpress: 'export.stage.aliexpress',
  documents: 'export.stage.documents',
  zip: 'export.stage.zip',
};

/**
 * Progress is drawn at most this often. A new frame per step (hundreds in a large export) made the page
 * re-lay out, repaint and re-hit-test under the mouse each time: a quarter of a 100-capture export's time.
 */
const PROGRESS_MS = 150;

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);

type State = { state: 'idle' } | { state: 'busy'; progress: ExportProgress } | { state: 'done'; text: string; problems: boolean } | { state: 'failed'; text: string };

export function ExportPanel({ entry, record, note, reason, overrides, exporter = exportCaseBundle, save = (b, n) => saveBlob(b, n) }: ExportPanelProps) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<State>({ state: 'idle' });
  const [limitMb, setLimitMb] = useState(String(DEFAULT_JPEG_MAX_BYTES / 1024 / 1024));
  const [includeNote, setIncludeNote] = useState(true);
  const limitId = useId();
  const noteId = useId();
  const labelId = useId();
  const running = useRef(false);
  const shown = useRef<{ at: number; latest?: ExportProgress; timer?: ReturnType<typeof setTimeout> }>({ at: 0 });
  const limit = Number(limitMb);
  const limitValid = Number.isFinite(limit) && limit >= 0.2 && limit <= 50;

  const flushProgress = () => {
    const p = shown.current;
    clearTimeout(p.timer);
    p.timer = undefined;
    p.at = performance.now();
    if (p.latest) setState({ state: 'busy', progress: p.latest });
  };
  // the newest step is drawn now, or when PROGRESS_MS have passed since the last drawing
  const showProgress = (progress: ExportProgress) => {
    const p = shown.current;
    p.latest = progress;
    const wait = PROGRESS_MS - (performance.now() - p.at);
    if (wait <= 0) flushProgress();
    else p.timer ??= setTimeout(flushProgress, wait);
  };

  const run = async () => {
    if (running.current || !limitValid) return;
    running.current = true;
    shown.current = { at: 0 };
    setState({ state: 'busy', progress: { stage: 'listing', done: 0, total: 0 } });
    try {
      const result = await exporter({
        entry,
        record,
        note: includeNote ? note : undefined,
        reason,
        lang,
        jpegMaxBytes: Math.round(limit * 1024 * 1024),
        overrides,
        onProgress: showProgress,
      });
      clearTimeout(shown.current.timer); // a late step must not cover the result
      save(result.blob, result.filename);
      const vars = { name: result.filename, size: sizeText(result.blob.size), files: result.files.length + 1 };
      setState(
        result.problems.length
          ? { state: 'done', problems: true, text: t('export.doneProblems', { ...vars, problems: result.problems.join('; ') }) }
          : { state: 'done', problems: false, text: t('export.done', vars) },
      );
    } catch (e) {
      clearTimeout(shown.current.timer);
      setState({ state: 'failed', text: t('export.failed', { error: String((e as Error)?.message ?? e) }) });
    } finally {
      running.current = false;
    }
  };

  const busy = state.state === 'busy';
  const pct = busy ? progressPercent(state.progress) : 0;
  const stageText = busy ? t(STAGE_KEYS[state.progress.stage], { done: state.progress.done, total: state.progress.total }) : '';

  return (
    <div className="ap-export">
      <p>{t('export.what')}</p>
      <div className="ap-row">
        <div className="ap-field">
          <label htmlFor={limitId}>{t('export.jpegLimit')}</label>
          <input
            id={limitId}
            type="number"
            inputMode="decimal"
            min={0.2}
            max={50}
            step={0.1}
            value={limitMb}
            aria-invalid={!limitValid}
            onChange={(e) => setLimitMb(e.target.value)}
          />
          {!limitValid && <span className="ap-error">{t('export.limitInvalid')}</span>}
        </div>
        {note?.trim() && (
          <label className="ap-toggle" htmlFor={noteId}>
            <input id={noteId} type="checkbox" checked={includeNote} onChange={(e) => setIncludeNote(e.target.checked)} />
            {t('notes.include')}
          </label>
        )}
      </div>
      <button type="button" className="ap-button ap-button--primary ap-export-button" data-aliproof="export-bundle" disabled={busy || !limitValid} aria-busy={busy} onClick={() => void run()}>
        {busy ? t('export.busy') : t('export.button')}
      </button>
      {busy && (
        <div className="ap-export-progress">
          <span id={labelId} className="ap-sr-only">
            {t('export.progress')}
          </span>
          <div
            role="progressbar"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-valuetext={stageText}
            className="ap-progressbar"
          >
            <div className="ap-progressbar-fill" style={{ width: `${pct}%` }} />
          </div>
          <p className="ap-hint">{stageText}</p>
        </div>
      )}
      {state.state === 'done' && (
        <p role="status" className={state.problems ? 'ap-error' : 'ap-saved'} data-aliproof-export={state.problems ? 'done-with-problems' : 'done'}>
          {state.text}
        </p>
      )}
      {state.state === 'failed' && (
        <p role="alert" className="ap-error" data-aliproof-export="failed">
          {state.text}
        </p>
      )}
    </div>
  );
}
