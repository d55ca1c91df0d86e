// The sidebar's evidence section on AliExpress pages: capture this page (when it is this order's
// tracking or order page), the order's gallery, and the way to its case page.
import { useState } from 'react';
import { useI18n } from '../../utils/i18n';
import { capturePage } from '../../utils/evidence/client';
import { openCasePage } from '../../utils/case/url';
import type { OrderItem, PageKind } from '../../utils/types';
import { readOrderPage } from '../../utils/aliexpress/order-pages';
import { productUrlForOrder } from '../../utils/evidence/product';
import { isListingUrl } from '../../utils/aliexpress/urls';
import { CaptureButton } from '../CaptureButton';
import { Gallery } from '../Gallery';

export interface PageContext {
  kind: PageKind;
  orderId?: string;
}

export function PageEvidence({ orderId, page, items = [] }: { orderId: string; page: PageContext; items?: readonly OrderItem[] }) {
  const { t } = useI18n();
  const [captures, setCaptures] = useState(0);
  const [error, setError] = useState('');
  // listings on AliExpress only (item addresses come from the page, so they are checked)
  const listings = items.filter((i) => isListingUrl(i.url));
  const kind = page.kind === 'tracking' || page.kind === 'order-detail' ? page.kind : undefined;
  return (
    <div className="ap-evidence">
      {kind && page.orderId === orderId && (
        <CaptureButton
          label={t(`capture.${kind}`)}
          hint={t('capture.forOrder', { id: orderId })}
          capture={(onProgress) => capturePage(kind, document, { orderId, reading: readOrderPage(document, { url: location.href, now: new Date() }), onProgress })}
          onDone={() => setCaptures((n) => n + 1)}
        />
      )}
      {listings.length > 0 && (
        <>
          <p className="ap-hint">{t('capture.productHint')}</p>
          <ul className="ap-listing-links">
            {listings.map((i) => (
              <li key={i.url}>
                {/* the listing page's capture button links the capture to this order through the address */}
                <a className="ap-link" href={productUrlForOrder(i.url!, orderId)} target="_blank" rel="noopener noreferrer">
                  {t('capture.openListing', { title: i.title || i.url! })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <Gallery key={captures} orderId={orderId} />
      <button
        type="button"
        className="ap-button"
        onClick={() => openCasePage(orderId).catch((e: Error) => setError(e.message))}
      >
        {t('sidebar.openCase')}
      </button>
      {error && (
        <p className="ap-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
