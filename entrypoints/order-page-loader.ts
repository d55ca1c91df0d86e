// The content script of the order list, detail and tracking pages (listed in the manifest by
// wxt.config.ts). It only loads the code that does the work (order-page.js, components/page/
// order-page.ts): Chrome compiles a content script anew on every page it runs on, but keeps the
// compiled code of what a content script loads with import(), so the pages a buyer opens most do not
// pay for compiling AliProof each time. Not a WXT content script: this one needs none of what WXT
// sets up for content scripts, and setting that up cost every order page about 0.3 ms.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadScriptModule } from '../utils/load-script';
import { ORDER_PAGE_GLOBAL, ORDER_PAGE_SCRIPT, type OrderPageModule } from '../components/page/order-page-contract';

export default defineUnlistedScript(() => {
  // fails only when AliProof was updated or reloaded after this page was opened: it has nothing to run
  void loadScriptModule<OrderPageModule>(ORDER_PAGE_SCRIPT, ORDER_PAGE_GLOBAL, 'AliProof').then(
    (mod) => mod.run(),
    () => undefined,
  );
});
