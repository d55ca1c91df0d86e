// Generated AliExpress order-list pages (2026 markup) of any size, with the deadline each order must
// show. Used by the end-to-end tests, the benchmarks and the demo. Values are invented.
import { addDays, format } from 'date-fns';

export interface SampleOrder {
  orderId: string;
  status: 'awaiting-delivery' | 'awaiting-shipment' | 'completed' | 'closed';
  placedOn: string; // YYYY-MM-DD
  store: string;
  title: string;
  total: number;
}

const STATUS_TEXT: Record<SampleOrder['status'], string> = {
  'awaiting-delivery': 'Awaiting delivery',
  'awaiting-shipment': 'Awaiting shipment',
  completed: 'Completed',
  closed: 'Canceled',
};
const CYCLE: SampleOrder['status'][] = ['awaiting-delivery', 'awaiting-delivery', 'completed', 'awaiting-shipment', 'closed'];
const STORES = ['Lumen Parts Store', 'Hanbit Electronics Official', 'Blue Harbor Home', 'Mirae Tools Factory', 'Sol Garden Supplies'];
const TITLES = ['USB C Cable 100W 2m', 'Mechanical Keyboard Switches 90pcs', 'Silicone Kitchen Spatula Set', 'LED Strip 5m RGB', 'Bike Phone Holder Aluminium'];

const ymd = (d: Date) => format(d, 'yyyy-MM-dd');
const pretty = (d: Date) => format(d, 'MMM d, yyyy');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `count` orders placed 1, 4, 7 … days before `now`, statuses cycling; ids start at `firstId`. */
export function sampleOrders(count: number, now: Date, firstIndex = 0): SampleOrder[] {
  return Array.from({ length: count }, (_, k) => {
    const i = firstIndex + k;
    return {
      orderId: String(3046200000000000 + i * 7919),
      status: CYCLE[i % CYCLE.length],
      placedOn: ymd(addDays(now, -(1 + 3 * i))),
      store: STORES[i % STORES.length],
      title: TITLES[i % TITLES.length],
      total: 3 + ((i * 37) % 9000) / 100,
    };
  });
}

/**
 * The deadline AliProof must badge for a list order, worked out by hand from the rule table: the list
 * shows only the order date, so not-received = placed + 60 (estimated) and card chargeback = placed +
 * 120, for orders that are paid and open; completed orders keep only the chargeback clock.
 */
export function expectedBadge(o: SampleOrder, now: Date): { closesOn?: string } {
  const placed = new Date(o.placedOn + 'T12:00:00');
  const clocks =
    o.status === 'closed'
      ? []
      : o.status === 'completed'
        ? [addDays(placed, 120)]
        : [addDays(placed, 60), addDays(placed, 120)];
  const today = ymd(now);
  const dates = clocks.map(ymd).sort();
  return { closesOn: dates.find((d) => d >= today) ?? dates[dates.length - 1] };
}

export function orderCard(o: SampleOrder, n: number): string {
  const placed = pretty(new Date(o.placedOn + 'T12:00:00'));
  const money = `US $${o.total.toFixed(2)}`;
  const chars = [...money].map((c) => `<span class="es--char--3xLI0dA">${esc(c)}</span>`).join('');
  const buttons = o.status === 'awaiting-delivery' ? '<button type="button" class="comet-btn comet-btn-primary comet-btn-block order-item-btn"><span>Track order</span></button><button type="button" class="comet-btn comet-btn-block order-item-btn"><span>Confirm received</span></button>' : '<button type="button" class="comet-btn comet-btn-block order-item-btn"><span>Add to cart</span></button>';
  return `<div class="order-item">
  <div class="order-item-header">
    <div class="order-item-header-status" data-pl="order_item_header_status"><span class="order-item-header-status-text">${STATUS_TEXT[o.status]}</span></div>
    <div class="order-item-header-right">
      <div class="order-item-header-right-info" data-pl="order_item_header_info">
        <div>Date: ${placed}</div>
        <div>Ref. Number: ${o.orderId}<span class="order-item-header-right-info-copy" role="button">Copy</span></div>
      </div>
      <span class="order-item-header-line"></span>
      <a data-pl="order_item_header_detail" href="https://www.aliexpress.com/p/order/detail.html?spm=a2g0n.order_list.order_list_main.${n}.21ef1802&amp;orderId=${o.orderId}" target="_blank" class="comet-btn comet-btn-borderless order-item-header-right-btn"><span>Details</span></a>
    </div>
  </div>
  <div class="order-item-store">
    <span class="order-item-store-name" data-pl="order_item_store_name"><a href="//www.aliexpress.com/store/110${n}" target="_blank"><span>${esc(o.store)}</span></a></span>
  </div>
  <div class="order-item-content">
    <div class="order-item-content-body">
      <a href="//www.aliexpress.com/item/10050061${String(n).padStart(8, '0')}.html" target="_blank"><div class="order-item-content-img" style="background-color:#ddd"></div></a>
      <div class="order-item-content-info">
        <div class="order-item-content-info-name" data-pl="order_item_content_info_name"><a href="//www.aliexpress.com/item/10050061${String(n).padStart(8, '0')}.html" target="_blank"><span title="${esc(o.title)}">${esc(o.title)}</span></a></div>
        <div class="order-item-content-info-sku" data-pl="order_item_content_info_sku">Color: Black</div>
        <div class="order-item-content-info-number"><div class="es--wrap--1Hlfkoj notranslate">${chars}</div><span class="order-item-content-info-number-quantity">x1</span></div>
      </div>
    </div>
    <div class="order-item-content-opt">
      <div class="order-item-content-opt-price"><span class="order-item-content-opt-price-total" data-pl="order_item_content_price_total">Total: <div class="es--wrap--1Hlfkoj notranslate">${chars}</div></span></div>
      <div class="order-item-btns-wrap"><div class="order-item-btns">${buttons}</div></div>
    </div>
  </div>
</div>`;
}

/** A whole order-list page with these orders, in AliExpress's 2026 markup. */
export function orderListPage(orders: SampleOrder[]): string {
  return `<!DOCTYPE html>
<!-- saved from url=(0044)https://www.aliexpress.com/p/order/index.html -->
<html lang="en"><head><meta charset="utf-8"><title>Orders</title>
<style>body{font:14px Arial,sans-serif;margin:0;background:#f5f5f5}.order-wrap{max-width:1000px;margin:0 auto;padding:16px}.order-item{margin-bottom:16px;border-radius:8px;background:#fff;padding:12px}.order-item-header{display:flex;justify-content:space-between}.order-item-header-right{display:flex;gap:8px;align-items:center}.order-item-content{display:flex;justify-content:space-between}.order-item-content-img{width:80px;height:80px}</style></head>
<body><div id="root"><div class="order-wrap"><h1>Orders</h1>
<div class="comet-tabs-nav"><div class="comet-tabs-nav-item comet-tabs-nav-item-active">View all</div></div>
<div class="order-main"><div class="comet-checkbox-group">
${orders.map((o, i) => orderCard(o, i + 1)).join('\n')}
</div>
<div class="order-more"><button type="button" class="comet-btn comet-btn-large comet-btn-borderless"><span>View orders</span></button></div>
</div></div></div></body></html>`;
}
