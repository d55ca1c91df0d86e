// Redacted copies: personal details (names, addresses, phone numbers) covered with solid boxes in the
// CLONE before rendering, never in the stored original. Solid boxes, not blur: blurred small text can
// often be read back. Selectors: utils/aliexpress/capture-selectors.ts (reference §12).
import { CAPTURE_SELECTORS, PII_SELECTORS as PII } from '../aliexpress/capture-selectors';

export const PII_SELECTORS = Object.values(PII).map((d) => d.css);

/** Elements never captured at all (chat-bot pop-up over the page). */
export const HIDDEN_SELECTORS = [CAPTURE_SELECTORS.chatBot.css];

/** The outermost elements matching the PII selectors (a selector the browser does not know is skipped). */
export function findPii(root: ParentNode): Element[] {
  const found = new Set<Element>();
  for (const s of PII_SELECTORS) {
    try {
      root.querySelectorAll(s).forEach((el) => found.add(el));
    } catch {
      /* e.g. :has() in an older browser */
    }
  }
  return [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
}

/** Cover every PII element of a cloned document; returns how many were covered. */
export function redactClone(doc: Document): number {
  const targets = findPii(doc);
  for (const el of targets) {
    const s = (el as HTMLElement).style;
    if (!s) continue;
    s.setProperty('background', '#4b5563', 'important');
    s.setProperty('color', 'transparent', 'important');
    s.setProperty('text-shadow', 'none', 'important');
    s.setProperty('-webkit-text-fill-color', 'transparent', 'important');
    el.querySelectorAll('*').forEach((child) => (child as HTMLElement).style?.setProperty('visibility', 'hidden', 'important'));
  }
  return targets.length;
}

export function hideUnwanted(doc: Document): void {
  for (const s of HIDDEN_SELECTORS) doc.querySelectorAll(s).forEach((el) => (el as HTMLElement).style?.setProperty('display', 'none', 'important'));
}
