// Where badges go on the order list: every card with its order id, and cards already badged skipped.
import { listAnchors, listCards } from '@/utils/aliexpress/anchors';
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

  it('lists the cards in page order, looking each up only when it is asked for', () => {
    const doc = fixtureDoc('list-2026-en-more.html');
    const all = [...doc.querySelectorAll('.order-item')];
    expect(all.length).toBeGreaterThan(2);
    const byClass = vi.spyOn(doc, 'getElementsByClassName');
    const searched = vi.spyOn(doc, 'querySelectorAll');
    const cards = listCards(doc)[Symbol.iterator]();
    expect(byClass).not.toHaveBeenCalled(); // nothing looked up until the first card is asked for
    expect(cards.next().value).toBe(all[0]);
    expect(cards.next().value).toBe(all[1]);
    expect(searched).not.toHaveBeenCalled(); // the whole tree was not searched for two cards
    const rest: Element[] = [];
    for (let r = cards.next(); !r.done; r = cards.next()) rest.push(r.value);
    expect(rest.length).toBe(all.length - 2);
    expect(rest.every((card, i) => card === all[i + 2])).toBe(true);
    // the old layout: its cards are listed the same way
    const old = fixtureDoc('list-old-trade.html');
    const oldCards = [...old.querySelectorAll('#buyer-ordertable tbody.order-item-wraper')];
    const listed = [...listCards(old)];
    expect(oldCards.length).toBeGreaterThan(0);
    expect(listed.length === oldCards.length && listed.every((card, i) => card === oldCards[i])).toBe(true);
  });
});
