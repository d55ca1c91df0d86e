// Capturing from a tab: load the renderer on demand, send the result to the background, and when saving
// fails hand the user a download instead. Light on purpose (no readers, no React, no html2canvas): the
// always-on order content script imports it; html2canvas arrives only with loadCaptureModule(). The
// chat capture (which needs the chat reader) is in chat-capture.ts.
import { browser } from 'wxt/browser';
import { pageFromUrl } from '../aliexpress/urls';
import { loadScriptModule } from '../load-script';
import type { PageReading } from '../types';
import type { RenderResult } from './capture';
import { CAPTURE_GLOBAL, CAPTURE_SCRIPT, type CaptureModule } from './module';
import { bytesToDataUrl } from './data-url';
import type { DownloadFile } from './download';
import { sha256Hex } from './hash';
import type { EvidenceMessage, EvidenceMeta, EvidenceReply, EvidenceUpload, Failure, PageCaptureKind, TrackingSnapshot } from './types';
import { newId, uploadMessages, uploadSize } from './upload';

/** Load the renderer (html2canvas and the capture code) into this content script, once. */
export const loadCaptureModule = (): Promise<CaptureModule> => loadScriptModule<CaptureModule>(CAPTURE_SCRIPT, CAPTURE_GLOBAL, 'the capture tool');

/** AliProof's own elements (shadow hosts are named aliproof-*) are never captured or picked. */
export const isAliProofElement = (el: Element): boolean => el.tagName.startsWith('ALIPROOF-') || el.hasAttribute('data-aliproof-pick');

export type { CaptureModule } from './module';
export type Send = (msg: EvidenceMessage) => Promise<unknown>;
const sendToBackground: Send = (msg) => browser.runtime.sendMessage(msg);

export const NO_ANSWER = (s: number) =>
  `AliProof's background did not answer within ${s} seconds (the extension may have been updated or restarted). Nothing was saved.`;

/** Send one evidence message and wait at most `timeoutMs` for the answer. Never throws. */
export async function ask<M extends EvidenceMessage>(msg: M, timeoutMs = 20_000, send: Send = sendToBackground): Promise<EvidenceReply<M>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Failure>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: NO_ANSWER(Math.round(timeoutMs / 1000)), code: 'unavailable' }), timeoutMs);
  });
  try {
    const reply = await Promise.race([
      send(msg).then(
        (r) => r ?? ({ ok: false, error: NO_ANSWER(0), code: 'unavailable' } as Failure),
        (e: unknown): Failure => ({ ok: false, error: `AliProof's background could not be reached (${(e as Error)?.message ?? e}). Nothing was saved.`, code: 'unavailable' }),
      ),
      timeout,
    ]);
    return reply as EvidenceReply<M>;
  } finally {
    clearTimeout(timer);
  }
}

export type SaveResult = { ok: true; saved: EvidenceMeta[] } | Failure;

/** How a capture's bytes travel to the background (see EvidenceUpload). */
export type Transport = 'blob' | 'bytes' | 'data-url';

const transports = new WeakMap<Send, Promise<Transport>>();

/**
 * How bytes can travel in runtime messages: where they are structured clones (Chrome 148+ with the
 * manifest's message_serialization; Firefox) as a Blob if Blobs arrive whole, else as they are; where
 * they are JSON (older Chrome) as base64 data URLs. Both questions go to the background at once (a
 * browser that cannot send a Blob fails only the second); asked once per channel, and again when
 * neither got an answer.
 */
export function transportFor(send: Send = sendToBackground): Promise<Transport> {
  let known = transports.get(send);
  if (!known) {
    const probe = () => new Uint8Array([1, 2, 3]);
    known = Promise.all([
      ask({ type: 'message-format', probe: probe() }, 10_000, send),
      ask({ type: 'message-format', blob: new Blob([probe()]) }, 10_000, send),
    ]).then(([bytes, blob]): Transport => {
      if (!bytes.ok && !blob.ok) transports.delete(send);
      return blob.ok && blob.blob === true ? 'blob' : bytes.ok && bytes.bytes === true ? 'bytes' : 'data-url';
    });
    transports.set(send, known);
  }
  return known;
}

/**
 * Save a capture's items. They travel in message-sized slices; the background writes them all in one
 * transaction when the last slice arrives, so a failure anywhere leaves nothing stored. If the last
 * slice got no answer (it may have been written after all), its items are deleted again so the store
 * and what the user was told agree.
 */
