// The tracking reader: saved pages of every markup generation, the querydetail payload, and the edge
// cases the fixtures do not cover (other hashes, missing parts, year inference, cut-short pages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeTracking, readTrackingDom, readTrackingPayload, TRACKING_SELECTORS } from '../../../utils/aliexpress/tracking';
import { readDocument, readPayload, readSaved } from '../../../utils/aliexpress/index';
import { FIXTURE_DIR, fixtureDoc, fixtureNames, fixtureText, parseHtml } from '../helpers/fixtures';

const TRACKING_FIXTURES = fixtureNames().filter((n) => n.startsWith('tracking-'));
const expectedOf = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURE_DIR, name.replace(/\.(html|json)$/, '.expected.json')), 'utf8')) as {
    url?: string;
    now: string;
    expect: Record<string, unknown>;
  };
const savedFrom = (name: string) => /saved from url=\(\d+\)(\S+)/.exec(fixtureText(name))![1];

const URL = 'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8200000000000001';
const AUG_1 = new Date('2026-08-01T12:00:00');

/** A generation-3 page with the given hash suffix and events [title, desc, time?]. */
function v2Page(
  events: [string, string, string?][],
  opts: { hash?: string; header?: string; number?: string | null; cutAfter?: number } = {},
): string {
  const h = opts.hash ?? 'Qq11Ww2';
  const nodes = events
    .map(
      ([t, d, tm]) =>
        `<div class="logistic-info-v2--node--${h}"><div class="logistic-info-v2--nodeTitle--${h}">${t}</div>` +
        `<div class="logistic-info-v2--nodeDesc--${h}">${d}</div>` +
        (tm === undefined ? '' : `<div class="logistic-info-v2--nodeTime--${h}">${tm}</div>`) +
        `</div>`,
    )
    .join('');
  const number = opts.number === null ? '' : `<span class="logistic-info-v2--mailNoValue--${h}">${opts.number ?? 'SWX000111222333444555'}</span>`;
  const html =
    `<html><head><title>Tracking</title></head><body><div id="root">` +
    (opts.header ? `<div class="arrival-time-v2--title--${h}">${opts.header}</div>` : '') +
    `<div class="logistic-info-v2--mailNo--${h}"><span>Tracking number:</span>${number}<span>Copy</span></div>` +
    `<div class="logistic-info-v2--track--${h}">${nodes}</div></div></body></html>`;
  return opts.cutAfter === undefined ? html : html.slice(0, opts.cutAfter);
}

const read = (html: string, now = AUG_1, url: string | undefined = URL) => readTrackingDom(parseHtml(html), { url, now });

