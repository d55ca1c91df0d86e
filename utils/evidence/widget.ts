// The floating capture button of the chat and product pages, in plain DOM (no React: these scripts run
// on every message and product page). Same words and behaviour as components/CaptureButton.tsx: one
// click, progress, then the result or a plain-words error with a download link the user clicks.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { languageStore, setLanguageSetting, t } from '../i18n/core';
import { normaliseSettings, settingsItem } from '../store/items';
import { EVIDENCE_CSS } from '../../components/evidence-styles';
import type { CaptureOutcome, CaptureProgress } from './client';
import { outcomeText, progressText } from './outcome-text';

export const CAPTURE_HOST = 'aliproof-capture';

export interface CaptureWidgetOptions {
  /** button text, in the current language */
  label: () => string;
  /** a line under the button */
  hint?: () => string | undefined;
  capture: (onProgress: (p: CaptureProgress) => void) => Promise<CaptureOutcome>;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text; // text only: nothing from a page is ever parsed as HTML
  return e;
};

export async function mountCaptureWidget(ctx: ContentScriptContext, opts: CaptureWidgetOptions) {
  // follow the language chosen in AliProof's settings
  const follow = (v: Parameters<typeof normaliseSettings>[0]) => setLanguageSetting(normaliseSettings(v).language);
  settingsItem.getValue().then(follow, () => undefined);
  ctx.onInvalidated(settingsItem.watch(follow));

  let state: { phase: 'idle' } | { phase: 'busy'; progress: CaptureProgress } | { phase: 'done'; outcome: CaptureOutcome } = { phase: 'idle' };
  let downloadUrl: string | undefined;
  let root: HTMLDivElement | undefined;
  // built once (focus stays on the button while it is busy and after), updated by render()
  const button = el('button', 'ap-capture-button');
  button.type = 'button';
  const hintLine = el('p', 'ap-capture-small');
  const status = el('div');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  const render = () => {
    if (!root) return;
    root.dataset.aliproofCapture = state.phase;
    button.textContent = opts.label();
    // aria-disabled rather than disabled: a disabled button would drop keyboard focus
    button.setAttribute('aria-disabled', String(state.phase === 'busy'));
    button.setAttribute('aria-busy', String(state.phase === 'busy'));
    const hint = opts.hint?.();
    hintLine.textContent = hint ?? '';
    hintLine.hidden = !hint;
    const parts: HTMLElement[] = [];
    if (state.phase === 'busy') parts.push(el('p', 'ap-capture-status', progressText(t, state.progress)));
    if (state.phase === 'done') {
      const text = outcomeText(t, state.outcome);
      const tone = text.result === 'saved' ? ' ap-capture-status--ok' : text.result === 'failed' ? ' ap-capture-status--error' : '';
      const result = el('div', `ap-capture-status${tone}`);
      result.dataset.aliproofResult = text.result;
      const main = el('p', undefined, text.main);
      main.style.margin = '0';
      result.append(main);
      const download = state.outcome.download;
      if (download) {
        downloadUrl ??= URL.createObjectURL(download.blob);
        const a = el('a', 'ap-capture-download', text.downloadLabel);
        a.href = downloadUrl;
        a.download = download.filename;
        result.append(a, el('p', 'ap-capture-small', text.downloadHint));
      }
      for (const n of text.notes) result.append(el('p', 'ap-capture-small', n));
      parts.push(result);
    }
    status.replaceChildren(...parts);
  };

  async function run() {
    if (state.phase === 'busy') return;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = undefined;
    state = { phase: 'busy', progress: { stage: 'finding' } };
    render();
    let outcome: CaptureOutcome;
    try {
      outcome = await opts.capture((progress) => {
        state = { phase: 'busy', progress };
        render();
      });
    } catch (e) {
      outcome = { ok: false, kind: 'chat', saved: [], parts: 0, problems: [], error: String((e as Error)?.message ?? e), errorCode: 'render' };
    }
    state = { phase: 'done', outcome };
    render();
  }

  const ui = await createShadowRootUi(ctx, {
    name: CAPTURE_HOST,
    position: 'inline',
    anchor: 'body',
    onMount(container, shadow) {
      // fixed in a corner, so the page's layout never moves; styled inside the shadow root because the
      // host's own styles are reset there (:host { all: initial !important })
      shadow.querySelector('html')?.setAttribute('style', 'position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: block;');
      const style = el('style', undefined, EVIDENCE_CSS);
      root = el('div', 'ap-capture');
      root.append(button, hintLine, status);
      button.addEventListener('click', () => void run());
      container.append(style, root);
      render();
    },
  });
  ui.mount();
  ctx.onInvalidated(languageStore.subscribe(render));
  ctx.onInvalidated(() => downloadUrl && URL.revokeObjectURL(downloadUrl));
  return ui;
}
