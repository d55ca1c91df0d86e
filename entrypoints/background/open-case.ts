// Opens the case page in a new tab when a content script asks. A page on aliexpress.com cannot open a
// chrome-extension:// address itself (it is not web-accessible, on purpose), so the sidebar's
// "case file" link sends { type: 'open-case' } and the background opens the tab.
import { browser } from 'wxt/browser';
import { caseUrl } from '../../utils/case/url';
import type { OpenCaseMessage } from '../../utils/case/url';

export function registerCaseHandlers(): void {
  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: unknown) => void) => {
    const msg = raw as OpenCaseMessage;
    if (msg?.type !== 'open-case') return false;
    const orderId = typeof msg.orderId === 'string' && /^\d{6,22}$/.test(msg.orderId) ? msg.orderId : undefined;
    browser.tabs
      .create({ url: caseUrl(orderId) })
      .then(() => sendResponse({ ok: true }))
      .catch((e: Error) => sendResponse({ ok: false, error: e.message }));
    return true;
  });
}
