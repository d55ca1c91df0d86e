// The strip stamped on top of every captured image: what page, when (local and UTC), which order, which
// part. English and ISO times on purpose: the image goes to AliExpress agents and card issuers.
import type { EvidenceKind } from './types';

export interface HeaderInfo {
  url: string;
  capturedAt: Date;
  orderId?: string;
  kind: EvidenceKind;
  part: { index: number; count: number };
  /** minutes, as Date#getTimezoneOffset (UTC - local); defaults to the capture time's own offset */
  tzOffsetMinutes?: number;
  /** IANA zone name, e.g. Asia/Seoul */
  timeZone?: string;
  redacted?: boolean;
}

const pad = (n: number, w = 2) => String(Math.trunc(n)).padStart(w, '0');

/** 'UTC+09:00' for a getTimezoneOffset() value of -540 */
export function utcOffsetText(tzOffsetMinutes: number): string {
  const east = -tzOffsetMinutes;
  const sign = east >= 0 ? '+' : '-';
  const a = Math.abs(east);
  return `UTC${sign}${pad(a / 60)}:${pad(a % 60)}`;
}

/** 'YYYY-MM-DD HH:mm:ss' in local time, given the offset (so tests do not depend on the machine's zone). */
export function localTimeText(at: Date, tzOffsetMinutes = at.getTimezoneOffset()): string {
  const d = new Date(at.getTime() - tzOffsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 'YYYY-MM-DD HH:mm:ss UTC' */
export function utcTimeText(at: Date): string {
  return at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

const KIND_TEXT: Record<EvidenceKind, string> = {
  chat: 'Seller chat',
  tracking: 'Tracking page',
  'order-detail': 'Order page',
  'product-page': 'Product page (listing)',
  transcript: 'Chat transcript',
};

/** The capture time as one line: local time with its offset and zone, then UTC. */
export function timeLine(at: Date, tzOffsetMinutes = at.getTimezoneOffset(), timeZone?: string): string {
  const zone = timeZone ? `, ${timeZone}` : '';
  return `${localTimeText(at, tzOffsetMinutes)} local (${utcOffsetText(tzOffsetMinutes)}${zone}) = ${utcTimeText(at)}`;
}

/** Three lines: what and which part; the address; when. */
export function headerLines(info: HeaderInfo): string[] {
  const order = info.orderId ? `Order ${info.orderId}` : 'Order not named on the page';
  const redacted = info.redacted ? ' · REDACTED COPY (personal details hidden)' : '';
  return [
    `AliProof capture · ${KIND_TEXT[info.kind]} · ${order} · part ${info.part.index}/${info.part.count}${redacted}`,
    `Page: ${info.url}`,
    `Captured: ${timeLine(info.capturedAt, info.tzOffsetMinutes, info.timeZone)}`,
  ];
}

export const HEADER_LINE_HEIGHT = 18;
export const HEADER_PADDING = 8;
export const HEADER_HEIGHT = HEADER_PADDING * 2 + HEADER_LINE_HEIGHT * 3;

/** Shorten text to fit `maxWidth` by cutting its middle (addresses keep their start and their end). */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  let keep = text.length;
  while (keep > 8) {
    keep = Math.floor(keep * 0.9);
    const head = Math.ceil(keep * 0.6);
    const candidate = `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
    if (measure(candidate) <= maxWidth) return candidate;
  }
  return text.slice(0, 8) + '…';
}

/** Paint the header strip at the top of `ctx` (already sized), in CSS px times `scale`. */
export function drawHeader(ctx: CanvasRenderingContext2D, lines: string[], widthCss: number, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff7d6';
  ctx.fillRect(0, 0, widthCss, HEADER_HEIGHT);
  ctx.fillStyle = '#8a6d00';
  ctx.fillRect(0, HEADER_HEIGHT - 1, widthCss, 1);
  ctx.fillStyle = '#1f2328';
  ctx.font = '12px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace';
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    const text = fitText(line, widthCss - HEADER_PADDING * 2, (s) => ctx.measureText(s).width);
    ctx.fillText(text, HEADER_PADDING, HEADER_PADDING + i * HEADER_LINE_HEIGHT + 2);
  });
  ctx.restore();
}
