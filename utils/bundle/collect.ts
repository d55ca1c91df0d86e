// The glue between the case page and buildBundle: lists the order's evidence (asking the background,
// which owns the repository) and reads each item's stored bytes, then hands everything to the pure
// builder, and saves the result as a download. The bytes are read straight from the extension's
// IndexedDB: the case page is an extension page, the same origin as the background, and a round trip
// per item through runtime messages (base64 data URLs both ways) was most of a 100-capture export's time.
import { browser } from 'wxt/browser';
import { evidenceRepo } from '../../entrypoints/background/evidence-repo';
import type { CaseRecord } from '../cases/case-store';
import type { EffectiveOrder } from '../store/effective';
import type { Lang } from '../i18n';
import type { RuleOverrides } from '../deadlines/rules';
import { ask, type Send } from '../evidence/client';
import { base64ToBytes } from '../evidence/data-url';
import type { EvidenceMeta } from '../evidence/types';
import type { TemplateReason } from '../templates';
import { buildBundle, type BundleProgress, type BundleResult } from './build';
import { canvasJpegEncoder, workerJpegEncoder } from './jpeg';

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
  /**
   * an item exactly as stored; default: the Blob from the evidence database, or the bytes through the
   * background (`get-evidence`) when `send` is given or this page has no IndexedDB (tests)
   */
  readStored?: (meta: EvidenceMeta) => Promise<Blob | Uint8Array>;
  now?: Date;
}

/**
 * Read-only, from the repository's own database (never written here): the stored Blob itself, which
 * the bundle reads once to hash and then references (its bytes are not copied into the .zip by this page).
 */
export async function readFromRepository(meta: EvidenceMeta): Promise<Blob> {
  const found = await evidenceRepo.get(meta.id);
  if (!found) throw new Error('This capture is no longer stored.');
  return found.blob;
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
  const viaBackground = async (meta: EvidenceMeta): Promise<Uint8Array> => {
    const r = await ask({ type: 'get-evidence', id: meta.id }, 120_000, opts.send);
    if (!r.ok) throw new Error(r.error);
    return dataUrlBytes(r.dataUrl);
  };
  const fromRepository = !opts.readStored && !opts.send && typeof indexedDB !== 'undefined';
  const readBytes = opts.readStored ?? (fromRepository ? readFromRepository : viaBackground);
  // the AliExpress copies the background prepared (upload-copies.ts), read beside the captures
  const readPrepared = fromRepository ? (meta: EvidenceMeta) => evidenceRepo.preparedCopies(meta.id) : undefined;
  // JPEG copies are made in a worker where one can run (off this page's thread), else on this page
  const workerJpeg = canEncodeJpeg() && typeof Worker === 'function' ? workerJpegEncoder() : undefined;
  const jpeg = workerJpeg ?? (canEncodeJpeg() ? canvasJpegEncoder : undefined);
  try {
    return await buildBundle({
      entry: opts.entry,
      record: opts.record,
      evidence: list.items,
      readStored: readBytes,
      readPrepared,
      note: opts.note,
      reason: opts.reason,
      lang: opts.lang,
      jpegMaxBytes: opts.jpegMaxBytes,
      jpeg,
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
  } finally {
    workerJpeg?.stop();
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
