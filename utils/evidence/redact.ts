// Redacted copies: personal details (names, addresses, phone numbers) covered with solid boxes in the
// CLONE before rendering, never in the stored original. Solid boxes, not blur: blurred small text can
// often be read back. Selectors: reference/aliexpress-pages.md §12.

export const PII_SELECTORS = [
  'div[class^="blurmode--"]',
  'div[class^="logistic-info-v2--shippingToInfo"]',
  'div[class^="ship-to--"]',
  '.order-detail-info-content:has(.contact-info)',
  '.order-detail-info',
  '.contact-info',
  '.order-detail-item-track-info-title',
  'div[class*="my-account--textCenter--"]',
  'div[class*="my-account--avator--"]',
  'span[class*="my-account--small--"][class*="my-account--limitName--"]',
  'div[class^="concat-carrier--text--"]:has(span[class^="concat-carrier--actionText--"])',
  'div.address-detail p',
  '#shipping-section',
] as const;

/** Elements never captured at all (chat-bot pop-up over the page). */
export const HIDDEN_SELECTORS = ['#J_xiaomi_dialog'] as const;

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
