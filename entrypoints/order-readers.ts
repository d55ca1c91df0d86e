// The order-page readers (list, detail, tracking), loaded by the order-page script with import() on
// detail and tracking pages only: order lists, the pages opened most, need just the list reader.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readOrderPage } from '../utils/aliexpress/order-pages';
import { ORDER_READERS_GLOBAL, type OrderReadersModule } from '../utils/aliexpress/order-readers-contract';

export default defineUnlistedScript(() => {
  const mod: OrderReadersModule = { readOrderPage };
  (globalThis as Record<string, unknown>)[ORDER_READERS_GLOBAL] = mod;
});
