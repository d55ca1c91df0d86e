// The contract between the order-page content script (entrypoints/order-page-loader.ts) and the code
// it loads (entrypoints/order-page.ts, listed in web_accessible_resources). Chrome compiles a content
// script from scratch on every page, but keeps the compiled code of a script loaded with import(): on
// the order pages a buyer opens again and again, the content script is only this loader.

export const ORDER_PAGE_SCRIPT = '/order-page.js';
export const ORDER_PAGE_GLOBAL = '__aliproofOrderPage';
/** the content script that loads it, as listed in the manifest */
export const ORDER_PAGE_LOADER = 'order-page-loader.js';

export interface OrderPageModule {
  /** components/page/order-page.ts runOrderPage */
  run(): void;
}
