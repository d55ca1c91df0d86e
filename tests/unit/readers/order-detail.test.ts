// The order detail reader: saved pages and payloads (tests/fixtures/aliexpress/detail-*), plus small
// inline pages for what the fixtures do not show (other locales, missing or garbled parts, ids only
// in the address, truncated HTML).
import {
  looksLikeOrderDetail,
  OLD_STATUS_CODES,
  ORDER_DETAIL_SELECTORS,
  readOrderDetailDom,
  readOrderDetailPayload,
} from '../../../utils/aliexpress/order-detail';
import { readDocument, readPayload, readSaved } from '../../../utils/aliexpress/index';
import { savedUrl } from '../../../utils/aliexpress/dom';
import { NOT_LOGGED_IN, parsePayloadText, type Json } from '../../../utils/aliexpress/payload';
import { readInputs } from '../../../utils/reading';
import type { OrderFacts, PageReading } from '../../../utils/types';
import { fixtureDoc, fixtureText, parseHtml } from '../helpers/fixtures';

const NOW = new Date('2026-11-21T12:00:00');
const HTML = ['detail-2026-en.html', 'detail-2026-en-completed.html', 'detail-2026-ko.html', 'detail-2026-de.html', 'detail-old-2019.html'];
const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8212000011112222';

function readFixture(name: string) {
  const raw = fixtureText(name);
  const doc = parseHtml(raw);
  return readOrderDetailDom(doc, { url: savedUrl(doc, raw), now: NOW });
}

function only(r: { orders: OrderFacts[] }): OrderFacts {
  expect(r.orders).toHaveLength(1);
  return r.orders[0];
}

/** A minimal current-layout detail page around the given parts. */
function page(parts: { status?: string; rows?: string[]; body?: string; head?: string }): Document {
  const rows = (parts.rows ?? []).map((r) => `<div class="info-row">${r}</div>`).join('');
  return parseHtml(`<!DOCTYPE html><html><head>${parts.head ?? ''}</head><body><div class="order-wrap">
    ${parts.status === undefined ? '' : `<div class="order-block order-status"><div class="order-block-title">${parts.status}</div></div>`}
    <div class="order-detail-info"><div class="order-detail-info-item"><div class="order-detail-info-content"><div class="contact-info">Private Person</div><div>1 Secret Lane</div></div></div>
    <div class="order-detail-info-item order-detail-order-info"><div class="order-detail-info-content">${rows}</div></div></div>
    ${parts.body ?? ''}</div></body></html>`);
}

function payload(): Json {
  return parsePayloadText(fixtureText('detail-payload.json')) as Json;
}

function comp(p: Json, tag: string): Json {
  return Object.values(p.data.data as Record<string, Json>).find((c) => c.tag === tag)!;
}

