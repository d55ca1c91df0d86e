// A long seller chat for the capture tests: 300 messages in a scrolling pane, laid out like the message
// centre fixture (tests/fixtures/aliexpress/chat-2026-p-message.html), with an oklch() colour, a
// color-mix() colour and a cross-origin avatar. The first and the last message have marker colours so a
// test can find them by pixels in the captured images.

export const CHAT_ORDER_ID = '8212313961591322';
export const CHAT_URL = `https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=${CHAT_ORDER_ID}&bizContext=orderDetail`;
export const AVATAR_URL = 'https://ae01.alicdn.com/kf/Hshopavatar300.png_50x50.png';
export const STORE = 'Sunrise Gadgets Store';
/** marker backgrounds (sRGB, exact) of the first and the last message */
export const FIRST_RGB = [255, 0, 255] as const;
export const LAST_RGB = [0, 200, 255] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

export function messageText(i: number): string {
  return `Message ${String(i).padStart(3, '0')}: ${i % 2 ? 'Where is my parcel? Tracking has not moved.' : 'Dear friend, please wait a few more days.'}`;
}

/** `scrolling: false` lays the conversation out in the page's own flow (no inner scroller to find). */
export function chat300Html(count = 300, opts: { scrolling?: boolean } = {}): string {
  const scrolling = opts.scrolling ?? true;
  const start = Date.UTC(2026, 5, 1, 9, 0); // 2026-06-01 09:00
  let lastDay = '';
  const rows: string[] = [];
  for (let i = 1; i <= count; i++) {
    const t = new Date(start + (i - 1) * 2 * 3600_000);
    const day = `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}`;
    if (day !== lastDay) {
      rows.push(`<div class="message-item--divider--7Gh8i"><span>${day}, 2026</span></div>`);
      lastDay = day;
    }
    const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    const buyer = i % 2 === 1;
    const marker = i === 1 ? ' id="first-message"' : i === count ? ' id="last-message"' : '';
    const bubble = `<div class="message-item--bubble--3Cd4e"${marker}><div class="message-item--text--4Hi5j">${messageText(i)}</div></div>`;
    const meta = `<div class="message-item--meta--5De6f"><span class="message-item--time--6Ef7g">${time}</span></div>`;
    rows.push(
      buyer
        ? `<div class="message-item--row--9Zt1q message-item--self--4Ab1c"><div class="message-item--body--2Bc3d">${bubble}${meta}</div></div>`
        : `<div class="message-item--row--9Zt1q"><img class="message-item--avatar--1Aa2b" src="${AVATAR_URL}" alt="${STORE}" width="36" height="36"><div class="message-item--body--2Bc3d">${bubble}${meta}</div></div>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Messages - AliExpress</title>
<style>
  html, body { margin: 0; font: 14px/1.4 Arial, sans-serif; background: #f5f5f5; }
  ${scrolling ? 'html, body { height: 100%; overflow: hidden; } .im-app { height: 100vh; }' : '.message-list--scroll--4De5f { overflow-y: visible !important; }'}
  .im-app { display: flex; }
  .im-layout--main--6nBv3 { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #ffffff; }
  .chat-header--wrap--1Qw3e { padding: 12px 16px; border-bottom: 1px solid #e5e5e5; font-weight: bold; }
  .message-list--scroll--4De5f { flex: 1; min-height: 0; overflow-y: auto; padding: 8px 16px; }
  .message-item--divider--7Gh8i { text-align: center; color: #999999; font-size: 12px; margin: 10px 0; }
  .message-item--row--9Zt1q { display: flex; gap: 8px; margin: 6px 0; align-items: flex-start; }
  .message-item--self--4Ab1c { justify-content: flex-end; }
  .message-item--avatar--1Aa2b { width: 36px; height: 36px; border-radius: 50%; }
  .message-item--bubble--3Cd4e { padding: 8px 12px; border-radius: 10px; max-width: 420px; background: oklch(0.93 0.05 150); color: oklch(0.25 0.05 250); }
  .message-item--self--4Ab1c .message-item--bubble--3Cd4e { background: color-mix(in srgb, #ff7a00 35%, #ffffff); color: #222222; }
  #first-message { background: rgb(${FIRST_RGB.join(', ')}); }
  #last-message { background: rgb(${LAST_RGB.join(', ')}); }
  .message-item--meta--5De6f { font-size: 11px; color: #999999; margin-top: 2px; }
  .chat-input--wrap--8Tu9v { border-top: 1px solid #e5e5e5; padding: 8px 16px; display: flex; gap: 8px; }
  .chat-input--textarea--4Za5b { flex: 1; height: 40px; }
</style></head>
<body>
<div id="root"><div class="im-app">
  <div class="im-layout--main--6nBv3">
    <div class="chat-header--wrap--1Qw3e"><a class="chat-header--store--4Rt5y" href="//www.aliexpress.com/store/1102345678"><span class="me-ui-main-title">${STORE}</span></a></div>
    <div class="message-list--scroll--4De5f"><div class="message-list--inner--5Ef6g">
${rows.join('\n')}
    </div></div>
    <div class="chat-input--wrap--8Tu9v"><textarea class="chat-input--textarea--4Za5b" placeholder="Please enter a message"></textarea><button class="chat-input--send--6Bc7d" type="button">Send</button></div>
  </div>
</div></div>
<script>
  // like the real chat: opened at the newest message
  const pane = document.querySelector('.message-list--scroll--4De5f');
  pane.scrollTop = pane.scrollHeight;
  // any click that reaches the page (not AliProof's own button) is counted: the tests expect none
  window.pageClicks = 0;
  addEventListener('click', (e) => { if (!e.target.closest || !e.target.closest('aliproof-capture')) window.pageClicks++; });
</script>
</body></html>`;
}
