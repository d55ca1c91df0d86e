// The order list reader: current /p/order/index.html cards (2023–2026 label generations, several
// locales), the old trade.aliexpress.com table, and the mtop order.list payload.
import {
  looksLikeOrderList,
  MORE_ORDERS,
  ORDER_LIST_SELECTORS,
  readOrderListDom,
  readOrderListPayload,
} from '@/utils/aliexpress/order-list';
import { detectKind, readDocument, readPayload, readSaved } from '@/utils/aliexpress/index';
import { NOT_LOGGED_IN, type Json } from '@/utils/aliexpress/payload';
import { readInputs } from '@/utils/reading';
import { fixtureDoc, fixtureText, parseHtml } from '../helpers/fixtures';

const NOW = new Date('2026-11-21T12:00:00');
const ctx = { now: NOW };
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

const ids = (r: { orders: { orderId: string }[] }) => r.orders.map((o) => o.orderId);
const payload = () => JSON.parse(fixtureText('list-payload.json')) as Json;

/** A page with one container of cards followed by the "View orders" button, as the live page has. */
function page(cards: string, tail = '<div class="order-more"><button class="comet-btn"><span>View orders</span></button></div>') {
  return parseHtml(`<!DOCTYPE html><html><body><div class="comet-checkbox-group">${cards}</div>${tail}<div class="site-footer">footer</div></body></html>`);
}

interface CardOpts {
  id?: string;
  status?: string;
  info?: string;
  detailHref?: string | null;
  store?: string;
  lines?: string;
  total?: string | null;
  cls?: string;
}

function card(o: CardOpts = {}) {
  const id = o.id ?? '3046201893510471';
  const info = o.info ?? `<div>Date: Nov 3, 2026</div><div>Ref. Number: ${id}<span>Copy</span></div>`;
  const href = o.detailHref === undefined ? `https://www.aliexpress.com/p/order/detail.html?spm=a2g0n.order_list.0&amp;orderId=${id}` : o.detailHref;
  const detail = href === null ? '' : `<a data-pl="order_item_header_detail" href="${href}"><span>Details</span></a>`;
  const lines =
    o.lines ??
    `<div class="order-item-content-body"><a href="//www.aliexpress.com/item/1005006123456789.html"><div class="order-item-content-img"></div></a>
      <div class="order-item-content-info"><div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005006123456789.html"><span title="Full product title">Full prod...</span></a></div>
      <div class="order-item-content-info-sku">Color: Black</div><div class="order-item-content-info-number"><span class="order-item-content-info-number-quantity">x2</span></div></div></div>`;
  const total = o.total === null ? '' : `<span class="order-item-content-opt-price-total">${o.total ?? 'Total: <div class="es--wrap--ZZ9abcd notranslate"><span>US $</span><span>12.50</span></div>'}</span>`;
  return `<div class="${o.cls ?? 'order-item'}">
    <div class="order-item-header"><div class="order-item-header-status" data-pl="order_item_header_status"><span class="order-item-header-status-text">${o.status ?? 'Awaiting delivery'}</span></div>
      <div class="order-item-header-right"><div class="order-item-header-right-info" data-pl="order_item_header_info">${info}</div>${detail}</div></div>
    <div class="order-item-store"><span class="order-item-store-name"><a href="//www.aliexpress.com/store/1103456789"><span>${o.store ?? 'Lumen Parts Store'}</span></a></span></div>
    <div class="order-item-content">${lines}<div class="order-item-content-opt"><div class="order-item-content-opt-price">${total}</div></div></div>
  </div>`;
}

// ---------------------------------------------------------------------------------------------