describe('order detail: saved pages', () => {
  it.each(HTML)('%s reads one order without problems of its own making', (name) => {
    const r = readFixture(name);
    const o = only(r);
    expect(o.orderId).toMatch(/^\d{16}$/);
    expect(o.status).not.toBe('unknown');
    expect(o.placedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(o.items.length).toBeGreaterThan(0);
    expect(o.total?.amount).toBeGreaterThan(0);
    expect(o.deadlines).toEqual([]);
    expect(o.next).toBeUndefined();
    // no problem other than the time-less tracking line of the German page
    expect(r.problems.filter((p) => !/shows no time/.test(p))).toEqual([]);
  });

  it.each(HTML)('%s never copies the address, contact or chat-bot text into facts', (name) => {
    const json = JSON.stringify(readFixture(name));
    for (const pii of ['Jane Doe', 'Evergreen', '555 0100', 'John Sample', 'Example Road', '홍길동', '예시로', 'Max Mustermann', 'Musterstraße', 'Erika Example', 'Example Street', '+31']) {
      expect(json).not.toContain(pii);
    }
    for (const noise of ['AliExpress Assistant', 'More to love', 'Wireless Charger Stand', 'Confirm received', 'Contact seller', 'Copy']) {
      expect(json).not.toContain(noise);
    }
  });

  it('reads the same with linkedom and happy-dom', () => {
    for (const name of HTML) {
      const raw = fixtureText(name);
      const url = savedUrl(parseHtml(raw), raw);
      const happy = new DOMParser().parseFromString(raw, 'text/html');
      expect(readOrderDetailDom(happy, { url, now: NOW }), name).toEqual(readOrderDetailDom(parseHtml(raw), { url, now: NOW }));
    }
  });

  it('keeps the refund node and the service sentence, which give the page deadline', () => {
    const o = only(readFixture('detail-2026-en.html'));
    expect(o.pageNotes).toContainEqual({ text: 'Refund: Dec 12, 2026', date: '2026-12-12' });
    expect(o.pageNotes).toContainEqual({ text: 'Refund if no delivery before Dec 12, 2026', date: '2026-12-12' });
    // the coupon node is a promise, not a note; "Paid" feeds nothing when the row gives paidOn
    expect(o.pageNotes.some((n) => n.text.startsWith('US $1.00'))).toBe(false);
    const full = readInputs([{ content: fixtureText('detail-2026-en.html') }], { now: NOW, parseHtml });
    const nr = full.orders[0].deadlines.find((d) => d.kind === 'not-received');
    expect(nr).toMatchObject({ closesOn: '2026-12-12', source: 'page' });
  });

  it('reads the completed reminder as sentences the engine understands', () => {
    const full = readInputs([{ content: fixtureText('detail-2026-en-completed.html') }], { now: NOW, parseHtml });
    const page = full.orders[0].deadlines.filter((d) => d.source === 'page');
    expect(page.find((d) => d.kind === 'after-delivery')?.closesOn).toBe('2026-08-28'); // completed Aug 21 + 7 days
    expect(page.find((d) => d.kind === 'not-as-described')?.closesOn).toBe('2026-10-31'); // placed Aug 2 + 90 days
  });

  it('keeps a tracking line without a time out of the events and says so', () => {
    const r = readFixture('detail-2026-de.html');
    expect(only(r).tracking).toEqual({ number: 'LV123456789DE', events: [] });
    expect(r.problems).toEqual([expect.stringContaining('"Zugestellt"')]);
  });

  it('is recognised without its address, and readDocument dispatches it', () => {
    for (const name of HTML) expect(looksLikeOrderDetail(fixtureDoc(name)), name).toBe(true);
    expect(looksLikeOrderDetail(parseHtml('<html><body><div class="order-item"></div></body></html>'))).toBe(false);
    expect(looksLikeOrderDetail(parseHtml(''))).toBe(false);
    const r = readDocument(fixtureDoc('detail-2026-ko.html'), { now: NOW }); // no url: by markup; id from links
    expect(r.kind).toBe('order-detail');
    expect(r.orders[0]?.orderId).toBe('8204556677889900');
  });

  it('every selector is used by name from the record', () => {
    for (const [name, def] of Object.entries(ORDER_DETAIL_SELECTORS)) {
      expect(def.css, name).toBeTruthy();
      expect(def.fixtures.length, name).toBeGreaterThan(0);
    }
  });
});

describe('order detail: payload', () => {
  it('keeps 16-digit ids above 2^53 through readSaved (plain JSON.parse would not)', () => {
    const raw = fixtureText('detail-payload.json');
    const lossy = JSON.parse(raw).data.data['detail_simple_order_info_component_111820'].fields.tradeOrderId;
    expect(String(lossy)).not.toBe('9012313961591329');
    const r = readSaved(raw, { now: NOW }, parseHtml);
    expect(r.kind).toBe('order-detail');
    expect(r.orders.map((o) => o.orderId)).toEqual(['9012313961591329']);
  });

  it('reads a JSONP body', () => {
    const r = readSaved(`mtopjsonp7(${fixtureText('detail-payload.json')})`, { now: NOW }, parseHtml);
    expect(r.orders[0]?.orderId).toBe('9012313961591329');
  });

  it('with ids already rounded by JSON.parse, takes the id from the component key, else the address', () => {
    const p = JSON.parse(fixtureText('detail-payload.json')) as Json;
    expect(only(readOrderDetailPayload(p, { now: NOW })).orderId).toBe('9012313961591329');
    const key = Object.keys(p.data.data).find((k) => k.startsWith('detail_order_services'))!;
    delete p.data.data[key];
    const none = readOrderDetailPayload(p, { now: NOW });
    expect(none.orders).toEqual([]);
    expect(none.problems.join(' ')).toMatch(/order number is missing/);
    expect(only(readOrderDetailPayload(p, { url: DETAIL_URL, now: NOW })).orderId).toBe('8212000011112222');
  });

  it('says when the address names another order', () => {
    const r = readOrderDetailPayload(payload(), { url: DETAIL_URL, now: NOW });
    expect(only(r).orderId).toBe('9012313961591329');
    expect(r.problems.join(' ')).toMatch(/8212000011112222/);
  });

  it('never copies addressVO', () => {
    const json = JSON.stringify(readOrderDetailPayload(payload(), { now: NOW }));
    for (const pii of ['Jane Doe', 'Evergreen', '5550100', '97403', 'Springfield']) expect(json).not.toContain(pii);
  });

  it('takes the status code first, the title when it disagrees, and reports both cases', () => {
    const p = payload();
    comp(p, 'detail_order_status_block').fields.title = '배송 중 (예시)'; // unknown text
    let r = readOrderDetailPayload(p, { now: NOW });
    expect(only(r)).toMatchObject({ status: 'awaiting-delivery', statusText: '배송 중 (예시)' });
    expect(r.problems).toEqual([]);

    p.data.global.orderStatus = 9;
    comp(p, 'detail_order_status_block').fields.title = 'Awaiting delivery';
    r = readOrderDetailPayload(p, { now: NOW });
    expect(only(r).status).toBe('awaiting-delivery');
    expect(r.problems.join(' ')).toMatch(/disagrees/);

    delete p.data.global.orderStatus;
    comp(p, 'detail_order_status_block').fields.title = 'Zamówienie w drodze';
    r = readOrderDetailPayload(p, { now: NOW });
    expect(only(r).status).toBe('unknown');
    expect(r.problems.join(' ')).toMatch(/status "Zamówienie w drodze" not recognised/);

    comp(p, 'detail_order_status_block').fields.title = 'Order closed: payment not received';
    expect(only(readOrderDetailPayload(p, { now: NOW })).status).toBe('closed');
  });

  it('falls back to the shown total with the payload currency, and reports a missing total', () => {
    const p = payload();
    comp(p, 'detail_order_price_block').fields.totalPrice = { currencyCode: 'KRW', value: '₩11,110' };
    expect(only(readOrderDetailPayload(p, { now: NOW })).total).toEqual({ amount: 11110, currency: 'KRW', text: '₩11,110' });
    delete comp(p, 'detail_order_price_block').fields.totalPrice;
    const r = readOrderDetailPayload(p, { now: NOW });
    expect(only(r).total).toBeUndefined();
    expect(r.problems.join(' ')).toMatch(/total not found/);
  });

  it('reports unreadable and missing dates, and uses the "Paid" node when payTime is missing', () => {
    const p = payload();
    const info = comp(p, 'detail_simple_order_info_component').fields;
    info.orderCreatTime = 'Feb 30, 2026';
    delete info.payTime;
    const r = readOrderDetailPayload(p, { now: NOW });
    const o = only(r);
    expect(o.placedOn).toBeUndefined();
    expect(o.paidOn).toBe('2026-10-20');
    expect(r.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/order date "Feb 30, 2026" could not be read/), 'order 9012313961591329: order date not found']),
    );
  });

  it('does not throw on nonsense fields', () => {
    const p = payload();
    comp(p, 'detail_product_block').fields.productVOList = [null, 7, { itemTitle: 42, quantity: 'x3', skuAttrs: 'no' }];
    comp(p, 'detail_service_progress_bar').fields.nodes = { text: 'Refund' };
    comp(p, 'detail_order_services').fields.data = 'nope';
    comp(p, 'detail_order_status_block').fields.reminder = ['Order complete.', null];
    const r = readOrderDetailPayload(p, { now: NOW });
    const o = only(r);
    expect(o.items).toEqual([{ title: '' }, { title: '' }, { title: '42', quantity: 3 }]);
    expect(r.problems.filter((x) => /has no title/.test(x))).toHaveLength(2);
    expect(o.pageNotes[0]).toEqual({ text: 'Order complete.' });
  });

  it('a logged-out answer gives no orders and says why', () => {
    const r: PageReading = readSaved(fixtureText('detail-payload-loggedout.json'), { now: NOW }, parseHtml);
    expect(r).toEqual({ kind: 'order-detail', orders: [], problems: [`${NOT_LOGGED_IN} [FAIL_SYS_SESSION_EXPIRED]`] });
  });

  it('is recognised by shape without an api name', () => {
    const p = payload();
    delete p.api;
    expect(readPayload(p, { now: NOW }).kind).toBe('order-detail');
  });
});

