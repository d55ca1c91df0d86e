// Order list, detail and tracking pages. This script only loads the code that does the work
// (components/page/order-page.ts): Chrome compiles a content script anew on every page it runs on, but
// keeps the compiled code of what a content script loads with import(), so the pages a buyer opens
// most do not pay for compiling AliProof each time.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ORDER_PAGE_MATCHES } from '../../utils/aliexpress/urls';
import { loadScriptModule } from '../../utils/load-script';
import { ORDER_PAGE_GLOBAL, ORDER_PAGE_SCRIPT, type OrderPageModule } from '../../components/page/order-page-contract';

export default defineContentScript({
  matches: ORDER_PAGE_MATCHES,
  runAt: 'document_idle',
  // WXT also tells the page by postMessage that the script started: the page need not know (and on a
  // long order list the message cost more than reading the cards on screen)
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // fails only when AliProof was updated or reloaded after this page was opened: it has nothing to run
    const mod = await loadScriptModule<OrderPageModule>(ORDER_PAGE_SCRIPT, ORDER_PAGE_GLOBAL, 'AliProof').catch(() => undefined);
    if (mod && !ctx.isInvalid) mod.run(ctx);
  },
});
