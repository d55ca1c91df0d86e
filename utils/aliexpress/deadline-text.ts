// AliExpress's own deadline sentences (shared/reference/dispute-rules.md §2, P1-P4) recognised in
// page text. English is the verified set (2026 pages and payloads); no other locale was observed,
// so none is guessed here. Coupon promises and "Estimated delivery date" are not deadlines.
import type { PageNote } from '../types';
import { findDates } from './dates';
import { CARD_RE, PAYPAL_RE } from './labels';

export type NoteBase = 'completedOn' | 'placedOn' | 'deliveredOn';

export type NoteDeadline =
  /** P1: an absolute date */
  | { kind: 'not-received'; closesOn: string; basis: string }
  /** P2-P4: N days after one of the order's dates */
  | { kind: 'after-delivery' | 'not-as-described' | 'free-return'; days: number; base: NoteBase; basis: string };

type RelativeKind = Extract<NoteDeadline, { days: number }>['kind'];

// "day"/"days", any run of spaces, optional "the" before "order"/"delivery" (§2 Recognition).
const RELATIVE: { re: RegExp; kind: RelativeKind; base: NoteBase }[] = [
  // P2 "…you can apply for a return/refund within 7 days of confirming receipt."
  { re: /\bwithin\s+(\d{1,3})\s+days?\s+(?:of|after)\s+confirming\s+(?:the\s+)?receipt\b/i, kind: 'after-delivery', base: 'completedOn' },
  // P3 "…you can open a dispute within 90 days after order was placed."
  { re: /\bopen\s+a\s+dispute\s+within\s+(\d{1,3})\s+days?\s+(?:after|of|from)\s+(?:the\s+)?order\s+(?:was\s+|is\s+|has\s+been\s+)?placed\b/i, kind: 'not-as-described', base: 'placedOn' },
  // P4 "Send it back within 15 days after delivery."
  { re: /\bsend\s+(?:it|them|the\s+items?)\s+back\s+within\s+(\d{1,3})\s+days?\s+(?:after|of)\s+(?:the\s+)?delivery\b/i, kind: 'free-return', base: 'deliveredOn' },
];

// P1 "Refund if no delivery before Sep 4, 2026" (also "by"); the date must follow directly.
const NOT_RECEIVED = /\brefund\s+if\s+no\s+delivery\s+(?:before|by)\s*:?\s*/i;
// P1 as a detail progress node: "Refund" followed only by its date.
const REFUND_NODE = /^\s*refund\s*[:·-]?\s*/i;

/** The deadline stated by one sentence, or undefined when it states none. */
export function classifyNote(text: string): NoteDeadline | undefined {
  if (!text) return undefined;
  const basis = text.trim().replace(/\s+/g, ' ');
  const p1 = NOT_RECEIVED.exec(text);
  const node = p1 ? undefined : REFUND_NODE.exec(text);
  // a bare "Refund <date>" node must be only that: "Refund if items damaged" is no deadline
  const closesOn = p1 ? dateAt(text, p1.index + p1[0].length) : node ? dateAt(text, node[0].length, true) : undefined;
  if (closesOn) return { kind: 'not-received', closesOn, basis };
  for (const { re, kind, base } of RELATIVE) {
    const m = re.exec(text);
    if (m) return { kind, days: Number(m[1]), base, basis };
  }
  return undefined;
}

/** Every deadline in a text that may hold several sentences ("… · …", "Order complete.If …"). */
export function classifyNotes(text: string): NoteDeadline[] {
  return splitSentences(text)
    .map(classifyNote)
    .filter((d): d is NoteDeadline => d !== undefined);
}

/**
 * Deadlines of one page note. A progress node may be stored as text "Refund" with its date apart
 * (`.service-progress-node-info`, dispute-rules.md §2 P1).
 */
/** How the list reader words the old layout's buyer-protection countdown (P5); its note carries the date. */
export const PROTECTION_COUNTDOWN = 'Buyer protection countdown';

export function classifyPageNote(note: PageNote): NoteDeadline[] {
  if (note.date && note.text.startsWith(`${PROTECTION_COUNTDOWN}:`)) {
    return [{ kind: 'not-received', closesOn: note.date, basis: note.text }];
  }
  if (note.date && /^\s*refund\s*$/i.test(note.text)) {
    return [{ kind: 'not-received', closesOn: note.date, basis: `Refund ${note.date}` }];
  }
  return classifyNotes(note.text);
}

/**
 * True when a text shows that the order has a delivery guarantee ("Fast delivery" service or item
 * tag, a P1 sentence) — used to warn when no P1 date could be read (dispute-rules.md §3.1).
 */
export function mentionsDeliveryGuarantee(text: string): boolean {
  return /\bfast\s+delivery\b|\bdelivery\s+guarantee|\bguaranteed\s+delivery\b|\bDELIVERY_GUARANTEE\b|\brefund\s+if\s+no\s+delivery\b/i.test(
    text,
  );
}

// Payment methods known not to be a card (no card chargeback). Candidate for labels.ts.
const NOT_CARD_RE = /bank\s+transfer|boleto|\bpix\b|klarna|\bideal\b|sofort|przelewy|blik|qiwi|cash|계좌\s*이체|무통장/i;

/**
 * How an order was paid, from the page's "Payment method" text ("Credit/Debit card", "PayPal").
 * undefined = not shown or not recognised (e.g. a wallet such as Kakao Pay that may charge a card),
 * so the card-chargeback rule is not dropped on a guess.
 */
export function paymentKind(method: string | undefined): 'card' | 'paypal' | 'other' | undefined {
  if (!method || !method.trim()) return undefined;
  if (PAYPAL_RE.test(method)) return 'paypal';
  // Card-backed wallets also allow an issuer chargeback.
  if (CARD_RE.test(method) || /apple\s*pay|google\s*pay/i.test(method)) return 'card';
  if (NOT_CARD_RE.test(method)) return 'other';
  return undefined;
}

/** Sentences of a page text: split on " · ", line breaks and full stops (also "complete.If"). */
export function splitSentences(text: string): string[] {
  if (!text) return [];
  // A full stop ends a sentence only after a word of 2+ lower-case letters and before a capital,
  // so dates like "Sep. 4, 2026", "4. Sep. 2026" and "2026. 9. 4." stay whole.
  return text
    .split(/\s*[·•]\s*|\s*[\r\n]+\s*|(?<=\p{Ll}{2}[.!?])\s*(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The date that starts at `index` (after optional spaces), if any; with `whole`, nothing but
 * punctuation may follow it.
 */
function dateAt(text: string, index: number, whole = false): string | undefined {
  const rest = text.slice(index);
  const first = findDates(rest)[0];
  if (!first || rest.slice(0, first.index).trim() !== '') return undefined;
  if (whole && !/^[\s.,;]*$/.test(rest.slice(first.index + first.raw.length))) return undefined;
  return first.date;
}
