// The text transcript saved beside chat images: one block per message (number, sender, time, text).
// Message text is indented so nothing a seller writes can look like the start of another message.
import type { ChatMessage, ChatReading } from '../types';
import { timeLine } from './header';

export interface TranscriptInfo {
  url: string;
  capturedAt: Date;
  orderId?: string;
  tzOffsetMinutes?: number;
  timeZone?: string;
  /** number of images of the capture */
  images: number;
  problems?: string[];
}

const SENDER_TEXT: Record<ChatMessage['sender'], string> = {
  buyer: 'buyer (you)',
  seller: 'seller',
  system: 'AliExpress (system message)',
  unknown: 'sender not recognised',
};

const indent = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => `    ${l}`.trimEnd())
    .join('\n');

/** One message as a block: "#12  seller (Store)  2026-04-29T10:12 [shown: Apr 29 10:12]" + indented text. */
export function formatMessage(m: ChatMessage, n: number): string {
  const who = SENDER_TEXT[m.sender] + (m.senderName ? ` (${oneLine(m.senderName)})` : '');
  const when = m.at ? `  ${m.at}` : '';
  const shown = m.timeText && m.timeText !== m.at ? `  [shown: ${oneLine(m.timeText)}]` : '';
  return `#${n}  ${who}${when}${shown}\n${indent(m.text || '(no text: an image, sticker or card)')}`;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function formatTranscript(chat: ChatReading | undefined, info: TranscriptInfo, fallbackText?: string): string {
  const messages = chat?.messages ?? [];
  const head = [
    'AliProof chat transcript',
    `Page: ${info.url}`,
    `Captured: ${timeLine(info.capturedAt, info.tzOffsetMinutes, info.timeZone)}`,
    `Order: ${chat?.orderId ?? info.orderId ?? 'not named on the page'}`,
    ...(chat?.store ? [`Store: ${oneLine(chat.store)}`] : []),
    `Messages: ${messages.length}`,
    `Images: ${info.images} (saved beside this transcript; SHA-256 of each is in its record)`,
    ...(info.problems?.length ? ['Problems:', ...info.problems.map((p) => `  - ${oneLine(p)}`)] : []),
    '',
  ];
  if (messages.length) return [...head, ...messages.map((m, i) => formatMessage(m, i + 1) + '\n')].join('\n');
  return [
    ...head,
    'The messages could not be read one by one. The text of the conversation as shown:',
    '',
    indent(fallbackText?.trim() || '(no text found)'),
    '',
  ].join('\n');
}

/** Message numbers and first text lines back out of a transcript (used by tests and the bundle check). */
export function transcriptMessages(text: string): { n: number; header: string; text: string }[] {
  const out: { n: number; header: string; text: string }[] = [];
  const blocks = text.split(/\n(?=#\d+ {2})/);
  for (const b of blocks) {
    const m = /^#(\d+) {2}([^\n]*)\n?([\s\S]*)$/.exec(b.trim());
    if (!m) continue;
    out.push({ n: Number(m[1]), header: m[2], text: m[3].split('\n').map((l) => l.replace(/^ {4}/, '')).join('\n').trim() });
  }
  return out;
}