export async function saveUploads(
  items: EvidenceUpload[],
  opts: { send?: Send; timeoutMs?: (chars: number) => number; maxChars?: number } = {},
): Promise<SaveResult> {
  const send = opts.send ?? sendToBackground;
  const timeoutFor = opts.timeoutMs ?? ((chars: number) => 20_000 + Math.ceil(chars / 1_000_000) * 2_000);
  const messages = uploadMessages(items, undefined, opts.maxChars);
  for (const [i, msg] of messages.entries()) {
    const chars = msg.items.reduce((n, it) => n + uploadSize(it), 0);
    const reply = await ask(msg, timeoutFor(chars), send);
    const last = i === messages.length - 1;
    if (!reply.ok) {
      if (last && reply.code === 'unavailable') {
        for (const it of items) if (!it.meta.derivedFrom) void ask({ type: 'delete-evidence', id: it.meta.id }, 10_000, send);
      }
      return reply;
    }
    if (last) {
      if ('saved' in reply) return { ok: true, saved: reply.saved };
      return { ok: false, error: 'AliProof could not finish saving this capture. Nothing was saved.', code: 'unavailable' };
    }
  }
  return { ok: false, error: 'There was nothing to save.', code: 'invalid' };
}

export type CaptureStage = 'finding' | 'picking' | 'loading' | 'rendering' | 'saving';
export interface CaptureProgress {
  stage: CaptureStage;
  done?: number;
  total?: number;
}

export interface CaptureOutcome {
  ok: boolean;
  /** the user pressed Escape in pick mode */
  cancelled?: boolean;
  kind: 'chat' | PageCaptureKind;
  orderId?: string;
  saved: EvidenceMeta[];
  /** number of images of the original capture */
  parts: number;
  /** chat: messages in the transcript */
  messages?: number;
  /** plain words, when not ok */
  error?: string;
  /** what kind of failure: the UI words it in the user's language */
  errorCode?: 'quota' | 'unavailable' | 'invalid' | 'not-found' | 'render';
  /** offered when saving failed: the whole capture as one zip */
  download?: { filename: string; blob: Blob };
  problems: string[];
  stats?: RenderResult['stats'] & { saveMs: number; totalBytes: number };
}

export interface CaptureOptions {
  onProgress?: (p: CaptureProgress) => void;
  /** the instruction shown in pick mode */
  pickHint?: string;
  /** also store a redacted copy (default 'auto': when the captured area shows personal details) */
  redact?: boolean | 'auto';
  /** the order this capture belongs to, when the page does not name it */
  orderId?: string;
  /** the page reading, when the caller has one (tracking facts are stored with tracking captures) */
  reading?: PageReading;
  /** chat: the conversation element, when the caller already knows it */
  container?: Element;
  now?: () => Date;
  send?: Send;
  loadModule?: () => Promise<CaptureModule>;
}

const fetchImageVia = (send: Send) => async (url: string) => {
  const r = await ask({ type: 'fetch-image', url }, 20_000, send);
  return r.ok ? r.dataUrl : null;
};

/**
 * The whole page (inner scrollers and the tracking list expanded in the clone). Pass the page reading
 * in `opts.reading`: for tracking pages its tracking facts are stored with the capture, so the case
 * keeps what tracking said and when (trackingHistory).
 */
export async function capturePage(kind: PageCaptureKind, doc: Document, opts: CaptureOptions = {}): Promise<CaptureOutcome> {
  const url = doc.defaultView?.location.href ?? '';
  const now = opts.now?.() ?? new Date();
  opts.onProgress?.({ stage: 'finding' });
  const reading = opts.reading;
  const orderId = opts.orderId ?? pageFromUrl(url).orderId ?? (reading?.orders.length === 1 ? reading.orders[0].orderId : undefined);
  let tracking: TrackingSnapshot | undefined;
  const order = reading?.orders.find((o) => o.orderId === orderId);
  if (kind === 'tracking' && order?.tracking) {
    tracking = { orderId: order.orderId, at: now.toISOString(), status: order.status, statusText: order.statusText, tracking: order.tracking };
  }
  const problems = kind === 'tracking' && !tracking ? ['the tracking facts could not be read from this page; only the images were saved'] : [];
  return runCapture({ kind, doc, url, now, orderId, opts, readProblems: problems, tracking });
}

export interface RunSpec {
  kind: 'chat' | PageCaptureKind;
  doc: Document;
  url: string;
  now: Date;
  orderId?: string;
  opts: CaptureOptions;
  /** chat: the conversation element */
  container?: Element;
  /** chat: the transcript text, made once the number of images is known */
  transcript?: (images: number, problems: string[]) => { text: string; messages: number };
  readProblems?: string[];
  tracking?: TrackingSnapshot;
}