describe('order list fixtures, read directly', () => {
  it('2026 en: seven orders in page order with every fact', () => {
    const r = readOrderListDom(fixtureDoc('list-2026-en.html'), ctx);
    expect(ids(r)).toEqual([
      '3046201893510471', '3046188820440213', '3046175502310988', '3046210076650345', '3046199230870556', '3046150043120677', '3046214410980789',
    ]);
    expect(r.orders.map((o) => o.status)).toEqual([
      'awaiting-delivery', 'completed', 'closed', 'awaiting-payment', 'awaiting-delivery', 'completed', 'awaiting-shipment',
    ]);
    const first = r.orders[0];
    expect(first).toMatchObject({
      placedOn: '2026-11-03',
      store: { name: 'Lumen Parts Store', url: 'https://www.aliexpress.com/store/1103456789' },
      total: { amount: 12.5, currency: 'USD', text: 'US $12.50' },
      items: [{ title: expect.stringMatching(/^USB C to USB C Cable 100W .* 2m$/), quantity: 2, sku: 'Color: Black, Length: 2m' }],
      deadlines: [],
    });
    expect(first.next).toBeUndefined();
    // the untruncated title comes from the title attribute, not the shortened text
    expect(first.items[0].title.endsWith('...')).toBe(false);
    // the list has no tracking numbers
    expect(r.orders.every((o) => o.tracking === undefined)).toBe(true);
    expect(r.problems).toEqual([
      'order 3046199230870556: 3 items are shown without a title in the list (pictures only; the titles are on the order detail page)',
      MORE_ORDERS,
    ]);
  });

  it('2026 en: a multi-item order gives one untitled item per picture, each with its product link', () => {
    const multi = readOrderListDom(fixtureDoc('list-2026-en.html'), ctx).orders.find((o) => o.orderId === '3046199230870556')!;
    expect(multi.items).toEqual([
      { title: '', url: 'https://www.aliexpress.com/item/1005006600110011.html' },
      { title: '', url: 'https://www.aliexpress.com/item/1005006600220022.html' },
      { title: '', url: 'https://www.aliexpress.com/item/1005006600330033.html' },
    ]);
  });

  it('2026 en: refund line and service tags become page notes', () => {
    const r = readOrderListDom(fixtureDoc('list-2026-en.html'), ctx);
    expect(r.orders[2].pageNotes).toEqual([{ text: 'Refund completed' }]);
    expect(r.orders[0].pageNotes.map((n) => n.text)).toEqual(['Fast delivery', 'Free returns']);
  });

  it('truncated 2026 page: the complete orders and exactly one problem', () => {
    const r = readOrderListDom(fixtureDoc('list-2026-en-truncated.html'), ctx);
    expect(ids(r)).toEqual(['3046201893510471', '3046188820440213', '3046175502310988', '3046210076650345']);
    expect(r.problems).toEqual(['1 of 5 orders was cut off (page truncated)']);
    const full = readInputs([{ content: fixtureText('list-2026-en-truncated.html') }], { now: NOW, parseHtml });
    expect(full.kind).toBe('order-list');
    expect(full.problems).toContain('1 of 5 orders was cut off (page truncated)');
  });

  it('after "View orders": every card in the container is read, the first ones unchanged', () => {
    const base = readOrderListDom(fixtureDoc('list-2026-en.html'), ctx);
    const more = readOrderListDom(fixtureDoc('list-2026-en-more.html'), ctx);
    expect(more.orders).toHaveLength(17);
    expect(more.orders.slice(0, 7)).toEqual(base.orders);
    expect(new Set(ids(more)).size).toBe(17);
    expect(more.orders[16]).toMatchObject({ orderId: '3045887801930900', placedOn: '2026-06-24', status: 'completed' });
    // reading the page again after it grew merges without duplicates
    const both = readInputs(
      [
        { content: fixtureText('list-2026-en.html') },
        { content: fixtureText('list-2026-en-more.html') },
      ],
      { now: NOW, parseHtml },
    );
    expect(both.orders).toHaveLength(17);
  });

  it('2024 en: "Order date:/Order ID:" labels, euro totals, another price hash, multi-line order', () => {
    const r = readOrderListDom(fixtureDoc('list-2024-en.html'), ctx);
    expect(ids(r)).toEqual(['8176634501827731', '8175981130412290', '8175422209958812', '8176700012345678']);
    expect(r.orders.map((o) => o.placedOn)).toEqual(['2024-03-02', '2024-02-14', '2024-01-01', '2024-03-05']);
    expect(r.orders.map((o) => o.total?.amount)).toEqual([9.12, 12.36, 48.88, 2.1]);
    expect(r.orders.every((o) => o.total?.currency === 'EUR')).toBe(true);
    expect(r.orders[1].items.map((i) => i.quantity)).toEqual([4, 1]);
    expect(r.orders[2]).toMatchObject({ status: 'closed', statusText: 'Cancelled' });
    expect(r.problems).toEqual([MORE_ORDERS]);
  });

  it('2024 en: a card without a Details link takes its id from the "Order ID:" row', () => {
    const doc = fixtureDoc('list-2024-en.html');
    const cards = doc.querySelectorAll('.order-item');
    expect(cards[3].querySelector('a[data-pl="order_item_header_detail"]')).toBeNull();
    expect(readOrderListDom(doc, ctx).orders[3].orderId).toBe('8176700012345678');
  });

  it('2026 ko: Korean labels ("주문일자::"), dates "2026. 11. 3.", ₩ and ￦ totals, unknown status reported', () => {
    const r = readOrderListDom(fixtureDoc('list-2026-ko.html'), ctx);
    expect(r.orders.map((o) => [o.status, o.placedOn, o.total?.amount, o.total?.currency])).toEqual([
      ['awaiting-delivery', '2026-11-03', 16350, 'KRW'],
      ['completed', '2026-10-21', 8900, 'KRW'],
      ['closed', '2026-10-09', 12400, 'KRW'],
      ['awaiting-payment', '2026-11-20', 15300, 'KRW'],
      ['unknown', '2026-09-28', 21900, 'KRW'],
    ]);
    expect(r.orders[0].items[0].url).toBe('https://ko.aliexpress.com/item/1005008001002003.html');
    expect(r.orders[2].pageNotes).toEqual([{ text: '환불 완료' }]);
    expect(r.problems).toEqual(['order 3047060011223305: status "분쟁 진행 중" not recognised', MORE_ORDERS]);
  });

  it('2026 sk: Slovak labels, "Kopírovať", day-first dates and "12,50 €"', () => {
    const r = readOrderListDom(fixtureDoc('list-2026-sk.html'), ctx);
    expect(r.orders.map((o) => [o.orderId, o.status, o.placedOn, o.total?.amount])).toEqual([
      ['3047200011112221', 'awaiting-delivery', '2026-11-03', 12.5],
      ['3047188822223332', 'completed', '2026-10-17', 7.84],
      ['3047177733334443', 'closed', '2026-10-02', 1234.56],
      ['3047211144445554', 'awaiting-shipment', '2026-11-19', 18.99],
    ]);
    expect(r.problems).toEqual([MORE_ORDERS]);
  });

  it('old trade.aliexpress.com table: lines, amounts and the lefttime countdown as a dated note', () => {
    const r = readOrderListDom(fixtureDoc('list-old-trade.html'), ctx);
    expect(ids(r)).toEqual(['8012345600112233', '8012300099887766', '8012399911223344']);
    expect(r.orders[0]).toMatchObject({
      status: 'awaiting-delivery',
      placedOn: '2021-03-14',
      total: { amount: 25.98, currency: 'USD' },
      items: [{ quantity: 1 }, { quantity: 2 }],
      pageNotes: [{ text: 'Buyer protection countdown: 12 days left (lefttime 1058400000 ms)', date: '2026-12-03' }],
    });
    // on an order not yet shipped the same element counts the seller's shipping time
    expect(r.orders[2].pageNotes).toEqual([{ text: 'Seller shipping countdown: 4 days left (lefttime 345600000 ms)', date: '2026-11-25' }]);
    expect(r.orders[1].pageNotes).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('old table: the countdown date follows the capture time (ctx.now), floored to a local date', () => {
    const late = readOrderListDom(fixtureDoc('list-old-trade.html'), { now: new Date('2026-11-21T23:30:00') });
    // 23:30 + 12 d 6 h = Dec 4, 05:30
    expect(late.orders[0].pageNotes[0].date).toBe('2026-12-04');
    const noClock = readOrderListDom(fixtureDoc('list-old-trade.html'), {});
    expect(noClock.orders[0].pageNotes[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('order list payload', () => {
  it('reads orders in display order (hierarchy.structure), not map order', () => {
    const r = readOrderListPayload(payload(), ctx);
    expect(ids(r)).toEqual(['8214812233440455', '8214398062170351', '8211748238130282', '8210505692320516']);
    expect(r.problems).toEqual([MORE_ORDERS]);
  });

  it('pt_BR "Concluído " (trailing space), code 9, multi-line order, skuAttrs and formatPriceInfo', () => {
    const o = readOrderListPayload(payload(), ctx).orders[2];
    expect(o).toMatchObject({
      status: 'completed',
      statusText: 'Concluído',
      placedOn: '2026-05-18',
      total: { amount: 87.82, currency: 'BRL', text: 'R$87,82' },
      store: { name: 'NANO Store', url: 'https://www.aliexpress.com/store/1104336407' },
    });
    expect(o.items).toHaveLength(2);
    expect(o.items[1]).toEqual({
      title: 'Fone de ouvido intra-auricular com microfone HiFi',
      quantity: 1,
      sku: 'Cor: Transparente sem microfone',
      url: 'https://www.aliexpress.com/item/1005924558380036.html',
    });
  });

  it('formatPriceInfo avoids separator guessing ("R$1.234,56|1234|56")', () => {
    expect(readOrderListPayload(payload(), ctx).orders[0].total).toEqual({ amount: 1234.56, currency: 'BRL', text: 'R$1.234,56' });
  });

  it('item tags (desc, else the tag label) and itemExtraInfo HTML become page notes, once each', () => {
    const o = readOrderListPayload(payload(), ctx).orders[1];
    expect(o.pageNotes.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Não está satisfeito .* período de proteção do pedido\./),
      'Entrega rápida',
      'Cupom de R$5 se atrasar',
    ]);
    const two = readOrderListPayload(payload(), ctx).orders[2];
    expect(two.pageNotes).toHaveLength(2); // both lines carry the same tags
  });

  it('status: the code decides when the text is unknown; on disagreement the text wins with a problem', () => {
    const p = payload();
    const f = p.data.data.pc_om_list_order_8214398062170351.fields;
    f.statusText = '배송 중 (테스트)';
    let o = readOrderListPayload(p, ctx);
    expect(o.orders[1]).toMatchObject({ status: 'awaiting-delivery', statusText: '배송 중 (테스트)' });
    f.statusText = 'Completed';
    o = readOrderListPayload(p, ctx);
    expect(o.orders[1].status).toBe('completed');
    expect(o.problems).toContain('order 8214398062170351: status "Completed" and status code 8 disagree; the text was kept');
    f.statusText = 'Something new';
    f.utParams.args.orderStatus = '77';
    o = readOrderListPayload(p, ctx);
    expect(o.orders[1].status).toBe('unknown');
    expect(o.problems).toContain('order 8214398062170351: status "Something new" not recognised');
  });

  it('EMC-style values: strings for numbers, a bare "$" settled by currencyCode, no formatPriceInfo', () => {
    const p = {
      api: 'mtop.aliexpress.trade.buyer.order.list',
      ret: ['SUCCESS::调用成功'],
      data: {
        data: {
          pc_om_list_order_8000222333270000: {
            tag: 'pc_om_list_order',
            id: '8000222333270000',
            fields: {
              orderId: '8000222333270000', currencyCode: 'USD', totalPriceText: '$25.66', orderDateText: 'Sep 13, 2026', statusText: 'Awaiting delivery',
              storeName: 'Example Electronics Store', storePageUrl: '//www.aliexpress.com/store/1103',
              orderLines: [{ itemTitle: 'Buck-Boost Converter Module', quantity: '1', skuAttrs: [{ id: '14', name: 'Color', text: 'Module', vid: '691' }] }],
              utParams: { args: { orderId: '8000222333270000', orderStatus: '8' } },
            },
          },
        },
      },
    };
    const r = readPayload(p, ctx);
    expect(r.kind).toBe('order-list');
    expect(r.orders[0]).toMatchObject({
      status: 'awaiting-delivery',
      total: { amount: 25.66, currency: 'USD', text: '$25.66' },
      items: [{ title: 'Buck-Boost Converter Module', quantity: 1, sku: 'Color: Module' }],
    });
    expect(r.problems).toEqual([]);
  });

  it('an order id written as a bare JSON number beyond 2^53 keeps its digits (read from the saved text)', () => {
    const big = '9214398062170351'; // > 2^53: JSON.parse alone would round it
    expect(String(JSON.parse(big))).not.toBe(big);
    const text = fixtureText('list-payload.json')
      .replace('"orderId": "8214398062170351"', `"orderId": ${big}`)
      .replace('"id": "8214398062170351"', `"id": ${big}`);
    const r = readSaved(text, ctx, parseHtml);
    expect(ids(r)).toEqual(['8214812233440455', big, '8211748238130282', '8210505692320516']);
  });

  it('JSONP-wrapped payloads and a logged-out answer', () => {
    const r = readSaved(`mtopjsonp3(${fixtureText('list-payload.json')})`, ctx, parseHtml);
    expect(r.orders).toHaveLength(4);
    const out = readPayload({ api: 'mtop.aliexpress.trade.buyer.order.list', ret: ['FAIL_SYS_SESSION_EXPIRED::SESSION失效'], data: {} }, ctx);
    expect(out.orders).toEqual([]);
    expect(out.problems[0]).toContain(NOT_LOGGED_IN);
  });

  it('components that lost their tag, or entries that are not objects, are still counted', () => {
    const p = payload();
    delete p.data.data.pc_om_list_order_8210505692320516.tag;
    p.data.data.pc_om_list_order_8211748238130282 = 0;
    const r = readOrderListPayload(p, ctx);
    expect(ids(r)).toEqual(['8214812233440455', '8214398062170351', '8210505692320516']);
    expect(r.problems).toContain('order 8211748238130282: its entry in the payload could not be read (skipped)');
    expect(r.problems).toContain('1 of 4 orders in the payload could not be read');
  });

  it('never throws on odd payloads', () => {
    for (const p of [{}, { data: null }, { data: { data: { pc_om_list_order_1: { tag: 'pc_om_list_order', fields: null } } } }, { data: { data: [] } }, { data: { hierarchy: { structure: 5 } } }]) {
      const r = readOrderListPayload(p as Json, ctx);
      expect(Array.isArray(r.orders)).toBe(true);
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('order list cards: edge cases beyond the fixtures', () => {
  it('reads a minimal card with an unseen price hash', () => {
    const r = readOrderListDom(page(card()), ctx);
    expect(r.orders[0]).toMatchObject({
      orderId: '3046201893510471',
      status: 'awaiting-delivery',
      placedOn: '2026-11-03',
      total: { amount: 12.5, currency: 'USD' },
      items: [{ title: 'Full product title', quantity: 2, sku: 'Color: Black', url: 'https://www.aliexpress.com/item/1005006123456789.html' }],
    });
    expect(r.problems).toEqual([MORE_ORDERS]);
  });

  it('no "View orders" button: no paging problem', () => {
    expect(readOrderListDom(page(card(), ''), ctx).problems).toEqual([]);
  });

  it('the Details link wins over the header text; a disagreement is reported', () => {
    const r = readOrderListDom(page(card({ info: '<div>Date: Nov 3, 2026</div><div>Ref. Number: 1111111111111111 Copy</div>' })), ctx);
    expect(r.orders[0].orderId).toBe('3046201893510471');
    expect(r.problems[0]).toBe('order 3046201893510471: the header shows another id (1111111111111111); the id of the Details link was used');
  });

  it('leaves the "Copy" button words (any language, any case, repeated) out of the header text it reports', () => {
    const info = '<div>Date: 32 Foo 2026 COPY 복사</div><div>Ref. Number: 3046201893510471<span>Copy</span></div><div>Kopieren</div>';
    const r = readOrderListDom(page(card({ info })), ctx);
    expect(r.orders[0].placedOn).toBeUndefined();
    expect(r.problems).toEqual(['order 3046201893510471: order date "32 Foo 2026" not understood', MORE_ORDERS]);
  });

  it('falls back to the header text, with or without child rows and with "Copy" glued on', () => {
    const oneBlock = card({ detailHref: null, info: 'Order date: Jan 01, 2024 Order ID: 8175422209958812Copy' });
    const r = readOrderListDom(page(oneBlock), ctx);
    expect(r.orders[0]).toMatchObject({ orderId: '8175422209958812', placedOn: '2024-01-01' });
  });

  it('older and newer Korean labels and a year-month-day date in Korean', () => {
    for (const info of [
      '<div>주문일: 2026년 11월 3일</div><div>주문 ID: 3047102938475601 복사</div>',
      '<div>주문일자:: 2026년 11월 3일</div><div>주문번호:: 3047102938475601<span>복사</span></div>',
    ]) {
      const r = readOrderListDom(page(card({ detailHref: null, info, status: '배송 중', total: '합계: <div class="es--wrap--a1"><span>₩16,350</span></div>' })), ctx);
      expect(r.orders[0]).toMatchObject({ orderId: '3047102938475601', placedOn: '2026-11-03', status: 'awaiting-delivery', total: { amount: 16350, currency: 'KRW' } });
    }
  });

  it('numeric day-first dates with spaces ("3. 11. 2026")', () => {
    const r = readOrderListDom(page(card({ info: '<div>Dátum: 3. 11. 2026</div><div>Referenčné číslo: 3046201893510471 Kopírovať</div>' })), ctx);
    expect(r.orders[0].placedOn).toBe('2026-11-03');
  });

  it('a card without any id is skipped with a problem; the others are read', () => {
    const r = readOrderListDom(page(card({ detailHref: null, info: '<div>Date: Nov 3, 2026</div><div>Ref. Number: — Copy</div>' }) + card({ id: '3046188820440213' })), ctx);
    expect(ids(r)).toEqual(['3046188820440213']);
    expect(r.problems).toContain('order card 1: order id not found (skipped)');
  });

  it('unknown status, garbled date, missing total and a bare "$" each become a problem', () => {
    const r = readOrderListDom(
      page(
        card({ status: 'On the moon', info: '<div>Date: Smarch 40, 2026</div><div>Ref. Number: 3046201893510471</div>', total: null }) +
          card({ id: '3046188820440213', total: 'Total: $5.00' }),
      ),
      ctx,
    );
    expect(r.orders[0]).toMatchObject({ status: 'unknown', statusText: 'On the moon' });
    expect(r.orders[0].placedOn).toBeUndefined();
    expect(r.orders[0].total).toBeUndefined();
    expect(r.orders[1].total).toMatchObject({ amount: 5, currency: 'USD' });
    expect(r.problems).toEqual([
      'order 3046201893510471: status "On the moon" not recognised',
      'order 3046201893510471: order date "Smarch 40, 2026" not understood',
      'order 3046201893510471: total not found',
      'order 3046188820440213: total "$" could be several currencies; assumed US dollars',
      MORE_ORDERS,
    ]);
  });

  it('the same order shown twice is read once', () => {
    expect(readOrderListDom(page(card() + card()), ctx).orders).toHaveLength(1);
  });

  it('a card whose class was lost is reported, not silently dropped', () => {
    const r = readOrderListDom(page(card() + card({ id: '3046188820440213', cls: 'order-itm' })), ctx);
    expect(ids(r)).toEqual(['3046201893510471']);
    expect(r.problems).toContain('1 order card could not be read (unexpected markup)');
  });

  it('a page cut right after the last card drops that card with a problem', () => {
    const doc = parseHtml(`<html><body><div class="comet-checkbox-group">${card()}${card({ id: '3046188820440213', total: 'Total: <div class="es--wrap--x"><span>US $9</span>' })}`);
    const r = readOrderListDom(doc, ctx);
    expect(ids(r)).toEqual(['3046201893510471']);
    expect(r.problems).toEqual(['1 of 2 orders was cut off (page truncated)']);
  });

  it('an empty or foreign document gives a problem, never an exception', () => {
    for (const html of ['', '<html><body><p>Hello</p></body></html>', '<div class="order-item"></div><footer></footer>', '<div class="order-item"><div class="order-item-header-right-info">x</div></div><p>end</p>']) {
      const r = readOrderListDom(parseHtml(html), ctx);
      expect(r.orders).toEqual([]);
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('old table: an unreadable lefttime is a problem, not a date', () => {
    const html = fixtureText('list-old-trade.html').replace('lefttime="1058400000"', 'lefttime="soon"');
    const r = readOrderListDom(parseHtml(html), ctx);
    expect(r.orders[0].pageNotes).toEqual([]);
    expect(r.problems).toContain('order 8012345600112233: buyer-protection countdown "soon" not understood');
  });
});

describe('dispatch and environments', () => {
  it('looksLikeOrderList recognises every list layout and nothing else', () => {
    for (const f of ['list-2026-en.html', 'list-2024-en.html', 'list-2026-ko.html', 'list-2026-sk.html', 'list-old-trade.html']) {
      expect(looksLikeOrderList(fixtureDoc(f)), f).toBe(true);
    }
    expect(looksLikeOrderList(parseHtml('<div class="order-detail-item-store">x</div>'))).toBe(false);
    expect(detectKind(fixtureDoc('list-2026-en.html'))).toBe('order-list');
  });

  it('readDocument by address: www, ko. and the old trade host', () => {
    expect(readDocument(fixtureDoc('list-2026-ko.html'), { url: 'https://ko.aliexpress.com/p/order/index.html', now: NOW }).orders).toHaveLength(5);
    expect(readDocument(fixtureDoc('list-old-trade.html'), { url: 'https://trade.aliexpress.com/orderList.htm', now: NOW }).orders).toHaveLength(3);
    const r = readDocument(fixtureDoc('list-2026-en.html'), { url: `${LIST_URL}?tab=shipped`, now: NOW });
    expect(r.kind).toBe('order-list');
    expect(r.orders).toHaveLength(7);
  });

  it('happy-dom (the browser-like DOM) reads the same as linkedom', () => {
    for (const f of ['list-2026-en.html', 'list-2026-ko.html', 'list-old-trade.html']) {
      const browserDoc = new DOMParser().parseFromString(fixtureText(f).replace(/<link [^>]*>/g, ''), 'text/html');
      expect(readOrderListDom(browserDoc, ctx), f).toEqual(readOrderListDom(fixtureDoc(f), ctx));
    }
  });

  it('every selector is used by a fixture (the selector record is complete)', () => {
    for (const [name, def] of Object.entries(ORDER_LIST_SELECTORS)) {
      expect(def.fixtures.length, name).toBeGreaterThan(0);
    }
  });
});

describe('reading only some cards (orders appended by "View orders")', () => {
  it('reads the given cards exactly as the whole-page reader does', async () => {
    const { readOrderCards, readOrderListDom, ORDER_LIST_SELECTORS } = await import('../../../utils/aliexpress/order-list');
    const doc = fixtureDoc('list-2026-en-more.html');
    const cards = Array.from(doc.querySelectorAll(ORDER_LIST_SELECTORS.card.css));
    const whole = readOrderListDom(doc, { now: new Date('2026-11-21T12:00:00') }).orders;
    const last3 = readOrderCards(cards.slice(-3), { now: new Date('2026-11-21T12:00:00') });
    expect(last3.orders).toEqual(whole.slice(-3));
  });

  it('reads old-layout cards and reports a card without an id', async () => {
    const { readOrderCards, ORDER_LIST_SELECTORS } = await import('../../../utils/aliexpress/order-list');
    const old = fixtureDoc('list-old-trade.html');
    const cards = Array.from(old.querySelectorAll(ORDER_LIST_SELECTORS.oldCard.css));
    expect(readOrderCards(cards).orders.length).toBe(cards.length);
    const bare = fixtureDoc('list-2026-en.html').createElement('div');
    bare.className = 'order-item';
    expect(readOrderCards([bare]).problems).toEqual(['an order card without an order id was skipped']);
  });
});
