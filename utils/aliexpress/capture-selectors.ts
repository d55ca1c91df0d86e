// What evidence capture needs to know about AliExpress pages: personal details to cover in redacted
// copies (reference/aliexpress-pages.md §12), elements never captured, and the tracking event list to
// expand. Each selector names the saved pages it must match (tests/unit/selectors.test.ts).
import { sel, type SelectorDef } from './reader';

const TRACKING_V2 = ['tracking-2026-v2-en.html', 'tracking-2026-v2-delivered.html', 'tracking-2026-ko.html'];
const LIST = ['list-2026-en.html', 'list-2024-en.html'];

export const PII_SELECTORS: Record<string, SelectorDef> = {
  blurMode: sel('div[class^="blurmode--"]', 'blocks AliExpress itself marks for blurring', ['tracking-2026-v2-en.html']),
  shipTo: sel('div[class^="logistic-info-v2--shippingToInfo"]', 'tracking ship-to name, address, phone', TRACKING_V2),
  shipToBlock: sel('div[class^="ship-to--"]', 'tracking ship-to block', ['tracking-2026-v2-en.html', 'tracking-2025-gen2.html']),
  detailContact: sel('.order-detail-info-content:has(.contact-info)', 'order detail address and contact', ['detail-2026-en.html', 'detail-2026-de.html']),
  detailInfo: sel('.order-detail-info', 'order detail address block', ['detail-2026-en.html', 'detail-2026-ko.html']),
  contact: sel('.contact-info', 'order detail contact', ['detail-2026-en.html', 'detail-2026-en-completed.html']),
  trackTitle: sel('.order-detail-item-track-info-title', 'per-line logistics title', ['detail-2026-en.html', 'detail-2026-de.html']),
  accountName: sel('div[class*="my-account--textCenter--"]', 'account name in the page header', LIST),
  accountAvatar: sel('div[class*="my-account--avator--"]', 'account avatar in the page header', LIST),
  accountShort: sel('span[class*="my-account--small--"][class*="my-account--limitName--"]', 'short account name in the page header', LIST),
  localCarrier: sel('div[class^="concat-carrier--text--"]:has(span[class^="concat-carrier--actionText--"])', 'local-carrier box (local number, phone)', TRACKING_V2),
  oldAddress: sel('div.address-detail p', 'old tracking page address', ['tracking-old-track.html']),
  oldShipping: sel('#shipping-section', 'old order detail shipping address', ['detail-old-2019.html']),
};

export const CAPTURE_SELECTORS: Record<string, SelectorDef> = {
  chatBot: sel('#J_xiaomi_dialog', 'chat-bot pop-up over the page: never captured', ['detail-2026-en.html', 'list-2026-en.html']),
  trackingList: sel(
    '[class*="logistic-info-v2--track"], [class*="logistic-info--"], ul.ship-steps',
    'tracking event list (expanded in the clone so every event is captured)',
    ['tracking-2026-v2-en.html', 'tracking-2025-gen2.html', 'tracking-old-track.html'],
  ),
};
