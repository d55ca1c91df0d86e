// One order's story in time order: the order's own dates, what AliProof saw on the pages and when,
// tracking events, what tracking said at each tracking capture, the captures themselves and the last
// safe days. Pure: the case page, the report and the card-company letter all render these entries.
import type { CaseRecord } from '../cases/case-store';
import type { EffectiveOrder } from '../store/effective';
import { DATE_FACTS } from '../store/effective';
import { formatDate, kindMsg, tm, type Lang, type Msg } from '../i18n';
import type { EvidenceMeta, TrackingHistoryEntry } from '../evidence/types';
import { trackingHistoryFrom } from '../evidence/evidence-index';
import type { TrackingEvent } from '../types';
import { localTimeText, utcOffsetText } from '../evidence/header';

export type TimelineKind = 'order-date' | 'fact-seen' | 'tracking-event' | 'tracking-capture' | 'capture' | 'deadline';

/** How an entry's time is shown: a calendar day, a page's own local time (no zone), or a UTC instant. */
export type TimelineWhen = { date: string } | { local: string } | { instant: string };

export interface TimelineEntry {
  kind: TimelineKind;
  when: TimelineWhen;
  /** local 'YYYY-MM-DD HH:mm:ss' for sorting; calendar days sort at the start of their day */
  sortKey: string;
  message: Msg;
  /** text as shown on the page (untrusted: escape when rendering) */
  detail?: string;
  /** where a fact came from */
  source?: 'page' | 'user';
  /** the day AliProof first saw this fact (UTC ISO) */
  firstSeen?: string;
  /** the evidence items behind this entry */
  evidenceIds?: string[];
  /** deadlines: still ahead of `now` */
  future?: boolean;
}

export interface TimelineInput {
  entry: EffectiveOrder;
  record?: CaseRecord;
  evidence: readonly EvidenceMeta[];
  now: Date;
  /** minutes, as Date#getTimezoneOffset (for sorting instants among local page times) */
  tzOffsetMinutes?: number;
}

const FACT_LABEL_KEYS = {
  placedOn: 'timeline.placedOn',
  paidOn: 'timeline.paidOn',
  shippedOn: 'timeline.shippedOn',
  deliveredOn: 'timeline.deliveredOn',
  completedOn: 'timeline.completedOn',
} as const;

/** Facts whose first sighting is worth a line of its own (dates have their own lines; tracking has events). */
const SEEN_FACT_KEYS: Record<string, Msg['key']> = {
  status: 'fact.status',
  statusText: 'timeline.seen.statusText',
  total: 'timeline.seen.total',
  paymentMethod: 'fact.paymentMethod',
  trackingNumber: 'timeline.seen.trackingNumber',
  carrier: 'timeline.seen.carrier',
  eta: 'timeline.seen.eta',
};

const KIND_ORDER: Record<TimelineKind, number> = {
  'order-date': 0,
  'fact-seen': 1,
  'tracking-event': 2,
  'tracking-capture': 3,
  capture: 4,
  deadline: 5,
};

function sortKeyOf(when: TimelineWhen, tzOffsetMinutes: number | undefined): string {
  if ('date' in when) return `${when.date} 00:00:00`;
  if ('local' in when) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(when.local);
    return m ? `${m[1]} ${m[2]}:${m[3] ?? '00'}` : when.local;
  }
  const at = new Date(when.instant);
  return Number.isNaN(at.getTime()) ? when.instant : localTimeText(at, tzOffsetMinutes ?? at.getTimezoneOffset());
}

const eventText = (e: TrackingEvent) => [e.title, e.text, e.location].filter(Boolean).join(' · ');
const eventKey = (e: TrackingEvent) => `${e.at}|${e.text}`;

/** The evidence kind's words for a capture line. */
const CAPTURE_KEYS = {
  chat: 'gallery.kind.chat',
  tracking: 'gallery.kind.tracking',
  'order-detail': 'gallery.kind.order-detail',
  'product-page': 'gallery.kind.product-page',
  transcript: 'gallery.kind.transcript',
} as const;

