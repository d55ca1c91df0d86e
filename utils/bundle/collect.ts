// The glue between the case page and buildBundle: lists the order's evidence and reads each item's
// stored bytes from the background (the repository lives in the extension's IndexedDB, owned by the
// background), then hands everything to the pure builder, and saves the result as a download.
import { browser } from 'wxt/browser';
import type { CaseRecord } from '../cases/case-store';
import type { EffectiveOrder } from '../store/effective';
import type { Lang } from '../i18n';
import type { RuleOverrides } from '../deadlines/rules';
import { ask, type Send } from '../evidence/client';
import { base64ToBytes } from '../evidence/data-url';
import type { EvidenceMeta } from '../evidence/types';
import type { TemplateReason } from '../templates';
import { buildBundle, type BundleProgress, type BundleResult } from './build';
import { canvasJpegEncoder } from './jpeg';

export type ExportProgress = BundleProgress | { stage: 'listing'; done: 0; total: 0 };

export interface ExportOptions {
  entry: EffectiveOrder;
  record?: CaseRecord;
  note?: string;
  reason: TemplateReason;
  lang: Lang;
  jpegMaxBytes: number;
  overrides?: RuleOverrides;
  onProgress?: (p: ExportProgress) => void;
  send?: Send;
  now?: Date;
}

/**
 * The bytes of a base64 data URL. Only the short head is checked with a pattern: running one over a
 * multi-megabyte capture froze the page for a noticeable moment; atob rejects bad base64 by itself.
 */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (comma < 0 || comma > 200 || !/^data:[\w.+-]+\/[\w.+-]+(?:;[\w-]+=[\w.-]+)*;base64$/.test(url.slice(0, comma))) {
    throw new Error('the stored capture came back unreadable');
  }
  try {
    return base64ToBytes(url.slice(comma + 1));
  } catch {
    throw new Error('the stored capture came back unreadable');
  }
}

/** A failure the user can read: which step, and why. */
export class ExportError extends Error {}

const canEncodeJpeg = () => typeof createImageBitmap === 'function' && (typeof OffscreenCanvas !== 'undefined' || typeof document !== 'undefined');

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export async function exportCaseBundle(opts: ExportOptions): Promise<BundleResult> {
  const now = opts.now ?? new Date();
  opts.onProgress?.({ stage: 'listing', done: 0, total: 0 });
  const list = await ask({ type: 'list-evidence', orderId: opts.entry.orderId }, 60_000, opts.send);
  if (!list.ok) throw new ExportError(`the list of captures could not be read (${list.error})`);
  const readBytes = async (meta: EvidenceMeta): Promise<Uint8Array> => {
    const r = await ask({ type: 'get-evidence', id: meta.id }, 120_000, opts.send);
    if (!r.ok) throw new Error(r.error);
    return dataUrlBytes(r.dataUrl);
  };
  try {
    return await buildBundle({
      entry: opts.entry,
      record: opts.record,
      evidence: list.items,
      readBytes,
      note: opts.note,
      reason: opts.reason,
      lang: opts.lang,
      jpegMaxBytes: opts.jpegMaxBytes,
      jpeg: canEncodeJpeg() ? canvasJpegEncoder : undefined,
      aliproofVersion: extensionVersion(),
      now,
      tzOffsetMinutes: now.getTimezoneOffset(),
      timeZone: timeZone(),
      overrides: opts.overrides,
      onProgress: opts.onProgress,
    });
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'QuotaExceededError' || /QuotaExceeded|out of memory/i.test(String((e as Error)?.message))) {
      throw new ExportError(`the browser ran out of room while writing the .zip (${(e as Error).message})`);
    }
    throw new ExportError(`the .zip could not be written (${(e as Error)?.message ?? e})`);
  }
}

/** Offer a Blob as a download (an <a download> click: no downloads permission needed). */
export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // the download has started by then; the URL only keeps the bytes alive
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}
