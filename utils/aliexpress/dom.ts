// Small DOM helpers for readers. Readers receive a Document from a real browser, linkedom (read-page)
// or happy-dom (tests), so only the common DOM API is used (textContent, not innerText).
import { normaliseText } from './labels';
import { pageFromUrl } from './urls';

export type Root = Document | Element;

export function $(root: Root | null | undefined, css: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(css);
  } catch {
    return null;
  }
}

export function $$(root: Root | null | undefined, css: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(css));
  } catch {
    return [];
  }
}

/** Visible-ish text of a node, spaces folded. */
export function text(node: Node | null | undefined): string {
  return normaliseText(node?.textContent ?? '');
}

/**
 * Text of a node with a space at every element boundary, so that React markup without whitespace
 * between tags ("<span>Tracking number</span><span>SWX1…</span><span>Copy</span>") reads as words.
 * No space is left before punctuation ("Sep 3<b>,</b> 2026").
 */
export function spacedText(node: Node | null | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName?.toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'template') continue;
        parts.push(' ');
        walk(c);
        parts.push(' ');
      }
    }
  };
  walk(node);
  return normaliseText(parts.join('')).replace(/\s+([,.;:!?，。：；！？)\]])/g, '$1').replace(/([(\[])\s+/g, '$1');
}

/** Text of the first match of any of the selectors, in order. */
export function textOf(root: Root | null | undefined, ...selectors: string[]): string {
  for (const css of selectors) {
    const t = text($(root, css));
    if (t) return t;
  }
  return '';
}

export function attr(node: Element | null | undefined, name: string): string | undefined {
  const v = node?.getAttribute(name);
  return v == null ? undefined : v;
}

/**
 * The address a page was saved from: the browser's "saved from url=" comment, the canonical link or
 * og:url. The one that names an AliExpress page with an order id wins (canonical links may drop the query).
 */
export function savedUrl(doc: Document, rawHtml?: string): string | undefined {
  const comment = rawHtml ? /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(rawHtml)?.[1] : undefined;
  const candidates = [comment, attr($(doc, 'link[rel="canonical"]'), 'href'), attr($(doc, 'meta[property="og:url"]'), 'content')].filter(
    (u): u is string => !!u,
  );
  return (
    candidates.find((u) => pageFromUrl(u).orderId) ??
    candidates.find((u) => pageFromUrl(u).kind !== 'unknown') ??
    candidates[0]
  );
}

/** Run `fn` for each item, collecting results; an item that throws becomes a problem, not a crash. */
export function eachSafely<T, R>(items: T[], fn: (item: T, i: number) => R | undefined, problems: string[], what: string): R[] {
  const out: R[] = [];
  items.forEach((item, i) => {
    try {
      const r = fn(item, i);
      if (r !== undefined) out.push(r);
    } catch (e) {
      problems.push(`could not read ${what} ${i + 1}: ${(e as Error)?.message ?? e}`);
    }
  });
  return out;
}
