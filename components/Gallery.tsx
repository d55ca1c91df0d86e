// The evidence of one order: thumbnails (redacted copies marked), full size in a dialog (Escape closes,
// focus returns to the thumbnail), a note per item, and delete with confirmation. Everything goes
// through the background's evidence messages; nothing here touches IndexedDB.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../utils/i18n';
import { ask, type Send } from '../utils/evidence/client';
import { parseDataUrl } from '../utils/evidence/data-url';
import { evidenceIndexItem } from '../utils/evidence/evidence-index';
import { localTimeText } from '../utils/evidence/header';
import type { EvidenceMeta } from '../utils/evidence/types';
import { EVIDENCE_CSS } from './evidence-styles';

export interface GalleryProps {
  orderId: string;
  /** for tests: how messages reach the background */
  send?: Send;
  /** include the component's own <style> (default true) */
  withStyles?: boolean;
}

type Load = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ready'; items: EvidenceMeta[] };

/** Originals in capture order, each followed by its derived copies. */
export function galleryOrder(items: EvidenceMeta[]): EvidenceMeta[] {
  const ids = new Set(items.map((i) => i.id));
  const originals = items.filter((i) => !i.derivedFrom || !ids.has(i.derivedFrom));
  return originals.flatMap((o) => [o, ...items.filter((c) => c.derivedFrom === o.id)]);
}

const shortTime = (iso: string) => localTimeText(new Date(iso)).slice(0, 16);

