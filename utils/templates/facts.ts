// The facts a message or letter is filled from, taken from one case. Pure. Anything unknown stays
// undefined and the template writes a [placeholder] for the user to fill in.
import { addDays, format } from 'date-fns';
import type { EffectiveOrder } from '../store/effective';
import type { EvidenceKind, EvidenceMeta } from '../evidence/types';
import type { DeadlineKind } from '../types';
import { daysLeft } from '../deadlines/engine';
import { isDeliveredEvent } from '../advice/tracking';
import type { DisputeReason } from '../advice/checklists';

/** The situations AliProof writes messages for. */
export type TemplateReason = 'not-received' | 'not-as-described' | 'damaged' | 'seller-unresponsive';
export const TEMPLATE_REASONS: readonly TemplateReason[] = ['not-received', 'not-as-described', 'damaged', 'seller-unresponsive'];

export function isTemplateReason(v: unknown): v is TemplateReason {
  return typeof v === 'string' && (TEMPLATE_REASONS as readonly string[]).includes(v);
}

/** The checklist's dispute reason as a message situation. */
export function templateReasonFor(reason: DisputeReason | string | undefined): TemplateReason {
  switch (reason) {
    case 'not-as-described':
      return 'not-as-described';
    case 'damaged':
      return 'damaged';
    default:
      return 'not-received'; // not-received, lost-high-value, seller-asks-wait: the parcel is the problem
  }
}

export interface CaptureSummary {
  kind: EvidenceKind;
  /** UTC ISO */
  capturedAt: string;
  images: number;
  /** transcripts: messages */
  messages?: number;
}

export interface TemplateFacts {
  orderId: string;
  store?: string;
  storeUrl?: string;
  items: { title: string; quantity?: number; sku?: string; url?: string }[];
  total?: string;
  paymentMethod?: string;
  placedOn?: string;
  paidOn?: string;
  shippedOn?: string;
  deliveredOn?: string;
  completedOn?: string;
  trackingNumber?: string;
  carrier?: string;
  lastEvent?: { at: string; text: string };
  /** whole days since the last tracking event */
  daysSinceLastEvent?: number;
  /** the newest tracking event says delivered */
  deliveredPerTracking: boolean;
  /** the user says the parcel has not arrived */
  notReceived: boolean;
  /** last safe day per deadline kind: the next one ahead, else the last one that passed */
  deadlines: Partial<Record<DeadlineKind, { closesOn: string; daysLeft: number; estimated: boolean }>>;
  /** one line per capture, oldest first (redacted copies not counted) */
  captures: CaptureSummary[];
  /** today, YYYY-MM-DD (local) */
  today: string;
}

const ymd = (d: Date) => format(d, 'yyyy-MM-dd');

export function templateFacts(entry: EffectiveOrder, evidence: readonly EvidenceMeta[], now: Date): TemplateFacts {
  const o = entry.order;
  const latest = o.tracking?.events[0];
  const deadlines: TemplateFacts['deadlines'] = {};
  const sorted = [...o.deadlines].sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  for (const d of sorted) {
    const left = daysLeft(d.closesOn, now);
    const prev = deadlines[d.kind];
    // keep the earliest deadline still ahead; else the latest that passed
    if (!prev || (prev.daysLeft < 0 && left >= 0) || (prev.daysLeft < 0 && left < 0 && left > prev.daysLeft)) {
      deadlines[d.kind] = { closesOn: d.closesOn, daysLeft: left, estimated: d.estimated };
    }
  }

  const byCapture = new Map<string, EvidenceMeta[]>();
  for (const m of evidence) {
    if (m.derivedFrom || (m.orderId && m.orderId !== entry.orderId)) continue;
    byCapture.set(m.captureId, [...(byCapture.get(m.captureId) ?? []), m]);
  }
  const captures: CaptureSummary[] = [...byCapture.values()]
    .map((items) => {
      const images = items.filter((m) => m.mime.startsWith('image/'));
      const transcript = items.find((m) => m.kind === 'transcript');
      const first = images[0] ?? items[0];
      return {
        kind: first.kind,
        capturedAt: first.capturedAt,
        images: images.length,
        ...(transcript ? { messages: transcript.messages ?? 0 } : {}),
      };
    })
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));

  const since = latest ? -daysLeft(latest.at.slice(0, 10), now) : undefined;
  return {
    orderId: entry.orderId,
    store: o.store?.name,
    storeUrl: o.store?.url,
    items: o.items.map((i) => ({ title: i.title, quantity: i.quantity, sku: i.sku, url: i.url })),
    total: o.total?.text,
    paymentMethod: o.paymentMethod,
    placedOn: o.placedOn,
    paidOn: o.paidOn,
    shippedOn: o.shippedOn,
    deliveredOn: o.deliveredOn,
    completedOn: o.completedOn,
    trackingNumber: o.tracking?.number,
    carrier: o.tracking?.carrier,
    lastEvent: latest ? { at: latest.at, text: [latest.title, latest.text].filter(Boolean).join(' — ') } : undefined,
    daysSinceLastEvent: since !== undefined && !Number.isNaN(since) ? since : undefined,
    deliveredPerTracking: !!latest && isDeliveredEvent(latest),
    notReceived: entry.notReceived,
    deadlines,
    captures,
    today: ymd(now),
  };
}

/** The deadline that matters for a situation: the reason's own kind, else the nearest ahead. */
export function relevantDeadline(facts: TemplateFacts, reason: TemplateReason): { kind: DeadlineKind; closesOn: string; daysLeft: number } | undefined {
  const kinds: DeadlineKind[] =
    reason === 'not-received'
      ? ['not-received']
      : reason === 'not-as-described'
        ? ['not-as-described', 'after-delivery']
        : reason === 'damaged'
          ? ['after-delivery', 'not-as-described']
          : ['not-received', 'after-delivery', 'not-as-described'];
  const found = kinds
    .map((k) => (facts.deadlines[k] ? { kind: k, ...facts.deadlines[k]! } : undefined))
    .filter((d): d is NonNullable<typeof d> => !!d && d.daysLeft >= 0)
    .sort((a, b) => a.daysLeft - b.daysLeft);
  return found[0];
}

/** The day to ask the seller to answer by: three days from today, sooner when the deadline is near. */
export function replyByDate(facts: TemplateFacts, reason: TemplateReason): string {
  const today = new Date(`${facts.today}T12:00:00`);
  const inThree = ymd(addDays(today, 3));
  const deadline = relevantDeadline(facts, reason);
  if (!deadline) return inThree;
  const dayBefore = ymd(addDays(new Date(`${deadline.closesOn}T12:00:00`), -1));
  const pick = dayBefore < inThree ? dayBefore : inThree;
  return pick < facts.today ? facts.today : pick;
}
