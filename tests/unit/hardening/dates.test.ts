// Impossible dates never become dates. Every full date in every saved page is replaced by an impossible
// one (Feb 30, 31.04, year 0000, 99/99/9999, "yesterday"): the reading then holds exactly the dates it
// holds when those dates are simply absent — no guessed or shifted date anywhere (order facts, page
// notes, tracking events, deadlines) — and an order date that could not be read is named in `problems`.
import { findDates, parseMonthDayTime, resolveTrackingTimes } from '../../../utils/aliexpress/dates';
import { readInputs } from '../../../utils/reading';
import type { PageReading } from '../../../utils/types';
import { fixtureNames, fixtureText, parseHtml } from '../helpers/fixtures';

const NOW = new Date('2026-11-21T12:00:00');
const IMPOSSIBLE = ['Feb 30, 2026', '31.04.2026', '0000-01-01', '99/99/9999', 'yesterday'];

const read = (html: string) => readInputs([{ content: html }], { now: NOW, parseHtml });

/** Every date a reading holds, where it holds it. */
function dates(r: PageReading) {
  return r.orders.map((o) => ({
    id: o.orderId,
    facts: [o.placedOn, o.paidOn, o.shippedOn, o.deliveredOn, o.completedOn, o.tracking?.eta],
    notes: o.pageNotes.map((n) => n.date),
    events: o.tracking?.events.map((e) => e.at),
    deadlines: o.deadlines.map((d) => `${d.kind} ${d.opensOn ?? ''}..${d.closesOn}`),
  }));
}

/** The message times a chat reading holds (which messages are found may change with the text around them). */
const chatTimes = (r: PageReading) => [...new Set((r.chat?.messages ?? []).map((m) => m.at).filter(Boolean))].sort();

const pages = fixtureNames().filter((f) => f.endsWith('.html'));
const withDates = pages
  .map((name) => {
    const html = fixtureText(name);
    return { name, html, raws: [...new Set(findDates(html.replace(/<[^>]+>/g, ' ')).map((d) => d.raw))] };
  })
  .filter((p) => p.raws.length > 0);

describe('impossible dates in saved pages', () => {
  it('the saved pages hold dates to replace', () => {
    expect(withDates.length).toBeGreaterThan(10);
  });

  describe.each(withDates)('$name', ({ name, html, raws }) => {
    const swap = (by: string) => raws.reduce((h, raw) => h.split(raw).join(by), html);
    const absent = read(swap(''));
    // chat apps label a day "Yesterday" themselves, and it means the day before now: not impossible there
    const impossible = name.startsWith('chat-') ? IMPOSSIBLE.filter((t) => t !== 'yesterday') : IMPOSSIBLE;

    it.each(impossible)('%s reads as no date, never as a wrong one', (bad) => {
      const r = read(swap(bad));
      expect(dates(r)).toEqual(dates(absent));
      expect(chatTimes(absent)).toEqual(expect.arrayContaining(chatTimes(r)));
    });
  });

  it.each(pages.filter((n) => n.startsWith('list-') || n.startsWith('detail-')).filter((n) => withDates.some((p) => p.name === n)))(
    '%s: an order date that cannot be read is named in problems',
    (name) => {
      const page = withDates.find((p) => p.name === name)!;
      const bad = read(page.raws.reduce((h, raw) => h.split(raw).join('Feb 30, 2026'), page.html));
      expect(bad.problems.join('\n')).toMatch(/order date/);
    },
  );
});

describe('impossible tracking and chat times', () => {
  it.each([
    '0000-01-01 09:05',
    '1234-01-01 09:05',
    'Feb 30 10:00',
    'Tue | Feb. 30 10:00',
    '2026-02-30 10:00',
    '31.04.2026 10:00',
    '99/99/9999 10:00',
    '13/45 10:00',
    '00-00 10:00',
    'yesterday 10:00',
    'Jul. 28 25:61',
  ])('%j gives no time', (text) => {
    expect(resolveTrackingTimes([text], { now: NOW })[0].at).toBeUndefined();
  });

  it('a year-less "07-28" is still read (the guard is only against the tail of a longer number)', () => {
    expect(parseMonthDayTime('07-28 18:39')).toMatchObject({ month: 7, day: 28, hour: 18, minute: 39 });
    expect(resolveTrackingTimes(['07-28 18:39'], { now: NOW })[0].at).toBe('2026-07-28T18:39');
  });
});
