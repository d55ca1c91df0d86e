// Order list, detail and tracking pages: read the page, hand the reading to the background, and read
// again when AliExpress appends cards ("View orders") or the single-page app navigates.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { readDocument } from '../../utils/aliexpress';
import { ORDER_PAGE_MATCHES } from '../../utils/aliexpress/urls';
import type { Message } from '../../utils/messaging';
import type { PageReading } from '../../utils/types';

const REREAD_DELAY_MS = 250;

export default defineContentScript({
  matches: ORDER_PAGE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let lastSent = '';
    let timer: ReturnType<typeof setTimeout> | undefined;

    const read = () => {
      const reading: PageReading = readDocument(document, { url: location.href, now: new Date() });
      const key = JSON.stringify(reading.orders);
      if (key === lastSent || !reading.orders.length) return;
      lastSent = key;
      const msg: Message = { type: 'page-read', url: location.href, reading };
      browser.runtime.sendMessage(msg).catch(() => {
        lastSent = ''; // background not reachable (extension reloaded): try again on the next change
      });
    };

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(read, REREAD_DELAY_MS);
    };

    read();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
  },
});
