// Where badges go on the order list: every card with its order id, and cards already badged skipped.
import { listAnchors } from '@/utils/aliexpress/anchors';
import { fixtureDoc } from '../helpers/fixtures';

describe('list anchors', () => {
  it('finds every card of the current and the old list with its order id', () => {
    const current = listAnchors(fixtureDoc('list-2026-en-more.html'));
    expect(current.length).toBeGreaterThan(1);
    expect(current.every((a) => /^\d{6,}$/.test(a.orderId) && a.card.contains(a.place))).toBe(true);
    const old = listAnchors(fixtureDoc('list-old-trade.html'));
    expect(old.length).toBeGreaterThan(0);
  });

  it('leaves out the cards it is told to skip, before reading them', () => {
    const doc = fixtureDoc('list-2026-en-more.html');
    const all = listAnchors(doc);
    const badged = new Set(all.slice(0, 2).map((a) => a.card));
    const asked: Element[] = [];
    const fresh = listAnchors(doc, (card) => {
      asked.push(card);
      return badged.has(card);
    });
    expect(fresh.map((a) => a.orderId)).toEqual(all.slice(2).map((a) => a.orderId));
    expect(asked.length).toBe(all.length);
  });
});
