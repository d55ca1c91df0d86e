// Small DOM helpers for readers. Readers receive a Document from a real browser, linkedom (read-page)
// or happy-dom (tests), so only the common DOM API is used (textContent, not innerText).
import { normaliseText } from './labels';

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

/** The saved-from address of a page: canonical link, og:url, or the "saved from url=" comment. */
export function savedUrl(doc: Document, rawHtml?: string): string | undefined {
  const canonical = attr($(doc, 'link[rel="canonical"]'), 'href');
  if (canonical) return canonical;
  const og = attr($(doc, 'meta[property="og:url"]'), 'content');
  if (og) return og;
  const m = rawHtml && /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(rawHtml);
  return m ? m[1] : undefined;
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
