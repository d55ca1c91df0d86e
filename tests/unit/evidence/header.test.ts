import { fitText, headerLines, localTimeText, timeLine, utcOffsetText, utcTimeText } from '@/utils/evidence/header';

const AT = new Date('2026-08-03T05:04:09.123Z');

describe('the header strip on every image', () => {
  it('names the page, the times (local with offset, and UTC), the order and the part', () => {
    const lines = headerLines({
      url: 'https://www.aliexpress.com/p/message/index.html?orderId=8212313961591322',
      capturedAt: AT,
      orderId: '8212313961591322',
      kind: 'chat',
      part: { index: 2, count: 3 },
      tzOffsetMinutes: -540,
      timeZone: 'Asia/Seoul',
    });
    expect(lines).toEqual([
      'AliProof capture · Seller chat · Order 8212313961591322 · part 2/3',
      'Page: https://www.aliexpress.com/p/message/index.html?orderId=8212313961591322',
      'Captured: 2026-08-03 14:04:09 local (UTC+09:00, Asia/Seoul) = 2026-08-03 05:04:09 UTC',
    ]);
  });

  it('says when the order is unknown and when the image is a redacted copy', () => {
    const [first] = headerLines({ url: 'https://x', capturedAt: AT, kind: 'tracking', part: { index: 1, count: 1 }, redacted: true, tzOffsetMinutes: 0 });
    expect(first).toBe('AliProof capture · Tracking page · Order not named on the page · part 1/1 · REDACTED COPY (personal details hidden)');
  });

  it('formats offsets west and east of UTC, and crosses midnight in local time', () => {
    expect(utcOffsetText(-540)).toBe('UTC+09:00');
    expect(utcOffsetText(300)).toBe('UTC-05:00');
    expect(utcOffsetText(-330)).toBe('UTC+05:30');
    expect(utcOffsetText(0)).toBe('UTC+00:00');
    expect(localTimeText(new Date('2026-08-03T20:30:00Z'), -540)).toBe('2026-08-04 05:30:00');
    expect(localTimeText(new Date('2026-08-03T02:00:00Z'), 300)).toBe('2026-08-02 21:00:00');
    expect(utcTimeText(AT)).toBe('2026-08-03 05:04:09 UTC');
    expect(timeLine(AT, 0)).toBe('2026-08-03 05:04:09 local (UTC+00:00) = 2026-08-03 05:04:09 UTC');
  });

  it('shortens a long address in the middle so its start and end stay readable', () => {
    const url = `https://www.aliexpress.com/p/tracking/index.html?${'x'.repeat(200)}&tradeOrderId=8212313961591322`;
    const fitted = fitText(url, 120, (s) => s.length);
    expect(fitted.length).toBeLessThanOrEqual(120);
    expect(fitted.startsWith('https://www.aliexpress.com/')).toBe(true);
    expect(fitted.endsWith('8212313961591322')).toBe(true);
    expect(fitted).toContain('…');
    expect(fitText('short', 120, (s) => s.length)).toBe('short');
  });
});
