// What AliProof does on order pages (badges, storing the orders, the sidebar's edge tab), loaded by the
// order-page content script with import() so that Chrome can keep its compiled code between pages.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runOrderPage } from '../components/page/order-page';
import { ORDER_PAGE_GLOBAL, type OrderPageModule } from '../components/page/order-page-contract';

export default defineUnlistedScript(() => {
  const mod: OrderPageModule = { run: runOrderPage };
  (globalThis as Record<string, unknown>)[ORDER_PAGE_GLOBAL] = mod;
});
