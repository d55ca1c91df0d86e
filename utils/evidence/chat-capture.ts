// Capturing a seller chat: find the conversation's scroll container (the reader's candidates, filtered
// by layout; else the largest scrolling element; else the user picks it), render all of it, and save a
// text transcript of the messages beside the images.
import { readDocument } from '../aliexpress';
import { chatScrollCandidates, oneLook } from '../aliexpress/chat';
import { pageFromUrl } from '../aliexpress/urls';
import type { PageReading } from '../types';
import { isAliProofElement, runCapture, type CaptureOptions, type CaptureOutcome } from './client';
import { findScrollContainer } from './container';
import { pickElement } from './pick';
import { formatTranscript } from './transcript';

function safeRead(doc: Document, url: string, now: Date): PageReading {
  try {
    return readDocument(doc, { url, now });
  } catch (e) {
    return { kind: 'unknown', orders: [], problems: [`the page could not be read (${(e as Error)?.message ?? e})`] };
  }
}

/** The conversation's scroll container, or null when the user has to pick it. */
export function findChatContainer(doc: Document, now?: Date): Element | null {
  let candidates: Element[] = [];
  try {
    candidates = chatScrollCandidates(doc, now);
  } catch {
    /* the reader found nothing: layout decides */
  }
  return findScrollContainer(doc, candidates, isAliProofElement);
}

/** The whole conversation: every message as images (split into parts) plus a text transcript. */
export async function captureChat(doc: Document, opts: CaptureOptions = {}): Promise<CaptureOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const url = doc.defaultView?.location.href ?? '';
  const now = opts.now?.() ?? new Date();
  progress({ stage: 'finding' });
  // one look at the page for both: the reader and the container search share the message list
  const found = oneLook(doc, now, () => ({ reading: opts.reading ?? safeRead(doc, url, now), container: opts.container ?? findChatContainer(doc, now) }));
  const reading = found.reading;
  let container = found.container;
  if (!container) {
    progress({ stage: 'picking' });
    container = await pickElement(doc, { hint: opts.pickHint ?? 'Click the conversation to capture it (Esc cancels)', ignore: isAliProofElement });
    if (!container) return { ok: false, cancelled: true, kind: 'chat', saved: [], parts: 0, problems: [] };
  }
  const chat = reading.chat;
  const orderId = opts.orderId ?? chat?.orderId ?? pageFromUrl(url).orderId;
  const target = container;
  return runCapture({
    kind: 'chat',
    doc,
    url,
    now,
    orderId,
    opts,
    container: target,
    readProblems: reading.problems,
    transcript: (images, problems) => ({
      text: formatTranscript(chat, { url, capturedAt: now, orderId, images, problems, timeZone: timeZone() }, (target as HTMLElement).innerText ?? target.textContent ?? ''),
      messages: chat?.messages.length ?? 0,
    }),
  });
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