/** Render, then save; on a failed save, offer the download. Never throws. */
export async function runCapture(spec: RunSpec): Promise<CaptureOutcome> {
  const { kind, doc, url, now, orderId, opts, container, transcript, readProblems = [], tracking } = spec;
  const progress = opts.onProgress ?? (() => undefined);
  const send = opts.send ?? sendToBackground;
  const base = { kind, orderId, saved: [] as EvidenceMeta[], parts: 0, problems: [...readProblems] };
  let mod: CaptureModule;
  let rendered: RenderResult;
  // asked while the capture renders: how the bytes will travel
  const transport = transportFor(send);
  try {
    progress({ stage: 'loading' });
    mod = await (opts.loadModule ?? loadCaptureModule)();
    progress({ stage: 'rendering', done: 0 });
    rendered = await mod.renderCapture({
      kind,
      target: container,
      doc,
      url,
      capturedAt: now,
      orderId,
      redact: opts.redact ?? 'auto',
      fetchImage: fetchImageVia(send),
      ignore: isAliProofElement,
      onProgress: (p) => progress({ stage: 'rendering', ...p }),
    });
  } catch (e) {
    return { ...base, ok: false, error: `The capture could not be made: ${(e as Error)?.message ?? e}.`, errorCode: 'render' };
  }
  const problems = [...base.problems, ...rendered.problems];
  const captureId = newId();
  const common = {
    captureId,
    url,
    title: (doc.title || '').slice(0, 2_000),
    capturedAt: now.toISOString(),
    ...(orderId ? { orderId } : {}),
  };
  const uploads: EvidenceUpload[] = [];
  const files: DownloadFile[] = [];
  const ids = rendered.images.map(() => newId());
  const how = await transport;
  const add = async (meta: EvidenceUpload['meta'], blob: Blob, name: string, bytes: Uint8Array) => {
    uploads.push(how === 'blob' ? { blob, meta } : how === 'bytes' ? { bytes, meta } : { dataUrl: bytesToDataUrl(bytes, meta.mime), meta });
    files.push({ name, blob, sha256: meta.sha256 });
  };
  const partName = (i: number, n: number, suffix = '') => `${kind}-part-${i}-of-${n}${suffix}.png`;
  // what every image part and its redacted copy say of themselves
  const imageMeta = (img: (typeof rendered.images)[number], id: string) => ({
    ...common,
    id,
    kind,
    method: rendered.method,
    mime: 'image/png',
    sha256: img.sha256,
    part: img.part,
    width: img.width,
    height: img.height,
    thumb: img.thumb,
  });
  for (const [i, img] of rendered.images.entries()) {
    const meta = { ...imageMeta(img, ids[i]), ...(tracking ? { tracking } : {}), ...(problems.length ? { problems } : {}) };
    await add(meta, img.blob, partName(img.part.index, img.part.count), img.bytes);
  }
  for (const [i, img] of rendered.redacted.entries()) {
    const meta = {
      ...imageMeta(img, newId()),
      derivedFrom: ids[i],
      derivation: 'redacted copy: names, addresses and phone numbers covered (reference §12 selectors)',
    };
    await add(meta, img.blob, partName(img.part.index, img.part.count, '-redacted'), img.bytes);
  }
  let messages: number | undefined;
  if (transcript) {
    const t = transcript(rendered.images.length, problems);
    messages = t.messages;
    const bytes = new TextEncoder().encode(t.text);
    const blob = new Blob([bytes], { type: 'text/plain;charset=utf-8' });
    await add(
      { ...common, id: newId(), kind: 'transcript', method: 'aliproof-chat-reader', mime: 'text/plain', sha256: await sha256Hex(bytes), messages },
      blob,
      'transcript.txt',
      bytes,
    );
  }
  progress({ stage: 'saving' });
  const t0 = performance.now();
  const result = await saveUploads(uploads, { send });
  const totalBytes = files.reduce((n, f) => n + f.blob.size, 0);
  const outcome: CaptureOutcome = {
    ...base,
    parts: rendered.images.length,
    messages,
    problems,
    stats: { ...rendered.stats, saveMs: Math.round(performance.now() - t0), totalBytes },
    ok: result.ok,
    saved: result.ok ? result.saved : [],
  };
  if (!result.ok) {
    outcome.error = result.error;
    outcome.errorCode = result.code ?? 'unavailable';
    const manifest = { tool: 'AliProof', kind, orderId, url, capturedAt: now.toISOString(), method: rendered.method, saveError: result.error, problems };
    try {
      outcome.download = { filename: mod.downloadName(kind, orderId, now), blob: await mod.makeZip(files, manifest) };
    } catch {
      /* the zip failed too: the error still says what happened */
    }
  }
  return outcome;
}
