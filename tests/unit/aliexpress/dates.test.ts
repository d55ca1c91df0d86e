import { findDates, parseDate, parseDateRange, parseMonthDayTime, resolveTrackingTimes, inferYear, shiftDate } from '../../../utils/aliexpress/dates';

describe('parseDate', () => {
  it.each([
    ['Sep 4, 2026', '2026-09-04'],
    ['Refund if no delivery before Sep. 4, 2026', '2026-09-04'],
    ['September 4th, 2026', '2026-09-04'],
    ['Order date: Jan 01, 2024', '2024-01-01'],
    ['24 nov, 2023', '2023-11-24'], // pt_BR
    ['24 de nov. de 2023', '2023-11-24'],
    ['4 de set. de 2026', '2026-09-04'],
    ['7. Aug. 2026', '2026-08-07'], // de
    ['14.11.2025', '2025-11-14'],
    ['4 sept. 2026', '2026-09-04'], // fr
    ['12 août 2026', '2026-08-12'],
    ['2026. 11. 21.', '2026-11-21'], // ko
    ['2026년 11월 21일', '2026-11-21'],
    ['2026年11月21日', '2026-11-21'], // ja
    ['21 ноября 2026 г.', '2026-11-21'], // ru
    ['15 lip 2026', '2026-07-15'], // pl
    ['3 Eyl 2026', '2026-09-03'], // tr
    ['2026-07-15 10:00:00', '2026-07-15'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['Feb 30, 2026', '31.04.2026', 'Sep 4', 'no date here', '', '99/99/2026', 'Foo 4, 2026', '2026-13-01'])(
    'gives nothing for %j rather than a guess',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  it('finds every date in a longer text, in order', () => {
    const found = findDates('Apply for R$5,00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery before Sep 4, 2026');
    expect(found.map((f) => f.date)).toEqual(['2026-08-03', '2026-09-04']);
    expect(found[1].raw).toBe('Sep 4, 2026');
  });
  it('reads a text of ASCII only exactly as a text of any script', () => {
    // English pages take a quicker path: a non-ASCII character anywhere sends the same text the other way
    const texts = [
      'Sep 4, 2026',
      'Refund if no delivery before Sep. 4, 2026 or 12 Oct 2026',
      'September 4th, 2026; 24 nov, 2023; 24 de nov. de 2023; 7. Aug. 2026',
      'Date: Nov 05, 2026 Ref. Number: 8203456789012345',
      'xSep 4, 2026 / Sep 4 2026x / 31 Feb 2026 / 4 Sepx 2026 / Abc 4, 2026 / 3 May, 20266',
    ];
    for (const text of texts) expect(findDates(text)).toEqual(findDates(`${text} ·`).filter((d) => d.index < text.length));
    expect(findDates(texts[2]).map((d) => d.date)).toEqual(['2026-09-04', '2023-11-24', '2023-11-24', '2026-08-07']);
  });
});

describe('year-less tracking times', () => {
  const now = new Date('2026-11-21T12:00:00');

  it('reads weekday, month, day and time', () => {
    expect(parseMonthDayTime('Tue | Jul. 28 18:39')).toEqual({ weekday: 2, month: 7, day: 28, hour: 18, minute: 39 });
    expect(parseMonthDayTime('화 | 7월 28일 18:39')).toMatchObject({ weekday: 2, month: 7, day: 28 });
    expect(parseMonthDayTime('2026-07-28 18:39:01')).toMatchObject({ year: 2026, month: 7, day: 28, hour: 18 });
    expect(parseMonthDayTime('25:99')).toBeUndefined();
  });

  it('lets the weekday settle the year', () => {
    // Jul 28 was a Tuesday in 2026 and a Monday in 2025
    expect(inferYear({ month: 7, day: 28, weekday: 2 }, { now: new Date('2027-03-01T00:00:00') })).toEqual({ year: 2026, guessed: false });
    expect(inferYear({ month: 7, day: 28, weekday: 1 }, { now })).toEqual({ year: 2025, guessed: false });
  });

  it('uses the order date window, and says when it had to guess', () => {
    expect(inferYear({ month: 12, day: 30 }, { now: new Date('2027-01-05T00:00:00'), placedOn: '2026-12-20' })).toEqual({ year: 2026, guessed: false });
    expect(inferYear({ month: 3, day: 1 }, { now })).toEqual({ year: 2026, guessed: true });
  });

  it('turns the year between a January event and the December events below it', () => {
    const r = resolveTrackingTimes(['Jan 2 10:00', 'Dec 31 09:10', 'Dec 20 08:00'], { now: new Date('2026-01-05T12:00:00'), placedOn: '2025-12-10' });
    expect(r.map((x) => x.at)).toEqual(['2026-01-02T10:00', '2025-12-31T09:10', '2025-12-20T08:00']);
  });

  it('leaves unreadable times empty', () => {
    expect(resolveTrackingTimes(['garbled', 'Tue | Jul. 28 18:39'], { now })).toEqual([{ guessed: false }, { at: '2026-07-28T18:39', guessed: false }]);
  });
});

describe('delivery ranges', () => {
  const now = new Date('2026-09-21T12:00:00');
  it.each([
    ['Estimated delivery: Sep. 26 - Oct. 01', '2026-09-01', { start: '2026-09-26', end: '2026-10-01' }],
    ['Sep 21 - 26', '2026-08-01', { start: '2026-09-21', end: '2026-09-26' }],
    ['Apr. 24 - May. 14', '2026-04-02', { start: '2026-04-24', end: '2026-05-14' }],
    ['Dec. 28 - Jan. 05', '2026-12-01', { start: '2026-12-28', end: '2027-01-05' }],
    ['Delivered：Jul. 28', '2026-07-15', { start: '2026-07-28', end: '2026-07-28' }],
  ])('%s', (text, placedOn, expected) => {
    expect(parseDateRange(text, { now, placedOn })).toEqual(expected);
  });

  it('gives nothing for text without a date', () => {
    expect(parseDateRange('Estimated delivery: soon', { now })).toBeUndefined();
  });
});

it('shifts calendar dates across months and years', () => {
  expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
  expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
});
