import { findScrollContainer, isScrollable, messageBreaks } from '@/utils/evidence/container';
import { orderFromHash, productUrlForOrder } from '@/utils/evidence/product';

// happy-dom has no layout: give elements the sizes a browser would
function size(el: Element, s: { scrollHeight: number; clientHeight: number; clientWidth?: number }) {
  Object.defineProperty(el, 'scrollHeight', { value: s.scrollHeight, configurable: true });
  Object.defineProperty(el, 'clientHeight', { value: s.clientHeight, configurable: true });
  Object.defineProperty(el, 'clientWidth', { value: s.clientWidth ?? 600, configurable: true });
}

describe('finding the conversation', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <div id="side" style="overflow-y: auto"><div>conversations</div></div>
      <div id="pane" style="overflow-y: auto"><div id="list"><div>a</div><div>b</div></div></div>
      <div id="clipped" style="overflow: hidden"></div>`;
  });

  it('a candidate counts only when it really scrolls (content taller, overflow auto/scroll)', () => {
    const pane = document.getElementById('pane')!;
    size(pane, { scrollHeight: 5_000, clientHeight: 500 });
    size(document.getElementById('clipped')!, { scrollHeight: 5_000, clientHeight: 500 });
    expect(isScrollable(pane)).toBe(true);
    expect(isScrollable(document.getElementById('clipped')!)).toBe(false);
    size(pane, { scrollHeight: 500, clientHeight: 500 });
    expect(isScrollable(pane)).toBe(false);
  });

  it('takes the first scrolling candidate, or the scrolling parent of a candidate list', () => {
    const pane = document.getElementById('pane')!;
    const side = document.getElementById('side')!;
    size(pane, { scrollHeight: 5_000, clientHeight: 500 });
    size(side, { scrollHeight: 3_000, clientHeight: 800, clientWidth: 200 });
    expect(findScrollContainer(document, [document.getElementById('list')!])).toBe(pane);
    expect(findScrollContainer(document, [side, pane])).toBe(side);
  });

  it('without candidates: the largest scrolling element; none: null (the user picks)', () => {
    const pane = document.getElementById('pane')!;
    const side = document.getElementById('side')!;
    size(pane, { scrollHeight: 5_000, clientHeight: 500, clientWidth: 800 });
    size(side, { scrollHeight: 3_000, clientHeight: 400, clientWidth: 200 });
    expect(findScrollContainer(document, [])).toBe(pane);
    expect(findScrollContainer(document, [], (el) => el === pane)).toBe(side);
    size(pane, { scrollHeight: 500, clientHeight: 500 });
    size(side, { scrollHeight: 400, clientHeight: 400 });
    expect(findScrollContainer(document, [])).toBeNull();
  });

  it('message breaks are the bottoms of the rows inside a single list wrapper', () => {
    const pane = document.getElementById('pane')!;
    const rows = pane.querySelectorAll('#list > div');
    const rect = (top: number, bottom: number) => ({ top, bottom, left: 0, right: 0, width: 0, height: bottom - top, x: 0, y: top, toJSON: () => ({}) });
    pane.getBoundingClientRect = () => rect(100, 600) as DOMRect;
    rows[0].getBoundingClientRect = () => rect(110, 150) as DOMRect;
    rows[1].getBoundingClientRect = () => rect(150, 230) as DOMRect;
    expect(messageBreaks(pane)).toEqual([50, 130]);
  });
});

describe('product pages', () => {
  it('reads the order from #aliproof-order=<id> and makes such an address', () => {
    expect(orderFromHash('#aliproof-order=8212313961591322')).toBe('8212313961591322');
    expect(orderFromHash('#x=1&aliproof-order=8212313961591322')).toBe('8212313961591322');
    expect(orderFromHash('#aliproof-order=82123<img>')).toBeUndefined();
    expect(orderFromHash('')).toBeUndefined();
    expect(productUrlForOrder('https://www.aliexpress.com/item/1005001234567890.html#reviews', '8212313961591322')).toBe(
      'https://www.aliexpress.com/item/1005001234567890.html#aliproof-order=8212313961591322',
    );
  });
});
