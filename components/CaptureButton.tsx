// One-click capture for React hosts (the sidebar): the button, progress while capturing, then what was
// saved, or a plain-words error with the capture offered as a download (a link the user clicks; nothing
// downloads on its own). Chat and product pages use the plain-DOM twin, utils/evidence/widget.ts.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../utils/i18n';
import type { CaptureOutcome, CaptureProgress } from '../utils/evidence/client';
import { outcomeText, progressText } from '../utils/evidence/outcome-text';
import { EVIDENCE_CSS } from './evidence-styles';

export interface CaptureButtonProps {
  /** the button text (already translated) */
  label: string;
  /** a line under the button, e.g. "For order 8212…" */
  hint?: string;
  /** runs the capture (capturePage / captureChat from utils/evidence) */
  capture: (onProgress: (p: CaptureProgress) => void) => Promise<CaptureOutcome>;
  /** told about every finished capture (e.g. to refresh a gallery) */
  onDone?: (outcome: CaptureOutcome) => void;
  /** include the component's own <style> (default true; false when the host already has EVIDENCE_CSS) */
  withStyles?: boolean;
}

type State = { phase: 'idle' } | { phase: 'busy'; progress: CaptureProgress } | { phase: 'done'; outcome: CaptureOutcome };

export function CaptureButton({ label, hint, capture, onDone, withStyles = true }: CaptureButtonProps) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const busy = state.phase === 'busy';
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const run = async () => {
    if (busy) return;
    setState({ phase: 'busy', progress: { stage: 'finding' } });
    let outcome: CaptureOutcome;
    try {
      outcome = await capture((progress) => mounted.current && setState({ phase: 'busy', progress }));
    } catch (e) {
      outcome = { ok: false, kind: 'chat', saved: [], parts: 0, problems: [], error: String((e as Error)?.message ?? e), errorCode: 'render' };
    }
    if (!mounted.current) return;
    setState({ phase: 'done', outcome });
    onDone?.(outcome);
  };

  return (
    <div className="ap-capture" data-aliproof-capture={state.phase}>
      {withStyles && <style>{EVIDENCE_CSS}</style>}
      <button type="button" className="ap-capture-button" onClick={run} disabled={busy} aria-busy={busy}>
        {label}
      </button>
      {hint && <p className="ap-capture-small">{hint}</p>}
      <div aria-live="polite" role="status">
        {state.phase === 'busy' && <p className="ap-capture-status">{progressText(t, state.progress)}</p>}
        {state.phase === 'done' && <Result outcome={state.outcome} />}
      </div>
    </div>
  );
}

function Result({ outcome }: { outcome: CaptureOutcome }) {
  const { t } = useI18n();
  // the blob URL lives as long as the message is shown
  const href = useMemo(() => (outcome.download ? URL.createObjectURL(outcome.download.blob) : undefined), [outcome.download]);
  useEffect(() => () => void (href && URL.revokeObjectURL(href)), [href]);
  const text = outcomeText(t, outcome);
  const tone = text.result === 'saved' ? ' ap-capture-status--ok' : text.result === 'failed' ? ' ap-capture-status--error' : '';
  return (
    <div className={`ap-capture-status${tone}`} data-aliproof-result={text.result}>
      <p style={{ margin: 0 }}>{text.main}</p>
      {outcome.download && href && (
        <>
          <a className="ap-capture-download" href={href} download={outcome.download.filename}>
            {text.downloadLabel}
          </a>
          <p className="ap-capture-small">{text.downloadHint}</p>
        </>
      )}
      {text.notes.map((n) => (
        <p key={n} className="ap-capture-small">
          {n}
        </p>
      ))}
    </div>
  );
}
