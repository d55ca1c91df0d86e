// The detail and tracking readers travel apart from the always-on order-page script: they are a third
// of it, and only detail and tracking pages need them. entrypoints/order-readers.ts puts them on a
// global (a web-accessible script the page script loads with utils/load-script.ts).
import type { PageReading, ReadContext } from '../types';

export const ORDER_READERS_SCRIPT = '/order-readers.js';
export const ORDER_READERS_GLOBAL = '__aliproofOrderReaders';

export interface OrderReadersModule {
  /** utils/aliexpress/order-pages.ts readOrderPage */
  readOrderPage(doc: Document, ctx: ReadContext): PageReading;
}
