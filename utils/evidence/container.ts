// Finding the element that scrolls the conversation. The reader knows likely candidates
// (chatScrollCandidates); layout decides: it must actually scroll. Failing that, the largest element
// that scrolls; failing that, the user picks it (pick.ts).

const MIN_WIDTH = 150;
const MIN_HEIGHT = 120;

/** true when the element scrolls vertically: content taller than its box and overflow auto/scroll. */
export function isScrollable(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  if (el.scrollHeight <= el.clientHeight + 1) return false;
  const oy = view.getComputedStyle(el).overflowY;
  return oy === 'auto' || oy === 'scroll' || oy === 'overlay';
}

const area = (el: Element) => el.clientWidth * el.clientHeight;

/** The largest scrollable element of a document big enough to be a conversation, or null. */
export function largestScrollable(doc: Document, ignore: (el: Element) => boolean = () => false): Element | null {
  let best: Element | null = null;
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (ignore(el) || el.clientWidth < MIN_WIDTH || el.clientHeight < MIN_HEIGHT) continue;
    if (!isScrollable(el)) continue;
    if (!best || area(el) > area(best)) best = el;
  }
  return best;
}

/** The conversation's scroll container: the first candidate that scrolls, else the largest scrollable element. */
export function findScrollContainer(doc: Document, candidates: Element[], ignore?: (el: Element) => boolean): Element | null {
  for (const c of candidates) {
    if (isScrollable(c)) return c;
    // the reader may name the list; its scrolling parent is what we want
    for (let p = c.parentElement; p && p !== doc.body; p = p.parentElement) if (isScrollable(p)) return p;
  }
  return largestScrollable(doc, ignore);
}

/** The nearest scrollable ancestor-or-self of an element the user pointed at (pick mode snaps to it). */
export function scrollableAncestor(el: Element | null): Element | null {
  for (let p = el; p && p.tagName !== 'BODY' && p.tagName !== 'HTML'; p = p.parentElement) if (isScrollable(p)) return p;
  return null;
}

/**
 * Good places to cut a tall capture: the bottom edge (relative to the container's content top) of each
 * child block of the container's content. Measured on the live page; the clone lays out the same.
 */
export function messageBreaks(container: Element): number[] {
  const top = container.getBoundingClientRect().top - container.scrollTop;
  const breaks: number[] = [];
  const collect = (el: Element, depth: number) => {
    const kids = Array.from(el.children);
    // descend through single wrappers (a list inside the scroller) to the rows
    if (kids.length === 1 && depth < 4) return collect(kids[0], depth + 1);
    for (const k of kids) breaks.push(k.getBoundingClientRect().bottom - top);
  };
  collect(container, 0);
  return breaks;
}