describe('tracking fixtures', () => {
  it('cover the three markup generations, the old page, Korean, an error state and a payload', () => {
    for (const f of [
      'tracking-2026-v2-en.html',
      'tracking-2026-v2-delivered.html',
      'tracking-2025-gen2.html',
      'tracking-2024-gen1.html',
      'tracking-old-track.html',
      'tracking-2026-ko.html',
      'tracking-2026-v2-error.html',
      'tracking-payload.json',
    ]) {
      expect(TRACKING_FIXTURES).toContain(f);
    }
  });

  it.each(TRACKING_FIXTURES)('%s reads as expected through readSaved', (name) => {
    const e = expectedOf(name);
    const r = readSaved(fixtureText(name), { url: e.url, now: new Date(e.now) }, parseHtml);
    expect(r).toMatchObject(e.expect);
  });

  it.each(TRACKING_FIXTURES.filter((n) => n.endsWith('.html')))('%s is recognised without its address', (name) => {
    if (name === 'tracking-2026-v2-error.html') return; // an error page has nothing of its own to recognise
    expect(looksLikeTracking(fixtureDoc(name))).toBe(true);
  });

  it('does not take other pages for tracking pages', () => {
    const others = fixtureNames().filter((n) => n.endsWith('.html') && !n.startsWith('tracking-'));
    expect(others.length).toBeGreaterThan(0);
    for (const n of others) expect(looksLikeTracking(fixtureDoc(n)), n).toBe(false);
  });

  it('has every selector matching the fixtures it names', () => {
    for (const [name, def] of Object.entries(TRACKING_SELECTORS)) {
      for (const f of def.fixtures) expect(fixtureDoc(f).querySelectorAll(def.css).length, `${name} in ${f}`).toBeGreaterThan(0);
    }
  });

  it('reads the 2026 page fully, with no problems, no shipping date and nothing from the ship-to block', () => {
    const name = 'tracking-2026-v2-en.html';
    const r = readTrackingDom(fixtureDoc(name), { url: savedFrom(name), now: new Date('2026-09-25T12:00:00') });
    expect(r.problems).toEqual([]);
    const o = r.orders[0];
    expect(o.shippedOn).toBeUndefined();
    expect(o.deliveredOn).toBeUndefined();
    expect(o.next).toBeUndefined();
    expect(o.deadlines).toEqual([]);
    expect(o.tracking?.events).toHaveLength(7);
    const json = JSON.stringify(r);
    for (const pii of ['Jordan Sample', '555-0100', 'Example Street', '9400111899223344556677']) expect(json).not.toContain(pii);
  });

  it('reads the same page parsed by happy-dom (the extension-like DOM)', () => {
    const name = 'tracking-2026-v2-en.html';
    // without its stylesheet and scripts, which happy-dom would try to fetch
    const html = fixtureText(name).replace(/<link[^>]*>|<script[\s\S]*?<\/script>/g, '');
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const r = readDocument(doc, { url: savedFrom(name), now: new Date('2026-09-25T12:00:00') });
    expect(r.kind).toBe('tracking');
    expect(r.orders[0].tracking).toMatchObject({ number: 'SWX260914123456789012', eta: '2026-10-01' });
    expect(r.orders[0].tracking?.events[0]).toEqual({
      at: '2026-09-24T21:12',
      title: 'In transit',
      text: 'Arrived at destination country/region sorting center',
    });
  });

  it('puts events of the delivered page on both sides of the new year', () => {
    const name = 'tracking-2026-v2-delivered.html';
    const r = readTrackingDom(fixtureDoc(name), { url: savedFrom(name), now: new Date('2026-01-14T12:00:00') });
    const ats = r.orders[0].tracking!.events.map((e) => e.at.slice(0, 10));
    expect(ats[0]).toBe('2026-01-09');
    expect(ats[ats.length - 1]).toBe('2025-12-20');
    expect(r.orders[0].deliveredOn).toBe('2026-01-09');
    expect(r.orders[0].tracking?.eta).toBeUndefined();
    expect(r.problems).toEqual([]);
  });

  it('says so when the years of the generation-2 page were guessed', () => {
    const name = 'tracking-2025-gen2.html';
    const r = readTrackingDom(fixtureDoc(name), { url: savedFrom(name), now: new Date('2025-03-20T12:00:00') });
    expect(r.problems.join('\n')).toMatch(/no year.*guessed/);
  });

  it('finds the order id in an order link when the address is unknown', () => {
    const r = readTrackingDom(fixtureDoc('tracking-2025-gen2.html'), { now: new Date('2025-03-20T12:00:00') });
    expect(r.orders.map((o) => o.orderId)).toEqual(['3039915824467120']);
  });

  it('gives no order and says why when no order id can be found', () => {
    const r = readTrackingDom(fixtureDoc('tracking-2026-v2-en.html'), { now: new Date('2026-09-25T12:00:00') });
    expect(r.orders).toEqual([]);
    expect(r.problems).toContain('order id not found: open the tracking page from the order');
  });

  it('reads the error state as a problem and no tracking', () => {
    const name = 'tracking-2026-v2-error.html';
    const r = readTrackingDom(fixtureDoc(name), { url: savedFrom(name), now: AUG_1 });
    expect(r.orders[0].tracking).toBeUndefined();
    expect(r.orders[0].status).toBe('unknown');
    expect(r.problems.join('\n')).toContain('Sorry, there is no updated logistics information');
  });

  it('takes the old page id from tradeId= and the years from its times', () => {
    const name = 'tracking-old-track.html';
    expect(savedFrom(name)).toContain('tradeId=8009876543210987');
    const r = readTrackingDom(fixtureDoc(name), { url: savedFrom(name), now: new Date('2026-11-21T12:00:00') });
    expect(r.orders[0].tracking?.events.map((e) => e.at.slice(0, 4))).toEqual(['2021', '2021', '2021', '2021', '2021']);
    expect(r.problems).toEqual([]);
  });
});