export function Gallery({ orderId, send, withStyles = true }: GalleryProps) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [open, setOpen] = useState<EvidenceMeta | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const refresh = useCallback(async () => {
    const r = await ask({ type: 'list-evidence', orderId }, 20_000, send);
    setLoad(r.ok ? { state: 'ready', items: galleryOrder(r.items) } : { state: 'error', error: r.error });
  }, [orderId, send]);

  useEffect(() => {
    void refresh();
    // a capture saved from another button or tab changes the index: show it
    let unwatch: (() => void) | undefined;
    try {
      unwatch = evidenceIndexItem.watch(() => void refresh());
    } catch {
      /* no storage (tests without a browser): the list still loads once */
    }
    return () => unwatch?.();
  }, [refresh]);

  const label = (m: EvidenceMeta) => {
    const parts = [t(`gallery.kind.${m.kind}`)];
    if (m.part && m.part.count > 1) parts.push(t('gallery.part', { i: m.part.index, n: m.part.count }));
    if (m.kind === 'transcript' && m.messages !== undefined) parts.push(t('gallery.messages', { n: m.messages }));
    if (m.derivedFrom) parts.push(t('gallery.redacted'));
    return parts.join(' · ');
  };

  const close = () => {
    setOpen(undefined);
    // back to the thumbnail that opened the dialog
    setTimeout(() => opener.current?.focus(), 0);
  };

  const remove = async (m: EvidenceMeta) => {
    const r = await ask({ type: 'delete-evidence', id: m.id }, 20_000, send);
    setConfirming(undefined);
    setStatus(r.ok ? t('gallery.deleted') : r.error);
    await refresh();
    headingRef.current?.focus();
  };

  const items = load.state === 'ready' ? load.items : [];
  return (
    <section className="ap-gallery" aria-labelledby={headingId} data-aliproof-gallery={orderId}>
      {withStyles && <style>{EVIDENCE_CSS}</style>}
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('gallery.title')}
      </h3>
      <p role="status" aria-live="polite" className="ap-gallery-meta">
        {status}
      </p>
      {load.state === 'loading' && <p>{t('gallery.loading')}</p>}
      {load.state === 'error' && <p role="alert">{t('gallery.error', { error: load.error })}</p>}
      {load.state === 'ready' && !items.length && <p>{t('gallery.empty')}</p>}
      {items.length > 0 && (
        <ul className="ap-gallery-list">
          {items.map((m) => {
            const copies = items.filter((c) => c.derivedFrom === m.id).length;
            return (
              <li key={m.id} className={m.derivedFrom ? 'ap-gallery-item ap-gallery-item--copy' : 'ap-gallery-item'} data-evidence-id={m.id}>
                <button
                  type="button"
                  className="ap-gallery-thumb"
                  aria-label={t('gallery.open', { name: label(m) })}
                  onClick={(e) => {
                    opener.current = e.currentTarget;
                    setOpen(m);
                  }}
                >
                  {m.thumb ? <img src={m.thumb} alt="" /> : <span className="ap-gallery-text">{t(`gallery.kind.${m.kind}`)}</span>}
                </button>
                <span className="ap-gallery-meta">{label(m)}</span>
                <span className="ap-gallery-meta">{t('gallery.captured', { time: shortTime(m.capturedAt) })}</span>
                <span className="ap-gallery-meta" title={m.sha256}>
                  {t('gallery.hash', { hash: `${m.sha256.slice(0, 12)}…` })}
                </span>
                {m.note && <span className="ap-gallery-meta">“{m.note}”</span>}
                {confirming === m.id ? (
                  <div className="ap-gallery-confirm" role="group" aria-label={t('gallery.delete')}>
                    <p style={{ margin: '0 0 4px' }}>{copies ? t('gallery.deleteConfirmCopies', { n: copies }) : t('gallery.deleteConfirm')}</p>
                    <div className="ap-gallery-actions">
                      <button type="button" className="ap-gallery-danger" onClick={() => void remove(m)}>
                        {t('gallery.deleteYes')}
                      </button>
                      <AutoFocusButton onClick={() => setConfirming(undefined)}>{t('gallery.deleteNo')}</AutoFocusButton>
                    </div>
                  </div>
                ) : (
                  <div className="ap-gallery-actions">
                    <button type="button" className="ap-gallery-danger" onClick={() => setConfirming(m.id)}>
                      {t('gallery.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open && (
        <Viewer
          item={open}
          title={label(open)}
          send={send}
          onClose={close}
          onNote={(meta) => {
            setLoad((l) => (l.state === 'ready' ? { ...l, items: l.items.map((i) => (i.id === meta.id ? { ...i, note: meta.note } : i)) } : l));
          }}
        />
      )}
    </section>
  );
}

function AutoFocusButton({ onClick, children }: { onClick: () => void; children: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button type="button" ref={ref} onClick={onClick}>
      {children}
    </button>
  );
}

interface ViewerProps {
  item: EvidenceMeta;
  title: string;
  send?: Send;
  onClose: () => void;
  onNote: (meta: EvidenceMeta) => void;
}

type Content = { state: 'loading' } | { state: 'error'; error: string } | { state: 'image'; src: string } | { state: 'text'; text: string };

function Viewer({ item, title, send, onClose, onNote }: ViewerProps) {
  const { t } = useI18n();
  const [content, setContent] = useState<Content>({ state: 'loading' });
  const [note, setNote] = useState(item.note ?? '');
  const [noteStatus, setNoteStatus] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const noteId = useId();

  useEffect(() => {
    closeRef.current?.focus();
    let live = true;
    void ask({ type: 'get-evidence', id: item.id }, 30_000, send).then((r) => {
      if (!live) return;
      if (!r.ok) return setContent({ state: 'error', error: r.error });
      if (r.meta.mime.startsWith('image/')) return setContent({ state: 'image', src: r.dataUrl });
      const parsed = parseDataUrl(r.dataUrl);
      setContent({ state: 'text', text: parsed ? new TextDecoder().decode(parsed.bytes) : '' });
    });
    return () => {
      live = false;
    };
  }, [item.id, send]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation(); // close the dialog, not the sidebar around it
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    // keep Tab inside the dialog
    const focusable = Array.from(dialogRef.current.querySelectorAll<HTMLElement>('button, textarea, a[href], [tabindex]:not([tabindex="-1"])'));
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (dialogRef.current.getRootNode() as Document | ShadowRoot).activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const saveNote = async () => {
    const r = await ask({ type: 'update-note', id: item.id, note }, 20_000, send);
    if (r.ok) {
      setNoteStatus(t('gallery.noteSaved'));
      onNote(r.meta);
    } else setNoteStatus(r.error);
  };

  return (
    <div className="ap-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="ap-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialogRef} onKeyDown={onKeyDown}>
        <div className="ap-dialog-tools">
          <h4 id={titleId}>{title}</h4>
          <button type="button" ref={closeRef} onClick={onClose}>
            {t('gallery.close')}
          </button>
        </div>
        <div className="ap-dialog-body">
          {content.state === 'loading' && <p>{t('gallery.loading')}</p>}
          {content.state === 'error' && <p role="alert">{content.error}</p>}
          {content.state === 'image' && <img src={content.src} alt={title} />}
          {content.state === 'text' && <pre>{content.text}</pre>}
          <p className="ap-gallery-meta">{t('gallery.hash', { hash: item.sha256 })}</p>
        </div>
        <div className="ap-dialog-note">
          <label htmlFor={noteId}>{t('gallery.note')}</label>
          <textarea id={noteId} value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
          <div className="ap-gallery-actions">
            <button type="button" onClick={() => void saveNote()}>
              {t('gallery.noteSave')}
            </button>
            <span role="status" aria-live="polite" className="ap-gallery-meta">
              {noteStatus}
            </span>
          </div>
        </div>
      </div>
    </div>
  );
}
