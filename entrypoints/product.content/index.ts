// Product pages: "the listing is the contract". A capture button that saves the whole listing, linked
// to the order when AliProof opened the page (#aliproof-order=<id>).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { capturePage } from '../../utils/evidence/client';
import { orderFromHash, PRODUCT_PAGE_MATCHES } from '../../utils/evidence/product';
import { mountCaptureWidget } from '../../utils/evidence/widget';
import { t } from '../../utils/i18n/all';

export default defineContentScript({
  matches: PRODUCT_PAGE_MATCHES,
  runAt: 'document_idle',
  // WXT also tells the page by postMessage that the script started: the page need not know
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const orderId = () => orderFromHash(location.hash);
    await mountCaptureWidget(ctx, {
      label: () => t('capture.product-page'),
      hint: () => (orderId() ? `${t('capture.forOrder', { id: orderId()! })} · ${t('capture.productHint')}` : t('capture.productHint')),
      capture: (onProgress) => capturePage('product-page', document, { onProgress, orderId: orderId() }),
    });
  },
});