export function buildTimeline({ entry, record, evidence, now, tzOffsetMinutes }: TimelineInput): TimelineEntry[] {
  const out: Omit<TimelineEntry, 'sortKey'>[] = [];
  const o = entry.order;

  for (const key of DATE_FACTS) {
    const value = o[key];
    if (!value) continue;
    out.push({
      kind: 'order-date',
      when: { date: value },
      message: { key: FACT_LABEL_KEYS[key] },
      source: entry.sources[key] ?? 'page',
      ...(record?.seen[key] && entry.sources[key] !== 'user' ? { firstSeen: record.seen[key].firstSeen } : {}),
    });
  }

  for (const [key, seen] of Object.entries(record?.seen ?? {})) {
    const label = SEEN_FACT_KEYS[key];
    const isNote = key.startsWith('note:');
    if (!label && !isNote) continue;
    out.push({
      kind: 'fact-seen',
      when: { instant: seen.firstSeen },
      message: isNote ? { key: 'timeline.seen.note' } : { key: 'timeline.seen', vars: { fact: { key: label } } },
      detail: isNote ? key.slice(5) : seen.value,
      source: 'page',
      firstSeen: seen.firstSeen,
    });
  }

  // tracking events: what the order shows now, plus any older event only a snapshot still has
  const history: TrackingHistoryEntry[] = trackingHistoryFrom([...evidence], entry.orderId);
  const events = new Map<string, TrackingEvent>();
  for (const e of o.tracking?.events ?? []) events.set(eventKey(e), e);
  for (const h of history) for (const e of h.snapshot.tracking.events) if (!events.has(eventKey(e))) events.set(eventKey(e), e);
  for (const e of events.values()) {
    out.push({ kind: 'tracking-event', when: { local: e.at }, message: { key: 'timeline.trackingEvent' }, detail: eventText(e) });
  }

  let previousLatest: string | undefined;
  for (const h of history) {
    const latest = h.snapshot.tracking.events[0];
    const latestKey = latest ? eventKey(latest) : '';
    const unchanged = previousLatest !== undefined && latestKey === previousLatest && !!latest;
    previousLatest = latestKey;
    const n = h.snapshot.tracking.events.length;
    out.push({
      kind: 'tracking-capture',
      when: { instant: h.capturedAt },
      message: latest
        ? {
            key: unchanged ? 'timeline.trackingCaptureSame' : 'timeline.trackingCapture',
            vars: { n, date: { date: latest.at.slice(0, 10) } },
          }
        : { key: 'timeline.trackingCaptureEmpty' },
      ...(latest ? { detail: eventText(latest) } : {}),
      evidenceIds: [h.evidenceId],
    });
  }

  // captures: one line per capture (its images, redacted copies and transcript together)
  const captures = new Map<string, EvidenceMeta[]>();
  for (const m of evidence) {
    if (m.orderId !== entry.orderId) continue;
    captures.set(m.captureId, [...(captures.get(m.captureId) ?? []), m]);
  }
  const trackingCaptures = new Set(history.map((h) => h.captureId));
  for (const [captureId, items] of captures) {
    if (trackingCaptures.has(captureId)) continue; // already a line of its own, with what tracking said
    const originals = items.filter((m) => !m.derivedFrom);
    const images = originals.filter((m) => m.mime.startsWith('image/'));
    const transcript = originals.find((m) => m.kind === 'transcript');
    const first = images[0] ?? originals[0] ?? items[0];
    const what: Msg = { key: CAPTURE_KEYS[first.kind] };
    out.push({
      kind: 'capture',
      when: { instant: first.capturedAt },
      message: transcript
        ? { key: 'timeline.captureChat', vars: { what, n: images.length, m: transcript.messages ?? 0 } }
        : { key: 'timeline.capture', vars: { what, n: images.length } },
      detail: first.url,
      evidenceIds: items.map((m) => m.id),
    });
  }

  const today = localTimeText(now, tzOffsetMinutes ?? now.getTimezoneOffset()).slice(0, 10);
  for (const d of o.deadlines) {
    out.push({
      kind: 'deadline',
      when: { date: d.closesOn },
      message: { key: 'timeline.deadline', vars: { kind: kindMsg(d.kind) } },
      future: d.closesOn >= today,
    });
  }

  return out
    .map((e) => ({ ...e, sortKey: sortKeyOf(e.when, tzOffsetMinutes) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
}

// --- text rendering (letters, plain-text files) ---------------------------------------------

/** An entry's time as text: calendar day in the language, page times as shown, instants in local time. */
export function whenText(when: TimelineWhen, lang: Lang, tzOffsetMinutes?: number): string {
  if ('date' in when) return formatDate(when.date, lang);
  if ('local' in when) return when.local.replace('T', ' ');
  const at = new Date(when.instant);
  if (Number.isNaN(at.getTime())) return when.instant;
  const offset = tzOffsetMinutes ?? at.getTimezoneOffset();
  return `${localTimeText(at, offset).slice(0, 16)} (${utcOffsetText(offset)})`;
}

/** One entry as one line of text: "<when>: <what>[: <detail>]". */
export function timelineText(e: TimelineEntry, lang: Lang, tzOffsetMinutes?: number): string {
  const what = tm(e.message, lang);
  const detail = e.detail ? `: ${e.detail.replace(/\s+/g, ' ').trim()}` : '';
  return `${whenText(e.when, lang, tzOffsetMinutes)} — ${what}${detail}`;
}