describe('order detail: pages the fixtures do not show', () => {
  const ROWS = ['<span>Ref. Number:</span><span>8212000011112222</span><span>Copy</span>', '<span>Order placed on:</span><span>Jul 15, 2026</span>'];

  it('takes the id from the address only', () => {
    const r = readOrderDetailDom(page({ status: 'Awaiting delivery', rows: ['<span>Order placed on:</span><span>Jul 15, 2026</span>'] }), {
      url: 'https://www.aliexpress.com/p/order/detail.html?spm=a2g0n.order_list.order_list_main.5.21ef1802&orderId=3049999999999999',
      now: NOW,
    });
    expect(only(r)).toMatchObject({ orderId: '3049999999999999', status: 'awaiting-delivery', placedOn: '2026-07-15' });
  });

  it('without an address, takes the id from a link, else from the "Ref. Number" row', () => {
    const link = '<a href="//www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212000033334444">Track</a>';
    expect(only(readOrderDetailDom(page({ status: 'Completed', rows: ROWS, body: link }), { now: NOW })).orderId).toBe('8212000033334444');
    const r = readOrderDetailDom(page({ status: 'Completed', rows: ROWS }), { now: NOW });
    expect(only(r).orderId).toBe('8212000011112222');
  });

  it('says when the page names two orders', () => {
    const r = readOrderDetailDom(page({ status: 'Completed', rows: ROWS }), { url: DETAIL_URL.replace('8212000011112222', '8212000099998888'), now: NOW });
    expect(only(r).orderId).toBe('8212000099998888');
    expect(r.problems.join(' ')).toMatch(/also shows order number 8212000011112222/);
  });

  it('gives no order, and a problem, when no id is anywhere', () => {
    const r = readOrderDetailDom(page({ status: 'Completed', rows: ['<span>Order placed on:</span><span>Jul 15, 2026</span>'] }), { now: NOW });
    expect(r.orders).toEqual([]);
    expect(r.problems).toEqual([expect.stringMatching(/order number was not found/)]);
  });

  it('reports a missing order date and an unreadable one', () => {
    let r = readOrderDetailDom(page({ status: 'Completed', rows: [ROWS[0]] }), { now: NOW });
    expect(only(r).placedOn).toBeUndefined();
    expect(r.problems).toContain('order 8212000011112222: order date not found');
    r = readOrderDetailDom(page({ status: 'Completed', rows: [ROWS[0], '<span>Order placed on:</span><span>15 Foo 20x6</span>'] }), { now: NOW });
    expect(only(r).placedOn).toBeUndefined();
    expect(r.problems.join(' ')).toMatch(/order date "15 Foo 20x6" could not be read/);
  });

  it('reads labels glued to their values and Spanish labels', () => {
    const r = readOrderDetailDom(
      page({
        status: 'Completado',
        rows: [
          '<span>Nº de pedido:</span><span>8212000011112222</span><span>Copiar</span>',
          '<span>Pedido efectuado el:</span><span>24 nov, 2025</span>',
          '<span>Paid on</span><span>Nov 25, 2025</span>',
        ],
      }),
      { now: NOW },
    );
    expect(only(r)).toMatchObject({ orderId: '8212000011112222', status: 'completed', placedOn: '2025-11-24', paidOn: '2025-11-25' });
  });

  it('takes dates in page order when no label is known, and says so', () => {
    const four = ['2 juil. 2026', '2 juil. 2026', '4 juil. 2026', '21 juil. 2026'].map((d, i) => `<span>Étiquette ${i}:</span><span>${d}</span>`);
    let r = readOrderDetailDom(page({ status: 'Terminée', rows: [ROWS[0], ...four] }), { now: NOW });
    expect(only(r)).toMatchObject({ placedOn: '2026-07-02', paidOn: '2026-07-02', shippedOn: '2026-07-04', completedOn: '2026-07-21' });
    expect(r.problems.join(' ')).toMatch(/taken in page order/);
    r = readOrderDetailDom(page({ status: 'Terminée', rows: [ROWS[0], four[0], four[2]] }), { now: NOW });
    expect(only(r).placedOn).toBe('2026-07-02');
    expect(only(r).shippedOn).toBeUndefined();
    expect(r.problems.join(' ')).toMatch(/first date shown/);
    expect(r.problems.join(' ')).toMatch(/info row not understood/);
  });

  it('gives unknown for a status text it does not know, closed for a cancelled wording', () => {
    let r = readOrderDetailDom(page({ status: '発送済み', rows: ROWS }), { now: NOW });
    expect(only(r)).toMatchObject({ status: 'unknown', statusText: '発送済み' });
    expect(r.problems.join(' ')).toMatch(/status "発送済み" not recognised/);
    r = readOrderDetailDom(page({ status: 'Cancelled by the seller', rows: ROWS }), { now: NOW });
    expect(only(r).status).toBe('closed');
    r = readOrderDetailDom(page({ rows: ROWS }), { now: NOW });
    expect(r.problems.join(' ')).toMatch(/status not found/);
  });

  it('reads a truncated page as far as it goes and lists what is missing', () => {
    const raw = fixtureText('detail-2026-en.html');
    const cut = raw.slice(0, raw.indexOf('Magnetic Phone Holder'));
    const r = readOrderDetailDom(parseHtml(cut), { url: savedUrl(parseHtml(cut), cut), now: NOW });
    const o = only(r);
    expect(o).toMatchObject({ orderId: '8203117745612098', status: 'awaiting-delivery', placedOn: '2026-10-20', shippedOn: '2026-10-22' });
    expect(o.items[0].title).toBe('USB C Cable 100W Fast Charging Braided Cord 2m');
    expect(o.total).toBeUndefined();
    expect(r.problems).toContain('order 8203117745612098: order total not found');
  });

  it('reads a page cut before the order block as nothing, with a problem', () => {
    const raw = fixtureText('detail-2026-en.html');
    const cut = raw.slice(0, raw.indexOf('<div class="order-wrap">'));
    const r = readSaved(cut, { now: NOW }, parseHtml);
    expect(r.orders).toEqual([]);
    expect(r.problems.join(' ')).toMatch(/had not finished loading|no order details/);
  });

  it('aliexpress.ru detail addresses give the id and a problem', () => {
    const r = readOrderDetailDom(parseHtml('<html><body><div id="app"></div></body></html>'), { url: 'https://aliexpress.ru/order-list/5012345678901234', now: NOW });
    expect(r.orders.map((o) => o.orderId)).toEqual(['5012345678901234']);
    expect(r.problems.join(' ')).toMatch(/aliexpress\.ru/);
  });

  it('reads euro, won and ambiguous dollar totals, and uses the last row when the total label is unknown', () => {
    const price = (rows: [string, string][]) =>
      `<div class="order-price">${rows.map(([l, v]) => `<div class="order-price-item"><span class="left-col">${l}</span><span class="right-col">${v}</span></div>`).join('')}</div>`;
    let r = readOrderDetailDom(page({ status: 'Completed', rows: ROWS, body: price([['Sous-total', '12,00 €'], ['Montant', '10,50 €']]) }), { now: NOW });
    expect(only(r).total).toEqual({ amount: 10.5, currency: 'EUR', text: '10,50 €' });
    r = readOrderDetailDom(page({ status: 'Completed', rows: ROWS, body: price([['합계', '₩1,234,000'], ['쿠폰', '-₩1,000']]) }), { now: NOW });
    expect(only(r).total?.amount).toBe(1234000);
    r = readOrderDetailDom(page({ status: 'Completed', rows: ROWS, body: price([['Total', '$9.99']]) }), { now: NOW });
    expect(only(r).total).toMatchObject({ amount: 9.99, currency: 'USD' });
    expect(r.problems.join(' ')).toMatch(/could be several currencies/);
  });

  it('finds dated service sentences whatever their markup, but not in buttons, items or the address', () => {
    const body = `<section class="svc-x"><p>Rembourser si pas de livraison avant le 4 sept. 2026</p><p>Refund if no delivery by Sep. 3, 2026</p></section>
      <button class="comet-btn">Refund by Sep 9, 2026</button>
      <div class="order-detail-item"><div class="order-detail-item-content"><div class="item-title"><a href="//www.aliexpress.com/item/1.html">Gift for Oct 1, 2026</a></div></div></div>`;
    const o = only(readOrderDetailDom(page({ status: 'Awaiting delivery', rows: ROWS, body }), { now: NOW }));
    expect(o.pageNotes).toEqual([
      { text: 'Rembourser si pas de livraison avant le 4 sept. 2026', date: '2026-09-04' },
      { text: 'Refund if no delivery by Sep. 3, 2026', date: '2026-09-03' },
    ]);
    expect(o.items).toEqual([{ title: 'Gift for Oct 1, 2026', url: 'https://www.aliexpress.com/item/1.html' }]);
  });

  it('reads progress nodes whose date sits beside the info box', () => {
    const body = `<div class="service-progress"><div class="service-progress-node"><div class="service-progress-node-info">Paid</div><span>Jul 15, 2026</span></div>
      <div class="service-progress-node"><div class="service-progress-node-info">Refund</div><span>Sep 4, 2026</span></div></div>`;
    const o = only(readOrderDetailDom(page({ status: 'Awaiting delivery', rows: [ROWS[0]], body }), { now: NOW }));
    expect(o.paidOn).toBe('2026-07-15');
    expect(o.pageNotes).toEqual([{ text: 'Refund: Sep 4, 2026', date: '2026-09-04' }]);
  });

  it('rejects a tracking number that is not one', () => {
    const body = '<div class="order-logistics"><button class="copy-track-num" data-clipboard-text="see tracking page">Copy</button></div>';
    const r = readOrderDetailDom(page({ status: 'Awaiting delivery', rows: ROWS, body }), { now: NOW });
    expect(only(r).tracking).toBeUndefined();
    expect(r.problems.join(' ')).toMatch(/does not look like one/);
  });

  it('takes the ETA range end and the latest update time when shown', () => {
    const body = `<div class="order-detail-item"><div class="order-detail-item-track">
      <span class="order-detail-item-track-eta-text">Estimated delivery date: Sep 21 - Oct 2</span>
      <div class="order-detail-item-track-info"><div class="order-detail-item-track-info-title">X</div><div class="order-detail-item-track-info-desc">Package delivered.</div><div>Tue | Jul. 28 18:39</div></div></div></div>`;
    const o = only(readOrderDetailDom(page({ status: 'Completed', rows: ROWS, body }), { now: NOW }));
    expect(o.tracking).toEqual({ eta: '2026-10-02', events: [{ at: '2026-07-28T18:39', text: 'Package delivered.' }] });
  });
});

describe('order detail: old trade.aliexpress.com page', () => {
  it('maps the table status code before the text', () => {
    const raw = fixtureText('detail-old-2019.html');
    const url = 'https://trade.aliexpress.com/order_detail.htm?orderId=8001234567891234';
    expect(only(readOrderDetailDom(parseHtml(raw.replace('WAIT_BUYER_ACCEPT_GOODS', 'FINISH')), { url, now: NOW })).status).toBe('completed');
    const r = readOrderDetailDom(parseHtml(raw.replace('WAIT_BUYER_ACCEPT_GOODS', 'SOMETHING_NEW')), { url, now: NOW });
    expect(only(r).status).toBe('unknown');
    expect(r.problems.join(' ')).toMatch(/"Awaiting Receipt" not recognised/);
    expect(OLD_STATUS_CODES.WAIT_SELLER_SEND_GOODS).toBe('awaiting-shipment');
  });

  it('takes the id from the table when the address is unknown', () => {
    const raw = fixtureText('detail-old-2019.html').replace(/^<!--[^\n]*\n/, '');
    const r = readDocument(parseHtml(raw), { now: NOW });
    expect(r.kind).toBe('order-detail');
    expect(r.orders[0]?.orderId).toBe('8001234567891234');
  });
});
