// Pick mode: when AliProof cannot find the conversation, the user points at it. The element under the
// pointer (snapped to its scrolling ancestor) gets an outline; ArrowUp/ArrowDown widen or narrow it; a
// click or Enter picks it, Escape cancels. The click is swallowed so the page never sees it: picking
// must not press anything on AliExpress.
import { scrollableAncestor } from './container';

export interface PickOptions {
  /** plain-words instruction shown at the top of the page */
  hint: string;
  /** elements of AliProof's own UI, never picked */
  ignore?: (el: Element) => boolean;
}

const SWALLOW = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'] as const;

export function pickElement(doc: Document, opts: PickOptions): Promise<Element | null> {
  return new Promise((resolve) => {
    const box = doc.createElement('div');
    box.setAttribute('data-aliproof-pick', 'outline');
    Object.assign(box.style, {
      position: 'fixed',
      pointerEvents: 'none',
      zIndex: '2147483646',
      outline: '3px solid #e11d48',
      outlineOffset: '-3px',
      background: 'rgba(225, 29, 72, 0.08)',
      display: 'none',
    });
    const bar = doc.createElement('div');
    bar.setAttribute('data-aliproof-pick', 'hint');
    bar.setAttribute('role', 'status');
    bar.textContent = opts.hint; // text only: never HTML
    Object.assign(bar.style, {
      position: 'fixed',
      top: '0',
      left: '0',
      right: '0',
      zIndex: '2147483647',
      padding: '10px 16px',
      background: '#111827',
      color: '#ffffff',
      font: '15px/1.4 system-ui, sans-serif',
      textAlign: 'center',
      pointerEvents: 'none',
    });
    doc.body.append(box, bar);
    let current: Element | null = null;

    const ours = (el: Element | null) => !el || el === box || el === bar || !!opts.ignore?.(el);
    const highlight = (el: Element | null) => {
      current = el;
      if (!el) {
        box.style.display = 'none';
        return;
      }
      const r = el.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    };
    // ArrowUp widens the outline to the enclosing block, ArrowDown narrows it back
    let narrower: Element[] = [];
    const onMove = (e: MouseEvent) => {
      const el = doc.elementFromPoint(e.clientX, e.clientY);
      if (ours(el)) return;
      const next = scrollableAncestor(el) ?? el;
      if (next !== current) narrower = [];
      highlight(next);
    };
    const swallow = (e: Event) => {
      if (e.target instanceof Element && opts.ignore?.(e.target)) return; // AliProof's own buttons keep working
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.type === 'click') finish((e as MouseEvent).button === 0 ? current : null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        finish(null);
      } else if (e.key === 'ArrowUp' && current?.parentElement && current.parentElement !== doc.body && current.parentElement !== doc.documentElement) {
        e.preventDefault();
        e.stopImmediatePropagation();
        narrower.push(current);
        highlight(current.parentElement);
      } else if (e.key === 'ArrowDown' && narrower.length) {
        e.preventDefault();
        e.stopImmediatePropagation();
        highlight(narrower.pop()!);
      } else if (e.key === 'Enter' && current) {
        e.preventDefault();
        e.stopImmediatePropagation();
        finish(current);
      }
    };
    const finish = (el: Element | null) => {
      doc.removeEventListener('mousemove', onMove, true);
      for (const t of SWALLOW) doc.removeEventListener(t, swallow, true);
      doc.removeEventListener('keydown', onKey, true);
      box.remove();
      bar.remove();
      resolve(el);
    };
    doc.addEventListener('mousemove', onMove, true);
    for (const t of SWALLOW) doc.addEventListener(t, swallow, true);
    doc.addEventListener('keydown', onKey, true);
  });
}
