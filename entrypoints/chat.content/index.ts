// Message pages: the sidebar (top frame) and a capture button for the seller chat. All frames, because the IM app may live in a
// frame of its own; a frame shows the button only when it holds a conversation.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHAT_PAGE_MATCHES } from '../../utils/aliexpress/urls';
import { CHAT_SELECTORS } from '../../utils/aliexpress/chat';
import { captureChat, findChatContainer } from '../../utils/evidence/chat-capture';
import { mountCaptureWidget } from '../../utils/evidence/widget';
import { t } from '../../utils/i18n/all';
import { pageFromUrl } from '../../utils/aliexpress/urls';
import { mountSidebar } from '../../components/page/sidebar';
import { lifetimeOf } from '../../components/page/page-lifetime';
import { stores } from '../../utils/store/vanilla';

const TOP_WAIT_S = 3; // the top page: time for a chat frame or the conversation to appear
const FRAME_WAIT_S = 15; // a frame: the IM app renders late

export default defineContentScript({
  matches: CHAT_PAGE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  // WXT also tells the page by postMessage that the script started: the page need not know
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const top = window.top === window;
    if (top) {
      // the sidebar on chat pages too: the order named in the address, or every order
      void stores.start();
      const page = { kind: 'chat' as const, orderId: pageFromUrl(location.href).orderId };
      await mountSidebar(lifetimeOf(ctx), { orderId: page.orderId, page });
    }
    const holdsConversation = () => !!findChatContainer(document);
    const chatFrame = () => !!document.querySelector(CHAT_SELECTORS.frame.css);
    const wait = () => new Promise((r) => ctx.setTimeout(() => r(undefined), 1_000));
    if (top) {
      // show the button unless the chat lives in a frame (that frame shows its own); pick mode covers
      // a conversation AliProof cannot find
      for (let i = 0; i < TOP_WAIT_S && !holdsConversation(); i++) {
        if (chatFrame()) return;
        await wait();
      }
      if (chatFrame() && !holdsConversation()) return;
    } else {
      let found = false;
      for (let i = 0; i < FRAME_WAIT_S && !ctx.isInvalid && !(found = holdsConversation()); i++) await wait();
      if (!found) return;
    }
    if (ctx.isInvalid) return;
    await mountCaptureWidget(ctx, {
      label: () => t('capture.chat'),
      capture: (onProgress) => captureChat(document, { onProgress, pickHint: t('capture.stage.picking') }),
    });
  },
});