describe('tracking page edge cases', () => {
  it('matches generation-3 classes with any hash suffix', () => {
    for (const hash of ['X0fPzen', 'zz9', 'a-B_c1']) {
      const r = read(v2Page([['In transit', 'Awaiting flight', 'Mon | Jul. 20 15:25']], { hash, header: 'Estimated delivery: Aug. 3 - Aug. 10' }));
      expect(r.orders[0].tracking).toMatchObject({ number: 'SWX000111222333444555', eta: '2026-08-10' });
      expect(r.orders[0].tracking?.events).toEqual([{ at: '2026-07-20T15:25', title: 'In transit', text: 'Awaiting flight' }]);
      expect(r.orders[0].status).toBe('awaiting-delivery');
    }
  });

  it('reads the estimate with a same-month range and a range across the new year', () => {
    const same = read(v2Page([['In transit', 'x', 'Mon | Jul. 20 15:25']], { header: 'Estimated delivery: Sep 21 - 26' }));
    expect(same.orders[0].tracking?.eta).toBe('2026-09-26');
    const jan = new Date('2026-01-03T12:00:00');
    const across = read(v2Page([['In transit', 'x', 'Mon | Dec. 22 10:00']], { header: 'Estimated delivery: Dec. 28 - Jan. 05' }), jan);
    expect(across.orders[0].tracking?.eta).toBe('2026-01-05');
    expect(across.orders[0].pageNotes).toContainEqual({ text: 'Estimated delivery: Dec. 28 - Jan. 05', date: '2026-01-05' });
  });

  it('reports a missing tracking number and still reads the events', () => {
    const r = read(v2Page([['In transit', 'Awaiting flight', 'Mon | Jul. 20 15:25']], { number: null }));
    expect(r.orders[0].tracking?.number).toBeUndefined();
    expect(r.orders[0].tracking?.events).toHaveLength(1);
    expect(r.problems).toContain('tracking number not found on the page');
  });

  it('infers Dec -> Jan years without weekdays, and says they were guessed', () => {
    const r = read(
      v2Page([
        ['In transit', 'Arrived', 'Jan. 05 10:00'],
        ['In transit', 'Left', 'Dec. 28 09:00'],
        ['Collected by carrier', 'Collected', 'Dec. 22 18:30'],
      ]),
      new Date('2026-01-10T12:00:00'),
    );
    expect(r.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-01-05T10:00', '2025-12-28T09:00', '2025-12-22T18:30']);
    expect(r.problems.join('\n')).toMatch(/no year: the year of 3 events was guessed/);
  });

  it('lets the weekday settle the year', () => {
    const now = new Date('2026-03-01T12:00:00');
    const settled = read(v2Page([['Delivered', 'Package delivered.', 'Sun | Jul. 28 10:00']]), now);
    expect(settled.orders[0].tracking?.events[0].at).toBe('2024-07-28T10:00'); // 2024-07-28 was a Sunday
    expect(settled.orders[0].deliveredOn).toBe('2024-07-28');
    expect(settled.problems).toEqual([]);
    const bare = read(v2Page([['Delivered', 'Package delivered.', 'Jul. 28 10:00']]), now);
    expect(bare.orders[0].tracking?.events[0].at).toBe('2025-07-28T10:00');
    expect(bare.problems.join('\n')).toMatch(/guessed/);
  });

  it('never puts an event in the future because of a weekday, and reports the clash', () => {
    // 2026-07-28 is a Tuesday; the only Wednesday Jul 28 nearby is in 2027
    const r = read(v2Page([['In transit', 'x', 'Wed | Jul. 28 10:00']]));
    expect(r.orders[0].tracking?.events[0].at).toBe('2026-07-28T10:00');
    expect(r.problems.join('\n')).toMatch(/weekday.*does not fit 2026-07-28/);
  });

  it('leaves out an event with a garbled time and says which', () => {
    const r = read(
      v2Page([
        ['In transit', 'Arrived at airport', 'Tue | Jul. 28 18:39'],
        ['In transit', 'Left sorting center', 'Tue | Jul. 2x 18:39'],
        ['In transit', 'Received', 'Mon | Jul. 27 25:99'],
        ['Collected by carrier', 'Collected', 'Sun | Jul. 26 08:00'],
      ]),
    );
    expect(r.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-07-28T18:39', '2026-07-26T08:00']);
    expect(r.problems.filter((p) => /could not be read/.test(p))).toHaveLength(2);
    expect(r.problems.join('\n')).toContain('"Tue | Jul. 2x 18:39"');
  });

  it('reads what is complete of a page cut short and says the rest is missing', () => {
    const full = v2Page([
      ['In transit', 'Arrived at airport', 'Tue | Jul. 28 18:39'],
      ['In transit', 'Left sorting center', 'Mon | Jul. 27 09:00'],
    ]);
    const cut = full.slice(0, full.indexOf('Left sorting center') + 'Left sorting center'.length);
    const r = read(cut);
    expect(r.orders[0].tracking?.events).toEqual([{ at: '2026-07-28T18:39', title: 'In transit', text: 'Arrived at airport' }]);
    expect(r.problems.join('\n')).toMatch(/event 2 .*no time .*cut short/);
  });

  it('reads Korean times in both shapes', () => {
    const withWeekday = read(v2Page([['배송 중', '공항 도착', '화요일 | 7월 28일 18:39'], ['택배사 집하', '집하', '월 | 7월 27일 09:05']]));
    expect(withWeekday.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-07-28T18:39', '2026-07-27T09:05']);
    expect(withWeekday.problems).toEqual([]);
    const numeric = read(v2Page([['배송 중', '공항 도착', '7.28 18:39'], ['택배사 집하', '집하', '7.27 09:05']]));
    expect(numeric.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-07-28T18:39', '2026-07-27T09:05']);
    expect(numeric.problems.join('\n')).toMatch(/guessed/);
  });

  it('takes the delivery day from a Korean "배송 완료" node and from a "Delivered" header', () => {
    const node = read(v2Page([['배송 완료', '배송되었습니다', '화 | 7월 28일 18:39'], ['배송 중', 'x', '월 | 7월 27일 09:05']]));
    expect(node.orders[0].deliveredOn).toBe('2026-07-28');
    expect(node.orders[0].status).toBe('unknown');
    const header = read(v2Page([['In transit', 'Out for delivery', 'Mon | Jul. 27 09:05']], { header: 'Delivered：Jul. 28' }));
    expect(header.orders[0].deliveredOn).toBe('2026-07-28');
    expect(header.orders[0].tracking?.eta).toBeUndefined();
  });

  it('does not take "Delivery update" or a failed attempt for a delivery', () => {
    const r = read(v2Page([['Delivery attempt unsuccessful', 'Nobody home', 'Tue | Jul. 28 18:39'], ['Delivery update', 'Out for delivery', 'Tue | Jul. 28 08:00']]));
    expect(r.orders[0].deliveredOn).toBeUndefined();
    expect(r.orders[0].status).toBe('awaiting-delivery');
  });

  it('reads the generation-2 number block even when its words touch', () => {
    const html =
      `<html><body><div class="logistic-info--mailNo-pc--9Zz9Zz9"><span>Tracking number</span><div><span>YT2503051234567890</span></div><span>Copy</span></div>` +
      `<div class="logistic-info--node--aB3"><div class="logistic-info--nodeTitle--q">In transit</div><div class="logistic-info--nodeDesc--w">Left</div><div class="logistic-info--nodeTime--e">Jul 27 09:05</div></div></body></html>`;
    const r = read(html);
    expect(r.orders[0].tracking?.number).toBe('YT2503051234567890');
    expect(r.orders[0].tracking?.events[0].at).toBe('2026-07-27T09:05');
  });

  it('reads every number of a generation-1 mailNoList and reports the extra packages', () => {
    const html =
      `<html><body><span class="full-number"><a href="https://global.cainiao.com/detail.htm?mailNoList=LP00598765432101%2CLP00598765432102">LP00598765432101</a></span>` +
      `<ul><li class="tracking-detail-item"><div class="tracking-detail-item-time">Apr 26, 2024 15:40</div><div class="tracking-detail-item-title">Delivered</div><div class="tracking-detail-item-desc">Package delivered</div></li></ul></body></html>`;
    const r = read(html);
    expect(r.orders[0].tracking?.number).toBe('LP00598765432101');
    expect(r.orders[0].deliveredOn).toBe('2024-04-26');
    expect(r.problems.join('\n')).toContain('LP00598765432102');
  });

  it('takes the carrier value when the carrier title is missing', () => {
    const html = v2Page([['In transit', 'x', 'Mon | Jul. 27 09:05']]).replace(
      '<div id="root">',
      '<div id="root"><div class="logistic-info-v2--carrierValue--k2">Carrier: Hanjin</div>',
    );
    expect(read(html).orders[0].tracking?.carrier).toBe('Hanjin');
  });

  it('warns that folded events may be missing, unless the list reaches the order itself', () => {
    const more = '<div class="logistic-info-v2--viewMoreBtn--zz">View more</div>';
    const folded = v2Page([['In transit', 'x', 'Mon | Jul. 27 09:05']]).replace('</body>', `${more}</body>`);
    expect(read(folded).problems.join('\n')).toMatch(/View more/);
    const whole = v2Page([['In transit', 'x', 'Mon | Jul. 27 09:05'], ['Order created', 'created', 'Sat | Jul. 18 10:00']]).replace('</body>', `${more}</body>`);
    expect(read(whole).problems).toEqual([]);
  });

  it('finds a "Refund if no delivery before" sentence outside the Fast delivery block', () => {
    const html = v2Page([['In transit', 'x', 'Mon | Jul. 27 09:05']]).replace(
      '</body>',
      '<div class="service--box--k1"><p><span>Refund if no delivery before Sep 3, 2026</span></p></div></body>',
    );
    expect(read(html).orders[0].pageNotes).toEqual([{ text: 'Refund if no delivery before Sep 3, 2026', date: '2026-09-03' }]);
  });

  it('never throws on empty or foreign documents', () => {
    for (const html of ['', '<html></html>', '<p>hello</p>', '<div class="logistic-info-v2--node--x"></div>']) {
      const r = read(html);
      expect(Array.isArray(r.problems)).toBe(true);
      for (const o of r.orders) expect(o.orderId).toBe('8200000000000001');
    }
    const empty = read('<div class="logistic-info-v2--node--x"></div>');
    expect(empty.problems.join('\n')).toMatch(/event 1 is empty/);
  });

  it('is dispatched by readDocument from a tracking address, also a ko. one', () => {
    const r = readDocument(parseHtml(v2Page([['In transit', 'x', 'Mon | Jul. 27 09:05']])), {
      url: 'https://ko.aliexpress.com/p/tracking/index.html?tradeOrderId=3051234567890123',
      now: AUG_1,
    });
    expect(r.kind).toBe('tracking');
    expect(r.orders[0].orderId).toBe('3051234567890123');
  });
});

// ---------------------------------------------------------------------------------------------

/** epoch ms of a local time written in a zone `offset` minutes east of UTC */
const ms = (y: number, mo: number, d: number, h: number, mi: number, offset: number) => Date.UTC(y, mo - 1, d, h, mi, 17) - offset * 60_000;
const KST = 540;

function payload(lines: unknown[], module: Record<string, unknown> = {}) {
  return { api: 'mtop.ae.ld.querydetail', ret: ['SUCCESS::调用成功'], data: { module: { trackingDetailLineList: lines, ...module } } };
}
function line(detailList: unknown[], extra: Record<string, unknown> = {}) {
  return { mailNo: 'KR000111222333', logisticsCarrierName: 'AliExpress standard shipping', logisticsCpInfo: { cpName: 'Hanjin' }, detailList, ...extra };
}
const ev = (timeText: string | undefined, time: number | undefined, name: string, code?: string) => ({
  ...(timeText ? { timeText } : {}),
  ...(time ? { time } : {}),
  trackingName: name,
  trackingDetailDesc: `${name}.`,
  ...(code ? { trackingPrimaryCode: code, trackingSecondCode: code } : {}),
});

describe('tracking payload', () => {
  const fixture = () => JSON.parse(fixtureText('tracking-payload.json'));

  it('reads the saved payload with its order id from the tip link, the delivery day and no problems', () => {
    const r = readTrackingPayload(fixture(), { now: new Date('2026-08-05T12:00:00') });
    expect(r.problems).toEqual([]);
    expect(r.orders).toHaveLength(1);
    const o = r.orders[0];
    expect(o.orderId).toBe('8215550123456789');
    expect(o.deliveredOn).toBe('2026-07-28');
    expect(o.shippedOn).toBeUndefined();
    expect(o.tracking?.events[0]).toEqual({
      at: '2026-07-28T18:39',
      title: 'Delivered',
      text: 'Package delivered.',
      location: 'Sao Paulo,SP',
      code: 'AE_GTMS_SIGNED',
    });
    const json = JSON.stringify(r);
    for (const pii of ['Comprador Teste', '11900000000', 'Rua Exemplo', '01000-000']) expect(json).not.toContain(pii);
  });

  it('is dispatched by readPayload and readSaved (also as JSONP)', () => {
    const now = new Date('2026-08-05T12:00:00');
    expect(readPayload(fixture(), { now }).kind).toBe('tracking');
    const jsonp = `mtopjsonp7(${fixtureText('tracking-payload.json')})`;
    const r = readSaved(jsonp, { now }, parseHtml);
    expect(r.kind).toBe('tracking');
    expect(r.orders[0].tracking?.number).toBe('NX987654321BR');
  });

  it('prefers the order id of the page address', () => {
    const r = readTrackingPayload(fixture(), { url: URL, now: AUG_1 });
    expect(r.orders[0].orderId).toBe('8200000000000001');
  });

  it('gives no order and says why without any order id', () => {
    const r = readTrackingPayload(payload([line([ev('Tue | Jul. 28 18:39', undefined, 'In transit')])]), { now: AUG_1 });
    expect(r.orders).toEqual([]);
    expect(r.problems).toEqual(['order id not found: open the tracking page from the order']);
  });

  it('keeps the timestamp and reports a time text more than a day away from it', () => {
    const p = payload([
      line([
        ev('Tue | Jul. 28 18:39', ms(2026, 7, 28, 18, 39, KST), 'Delivered', 'AE_GTMS_SIGNED'),
        ev('Mon | Jul. 27 09:00', ms(2026, 7, 24, 9, 0, KST), 'In transit'),
        ev('Sun | Jul. 26 07:30', ms(2026, 7, 26, 7, 30, KST), 'In transit'),
      ]),
    ]);
    const r = readTrackingPayload(p, { url: URL, now: AUG_1 });
    expect(r.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-07-28T18:39', '2026-07-24T09:00', '2026-07-26T07:30']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/event 2 .*"Mon \| Jul\. 27 09:00".*more than a day.*timestamp was kept/);
    expect(r.orders[0].deliveredOn).toBe('2026-07-28');
  });

  it('reads the time as shown whatever the zone of the computer', () => {
    // times written in UTC-3; the epoch alone would give other hours in most zones
    const off = -180;
    const p = payload([line([ev('Sat | Jul. 25 23:30', ms(2026, 7, 25, 23, 30, off), 'In transit'), ev('Sat | Jul. 25 01:10', ms(2026, 7, 25, 1, 10, off), 'In transit')])]);
    const r = readTrackingPayload(p, { url: URL, now: AUG_1 });
    expect(r.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-07-25T23:30', '2026-07-25T01:10']);
  });

  it('infers years from the time text when there is no timestamp', () => {
    const p = payload([line([ev('Fri | Jan. 02 06:48', undefined, 'In transit'), ev('Tue | Dec. 30 22:15', undefined, 'In transit')])]);
    const r = readTrackingPayload(p, { url: URL, now: new Date('2026-01-10T12:00:00') });
    expect(r.orders[0].tracking?.events.map((e) => e.at)).toEqual(['2026-01-02T06:48', '2025-12-30T22:15']);
    expect(r.problems).toEqual([]);
  });

  it('takes the first of several packages and names the others', () => {
    const p = payload([
      line([ev('Tue | Jul. 28 18:39', ms(2026, 7, 28, 18, 39, KST), 'In transit')], { mailNo: 'FIRST0000001' }),
      line([ev('Mon | Jul. 27 09:00', ms(2026, 7, 27, 9, 0, KST), 'Delivered', 'AE_GTMS_SIGNED')], { mailNo: 'SECOND000002' }),
    ]);
    const r = readTrackingPayload(p, { url: URL, now: AUG_1 });
    expect(r.orders[0].tracking?.number).toBe('FIRST0000001');
    expect(r.orders[0].deliveredOn).toBeUndefined();
    expect(r.orders[0].status).toBe('awaiting-delivery');
    expect(r.problems.join('\n')).toMatch(/2 tracking numbers.*SECOND000002/);
  });

  it('reads an estimate as the end of its range, with the year of its timestamp', () => {
    const p = payload(
      [
        line([ev('Mon | Dec. 29 10:00', ms(2025, 12, 29, 10, 0, KST), 'In transit', 'AE_LH_DEPART')], {
          etaInfo: { etaTimeText: 'Dec. 28 - Jan. 05', endEtaTime: ms(2026, 1, 5, 23, 59, KST), etaTitleRichText: '<span><strong>Estimated delivery: Dec. 28 - Jan. 05</strong></span>' },
        }),
      ],
      { fastDeliveryInfoDTO: { fdContent: 'Refund if no delivery before Feb 4, 2026 · Refund if package lost' } },
    );
    const r = readTrackingPayload(p, { url: URL, now: new Date('2026-01-02T12:00:00') });
    expect(r.orders[0].tracking?.eta).toBe('2026-01-05');
    expect(r.orders[0].status).toBe('awaiting-delivery');
    expect(r.orders[0].pageNotes).toEqual([
      { text: 'Estimated delivery: Dec. 28 - Jan. 05', date: '2026-01-05' },
      { text: 'Refund if no delivery before Feb 4, 2026', date: '2026-02-04' },
      { text: 'Refund if package lost' },
    ]);
  });

  it('reports a logged-out answer', () => {
    const r = readPayload({ api: 'mtop.ae.ld.querydetail', ret: ['FAIL_SYS_SESSION_EXPIRED::SESSION过期'], data: {} }, { now: AUG_1 });
    expect(r.orders).toEqual([]);
    expect(r.problems[0]).toMatch(/not logged in/);
    expect(readTrackingPayload({ ret: ['FAIL_SYS_TOKEN_EMPTY::x'] }, { url: URL }).problems[0]).toMatch(/not logged in/);
  });

  it('never throws on broken payloads', () => {
    const broken: unknown[] = [
      {},
      { data: null },
      payload([]),
      payload([null, 5, 'x']),
      payload([{ detailList: [null, 7, { time: 'soon' }, { timeText: 42 }] }]),
      payload([{ detailList: 'none', etaInfo: [] }], { fastDeliveryInfoDTO: { fdContentList: [null, 3] } }),
    ];
    for (const b of broken) {
      const r = readTrackingPayload(b as Record<string, unknown>, { url: URL, now: AUG_1 });
      expect(Array.isArray(r.problems)).toBe(true);
      expect(r.problems.length).toBeGreaterThan(0);
      for (const o of r.orders) for (const e of o.tracking?.events ?? []) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    }
  });
});
