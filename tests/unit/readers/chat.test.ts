// Seller chat reader: saved fixtures through the full pipeline, and inline pages with markup the
// fixtures do not have (the real bubble markup is unknown, so the reader must work from structure).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHAT_SELECTORS, chatScrollCandidates, looksLikeChat, oneLook, readChatDom } from '../../../utils/aliexpress/chat';
import { readDocument, readSaved } from '../../../utils/aliexpress/index';
import type { ChatMessage } from '../../../utils/types';
import { FIXTURE_DIR, fixtureDoc, fixtureText, parseHtml } from '../helpers/fixtures';

const NOW = new Date('2026-11-21T12:00:00');
const P_URL = 'https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=8201234567890123&bizContext=orderDetail';
const CLASSIC_URL = 'https://msg.aliexpress.com/buyerMsgListNew.htm';

const chatFixtures = readdirSync(FIXTURE_DIR).filter((f) => /^chat-.*\.html$/.test(f)).sort();

/** A page built from a body, parsed like a saved file. */
const page = (body: string) => parseHtml(`<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`);
const read = (body: string, now = NOW, url?: string) => readChatDom(page(body), { now, url });
const senders = (ms: ChatMessage[]) => ms.map((m) => m.sender);
const p2 = (n: number) => String(n).padStart(2, '0');
const localStamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`;
};

describe('chat fixtures through the full pipeline', () => {
  it('has the required fixtures, each with an expected reading', () => {
    expect(chatFixtures).toEqual(expect.arrayContaining(['chat-2026-p-message.html', 'chat-msg-classic.html', 'chat-message-old.html', 'chat-empty.html']));
    for (const f of chatFixtures) {
      expect(fixtureText(f)).toMatch(/^<!-- saved from url=\(\d{4}\)https:\/\/\S+ -->/);
      expect(() => fixtureText(f.replace(/\.html$/, '.expected.json'))).not.toThrow();
    }
  });

  for (const f of chatFixtures) {
    it(`reads ${f} as expected`, () => {
      const exp = JSON.parse(fixtureText(f.replace(/\.html$/, '.expected.json')));
      const reading = readSaved(fixtureText(f), { url: exp.url, now: new Date(exp.now) }, parseHtml);
      expect(reading).toMatchObject(exp.expect);
    });
  }

  it('every chat selector matches something in each fixture it lists', () => {
    for (const [key, def] of Object.entries(CHAT_SELECTORS)) {
      expect(def.fixtures.length, key).toBeGreaterThan(0);
      for (const f of def.fixtures) {
        expect(fixtureDoc(f).querySelectorAll(def.css).length, `${key} in ${f}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('chat-2026-p-message.html (the /p/message IM app)', () => {
  const r = readChatDom(fixtureDoc('chat-2026-p-message.html'), { now: NOW, url: P_URL });
  const ms = r.chat!.messages;

  it('reads the conversation, not the conversation list, the menu or the input box', () => {
    expect(ms).toHaveLength(11);
    expect(ms.some((m) => /Hanbit|Bright Tools|Wish list|Please enter|Emoji/.test(m.text))).toBe(false);
    expect(ms.some((m) => /No more messages/.test(m.text))).toBe(false);
  });

  it('tells buyer, seller and system apart', () => {
    expect(senders(ms)).toEqual(['buyer', 'buyer', 'seller', 'buyer', 'buyer', 'seller', 'system', 'buyer', 'seller', 'seller', 'buyer']);
    expect(ms[2].senderName).toBe('Sunrise Gadgets Store');
  });

  it('applies date separators (year-less, Yesterday, Today) to the times under them', () => {
    expect(ms.map((m) => m.at)).toEqual([
      '2026-07-29T14:02', '2026-07-29T14:05', '2026-07-29T15:31', '2026-08-08T09:12', '2026-08-08T09:13', '2026-08-08T10:40',
      undefined, '2026-11-20T20:15', '2026-11-20T20:47', '2026-11-21T08:03', '2026-11-21T09:30',
    ]);
    expect(ms[0].timeText).toBe('14:02'); // the "Read" mark is not part of the time
    expect(r.problems.some((p) => /year is not shown for 2 dates/.test(p))).toBe(true);
  });

  it('reads order cards, product cards, images, emoji and line breaks', () => {
    expect(ms[0].text).toBe('[order 8201234567890123] USB-C Charging Cable 2m Order ID: 8201234567890123');
    expect(ms[4].text).toBe('[image] S8f2c1d0e9b7a4c3d.png_640x640.png');
    expect(ms[5].text).toBe('We checked with the carrier. If you do not receive it by Aug 20, we will refund you in full.\nPlease do not open a dispute.');
    expect(ms[8].text).toBe('Sorry [sad] we will refund you. Please wait 3 days for the refund.');
    expect(ms[9].text).toBe('[product] New USB-C Fast Cable 3m, 20% off');
  });

  it('gives the store, the order and one order fact', () => {
    expect(r.chat).toMatchObject({ store: 'Sunrise Gadgets Store', orderId: '8201234567890123' });
    expect(r.orders).toEqual([
      expect.objectContaining({ orderId: '8201234567890123', status: 'unknown', store: { name: 'Sunrise Gadgets Store', url: 'https://www.aliexpress.com/store/1102345678' } }),
    ]);
  });

  it('still reads the thread with every class name removed (structure only)', () => {
    const html = fixtureText('chat-2026-p-message.html').replace(/ class="[^"]*"/g, '');
    const bare = readChatDom(parseHtml(html), { now: NOW });
    expect(bare.chat!.messages).toHaveLength(11);
    expect(senders(bare.chat!.messages)).toEqual(senders(ms));
    expect(bare.chat!.messages.map((m) => m.at)).toEqual(ms.map((m) => m.at));
    expect(bare.chat!.store).toBe('Sunrise Gadgets Store'); // from the seller avatar's alt text
    expect(bare.chat!.orderId).toBe('8201234567890123');
  });

  it('finds the same thread without the input box', () => {
    const html = fixtureText('chat-2026-p-message.html').replace(/<textarea[^>]*><\/textarea>/, '');
    expect(readChatDom(parseHtml(html), { now: NOW }).chat!.messages).toHaveLength(11);
  });
});

describe('chat-msg-classic.html (msg.aliexpress.com, Korean)', () => {
  const r = readChatDom(fixtureDoc('chat-msg-classic.html'), { now: NOW, url: CLASSIC_URL });
  const ms = r.chat!.messages;

  it('reads left/right bubbles, Korean AM/PM times and Korean date separators', () => {
    expect(ms).toHaveLength(8);
    expect(senders(ms)).toEqual(['buyer', 'seller', 'seller', 'buyer', 'buyer', 'seller', 'buyer', 'seller']);
    expect(ms.map((m) => m.at)).toEqual([
      '2026-07-29T14:05', '2026-07-29T15:20', '2026-07-30T09:40', '2026-07-30T14:05',
      '2026-08-07T23:58', '2026-11-20T10:12', '2026-11-20T10:30', '2026-11-20T12:12',
    ]);
    expect(ms[3].timeText).toBe('오후 2:05');
    expect(ms[4].text).toBe('아직 받지 못했습니다. 약속대로 환불해 주세요.\n[image] 배송조회 화면');
  });

  it('takes the store from the conversation title and reports nothing missing', () => {
    expect(r.chat!.store).toBe('Hanbit Official Store');
    expect(r.chat!.orderId).toBeUndefined();
    expect(r.orders).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('is recognised as a chat page without its address', () => {
    const doc = fixtureDoc('chat-msg-classic.html');
    expect(looksLikeChat(doc)).toBe(true);
    expect(readDocument(doc, { now: NOW }).kind).toBe('chat');
  });
});

describe('chat-message-old.html (old message centre table)', () => {
  const r = readChatDom(fixtureDoc('chat-message-old.html'), { now: NOW });
  const ms = r.chat!.messages;

  it('reads a flat table of rows with sender names, skipping the header row', () => {
    expect(ms).toHaveLength(6);
    expect(ms.map((m) => m.senderName)).toEqual(['John D.', 'Bright Tools Store', 'John D.', 'Bright Tools Store', 'AliExpress', 'John D.']);
    expect(senders(ms)).toEqual(['buyer', 'seller', 'buyer', 'seller', 'system', 'buyer']);
    expect(ms[1]).toMatchObject({ at: '2021-03-02T21:40', text: 'Dear customer, sorry about that. Please send us a video of the problem.' });
  });

  it('takes the order from the header link and the store from the header', () => {
    expect(r.chat).toMatchObject({ store: 'Bright Tools Store', orderId: '8109876543210987' });
    expect(r.orders).toHaveLength(1);
  });

  it('is not taken for a chat page without its address (no known markers)', () => {
    expect(readDocument(fixtureDoc('chat-message-old.html'), { now: NOW }).kind).toBe('unknown');
    expect(readDocument(fixtureDoc('chat-message-old.html'), { now: NOW, url: 'https://message.aliexpress.com/message/messagecenter_list.htm' }).kind).toBe('chat');
  });
});

describe('pages without an open conversation', () => {
  it('chat-empty.html: the conversation list is not read as messages', () => {
    const r = readChatDom(fixtureDoc('chat-empty.html'), { now: NOW });
    expect(r.chat!.messages).toEqual([]);
    expect(r.chat!.store).toBeUndefined(); // "Messages" is not a store name
    expect(r.problems).toEqual(['could not find the conversation on this page: no conversation is open (only the list of conversations is shown)']);
  });

  it('chat-p-message-frame.html: says the conversation is in a frame; the order comes from the address', () => {
    const url = 'https://www.aliexpress.com/p/message/index.html?orderId=8301234567890123&accountid=2200000001';
    const r = readChatDom(fixtureDoc('chat-p-message-frame.html'), { now: NOW, url });
    expect(r.chat!.messages).toEqual([]);
    expect(r.problems.join(' ')).toMatch(/inside a frame/);
    expect(r.orders.map((o) => o.orderId)).toEqual(['8301234567890123']);
    expect(readDocument(fixtureDoc('chat-p-message-frame.html'), { now: NOW, url }).chat!.orderId).toBe('8301234567890123');
  });

  it('a page with only a menu and a footer gives no messages', () => {
    const r = read(`<nav><ul><li><a href="/">Home</a></li><li><a href="/o">Orders</a></li><li><a href="/m">Messages</a></li></ul></nav>
      <div class="im-app"><div>Welcome</div></div><div><p>Help</p><p>Privacy</p><p>Terms</p></div>`);
    expect(r.chat!.messages).toEqual([]);
    expect(r.problems[0]).toMatch(/^could not find the conversation on this page/);
  });

  it('never throws on empty or odd documents', () => {
    for (const body of ['', 'just text', '<div><div><div></div></div></div>', '<img><img><img>', '<table><tr><td>14:05</td></tr><tr><td>14:06</td></tr></table>']) {
      expect(() => read(body)).not.toThrow();
      expect(read(body).problems.length).toBeGreaterThan(0);
    }
    expect(() => readChatDom(parseHtml(''), { now: NOW })).not.toThrow();
  });
});

describe('markup the fixtures do not have', () => {
  it('bubbles marked only by hashed left/right alignment classes, times in title tooltips', () => {
    const r = read(`
      <div class="Wc7--pane--x1"><div class="Wc7--head--q2"><span class="Wc7--title--z9">Lucky Star Shop</span></div>
      <div class="Wc7--scroller--a8">
        <div class="Bb3--left--k1"><div class="Bb3--bub--m2" title="2026-10-02 09:15:44">Hello buyer, your parcel left.</div></div>
        <div class="Bb3--right--k3"><div class="Bb3--bub--m2" title="2026-10-02 09:20:01">Thanks, what is the tracking number?</div></div>
        <div class="Bb3--left--k1"><div class="Bb3--bub--m2" title="2026-10-02 10:01:10">LX123456789CN</div></div>
        <div class="Bb3--right--k3"><div class="Bb3--bub--m2" title="2026-10-05 18:00:00">It does not work.</div></div>
      </div></div>`);
    const ms = r.chat!.messages;
    expect(senders(ms)).toEqual(['seller', 'buyer', 'seller', 'buyer']);
    expect(ms.map((m) => m.at)).toEqual(['2026-10-02T09:15', '2026-10-02T09:20', '2026-10-02T10:01', '2026-10-05T18:00']);
    expect(ms[2].text).toBe('LX123456789CN');
    expect(r.chat!.store).toBe('Lucky Star Shop');
    expect(r.problems).toEqual([]);
  });

  it('a flat list with sender names and no classes at all; store from the known title', () => {
    const r = read(`
      <div class="message-view"><div class="message-view-title"><div class="message-view-title__content">Moon Tools</div></div>
      <ul>
        <li><b>Moon Tools</b><p>Hello! Your order is shipped.</p><small>Sep 3, 2026 10:00</small></li>
        <li><b>kim***</b><p>Not arrived yet.</p><small>Sep 20, 2026 21:15</small></li>
        <li><b>Moon Tools</b><p>Please wait 10 more days.</p><small>Sep 21, 2026 08:05</small></li>
        <li><b>kim***</b><p>OK.</p><small>Sep 21, 2026 08:30</small></li>
      </ul></div>`);
    const ms = r.chat!.messages;
    expect(ms.map((m) => [m.sender, m.senderName, m.text, m.at])).toEqual([
      ['seller', 'Moon Tools', 'Hello! Your order is shipped.', '2026-09-03T10:00'],
      ['buyer', 'kim***', 'Not arrived yet.', '2026-09-20T21:15'],
      ['seller', 'Moon Tools', 'Please wait 10 more days.', '2026-09-21T08:05'],
      ['buyer', 'kim***', 'OK.', '2026-09-21T08:30'],
    ]);
    expect(r.chat!.store).toBe('Moon Tools');
  });

  it('"Name:" labels, data-is-self flags and inline row-reverse styles', () => {
    const labels = read(`<div id="log">
      <div><span>Seller:</span> <span>We shipped it.</span> <span>2026-08-01 10:00</span></div>
      <div><span>You:</span> <span>Thanks.</span> <span>2026-08-01 10:05</span></div></div>`);
    expect(labels.chat!.messages.map((m) => [m.sender, m.text])).toEqual([['seller', 'We shipped it.'], ['buyer', 'Thanks.']]);

    const flags = read(`<section>
      <article data-is-self="false"><p>Hi</p><time datetime="2026-08-01T10:00:00">10:00</time></article>
      <article data-is-self="true"><p>Hello</p><time datetime="2026-08-01 10:02">10:02</time></article>
      <article data-is-self="false"><p>How can I help?</p><time datetime="1785549780000">10:03</time></article></section>`);
    expect(flags.chat!.messages.map((m) => [m.sender, m.text, m.at])).toEqual([
      ['seller', 'Hi', '2026-08-01T10:00'],
      ['buyer', 'Hello', '2026-08-01T10:02'],
      ['seller', 'How can I help?', localStamp(1785549780000)],
    ]);
    // a zoned time is this browser's local time, like an epoch
    const zoned = read(`<div class="msg-list"><div class="msg self"><p>a</p><time datetime="2026-08-01T10:00:00+08:00">10:00</time></div><div class="msg other"><p>b</p><time datetime="2026-08-01T02:05:00Z">10:05</time></div></div>`);
    expect(zoned.chat!.messages.map((m) => m.at)).toEqual([localStamp(Date.parse('2026-08-01T10:00:00+08:00')), localStamp(Date.parse('2026-08-01T02:05:00Z'))]);

    const styles = read(`<div><textarea></textarea></div><div><div>
      <div style="display:flex"><img src="a.png" width="40"><div><p>Where is it?</p><span>Jul 1, 2026 09:00</span></div></div>
      <div style="display: flex; flex-direction: row-reverse"><img src="b.png" width="40"><div><p>Still waiting</p><span>Jul 1, 2026 09:30</span></div></div>
      </div><textarea></textarea></div>`);
    expect(senders(styles.chat!.messages)).toEqual(['seller', 'buyer']);
  });

  it('system notices (by class, centred style or AliExpress name) and time-only separators', () => {
    const r = read(`<div class="chat-body">
      <div class="row-time">2026-09-01 08:00</div>
      <div class="row"><div class="bubble bubble-other">Order confirmed.</div></div>
      <div class="row"><div class="bubble bubble-mine">When do you ship?</div></div>
      <div class="sys-tip">The seller has shipped your order.</div>
      <div class="row-time">09:30</div>
      <div class="row" style="text-align:center"><div>Please rate this conversation</div></div>
      <div class="row"><div class="bubble bubble-other">Shipped today.</div></div>
    </div>`);
    const ms = r.chat!.messages;
    expect(senders(ms)).toEqual(['seller', 'buyer', 'system', 'system', 'seller']);
    // a separator's time applies to everything under it, as the page shows it
    expect(ms.map((m) => m.at)).toEqual(['2026-09-01T08:00', '2026-09-01T08:00', '2026-09-01T08:00', '2026-09-01T09:30', '2026-09-01T09:30']);
    expect(ms[2].timeText).toBe('2026-09-01 08:00');
  });

  it('groups of messages under a date header are flattened in order', () => {
    const day = (d: string, msgs: string[]) =>
      `<div class="day-group"><div class="day-label">${d}</div>${msgs.map((m, i) => `<div class="msg ${i % 2 ? 'msg-self' : 'msg-other'}"><span class="txt">${m}</span><span class="tm">1${i}:00</span></div>`).join('')}</div>`;
    const r = read(`<div class="chat-list">${day('2026-10-01', ['a', 'b', 'c'])}${day('2026-10-02', ['d', 'e'])}${day('2026-10-03', ['f', 'g', 'h', 'i'])}</div>`);
    const ms = r.chat!.messages;
    expect(ms.map((m) => m.text).join('')).toBe('abcdefghi');
    expect(ms.map((m) => m.at)).toEqual([
      '2026-10-01T10:00', '2026-10-01T11:00', '2026-10-01T12:00', '2026-10-02T10:00', '2026-10-02T11:00',
      '2026-10-03T10:00', '2026-10-03T11:00', '2026-10-03T12:00', '2026-10-03T13:00',
    ]);
    expect(senders(ms)).toEqual(['seller', 'buyer', 'seller', 'seller', 'buyer', 'seller', 'buyer', 'seller', 'buyer']);
  });

  it('a message row with its time on top is one message, not a group', () => {
    const r = read(`<div class="messages">
      <div class="msg self"><div class="time">2026-11-01 10:00</div><div class="bubble">Where is it?</div></div>
      <div class="msg"><div class="time">2026-11-01 10:20</div><div class="bubble">Shipped.</div></div>
      <div class="msg self"><div class="time">2026-11-01 10:30</div><div class="bubble">Thanks</div></div>
    </div>`);
    expect(r.chat!.messages.map((m) => [m.sender, m.text, m.at])).toEqual([
      ['buyer', 'Where is it?', '2026-11-01T10:00'],
      ['seller', 'Shipped.', '2026-11-01T10:20'],
      ['buyer', 'Thanks', '2026-11-01T10:30'],
    ]);
  });

  it('year-less dates across New Year step back a year; 12-hour clocks convert', () => {
    const r = read(`<div class="msg-list">
        <div class="sep">Dec 30</div>
        <div class="item self"><p>Any news?</p><span>오후 12:05</span></div>
        <div class="sep">Jan 2</div>
        <div class="item other"><p>Sorry, holidays.</p><span>12:30 AM</span></div>
        <div class="item self"><p>OK</p><span>11:10 PM</span></div>
      </div>`, new Date('2027-01-05T12:00:00'));
    expect(r.chat!.messages.map((m) => m.at)).toEqual(['2026-12-30T12:05', '2027-01-02T00:30', '2027-01-02T23:10']);
  });

  it('says so when times have no date and senders cannot be told', () => {
    const r = read(`<div><textarea></textarea></div><div class="x"><div><p>one</p><i>14:05</i></div><div><p>two</p><i>14:06</i></div><div><p>three</p></div></div><textarea></textarea>`);
    expect(r.chat!.messages.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect(r.chat!.messages.map((m) => m.timeText)).toEqual(['14:05', '14:06', undefined]);
    expect(r.problems).toEqual(expect.arrayContaining([
      '1 message had no time',
      '2 messages show a time but no date',
      'could not tell whether the buyer or the seller wrote 3 messages',
      'could not find the store name of this conversation',
    ]));
  });

  it('does not read delete controls or read marks into the text, nor the send button as a message', () => {
    const r = read(`<div class="message-view"><div class="message-view-title"><div class="message-view-title__content">Star</div></div>
      <div class="message-list">
        <div class="item self"><div class="bubble">Refund please</div><span class="time">2026-11-01 10:00</span><span class="status">Read</span><span class="btn-delete"><svg><path fill="#757575"></path></svg>Delete</span></div>
        <div class="item other"><div class="bubble">OK</div><span class="time">2026-11-01 10:05</span></div>
      </div>
      <div class="footer"><textarea></textarea><i id="buyer_msg_send_btn" class="icon-plane disable">Send</i></div></div>`);
    expect(r.chat!.messages.map((m) => m.text)).toEqual(['Refund please', 'OK']);
  });
});

describe('times and names in other shapes', () => {
  it('a header line "Name · time" above each text gives both the name and the time', () => {
    const r = read(`<div class="thread">
      <div class="m"><div class="h">Lucky Star Shop · 2026-10-02 09:15</div><div class="t">Your parcel left.</div></div>
      <div class="m"><div class="h">Jane K. (2026-10-02 11:40)</div><div class="t">Meet the deadline at 14:05 please</div></div>
      <div class="m"><div class="h">Lucky Star Shop 2026-10-03 08:00</div><div class="t">OK</div></div>
    </div><div class="message-view-title__content">Lucky Star Shop</div>`);
    expect(r.chat!.messages.map((m) => [m.senderName, m.sender, m.text, m.at])).toEqual([
      ['Lucky Star Shop', 'seller', 'Your parcel left.', '2026-10-02T09:15'],
      ['Jane K.', 'buyer', 'Meet the deadline at 14:05 please', '2026-10-02T11:40'],
      ['Lucky Star Shop', 'seller', 'OK', '2026-10-03T08:00'],
    ]);
  });

  it('weekday separators, "2 min ago", ambiguous day/month dates and Korean 시/분 times', () => {
    // 2026-11-21 is a Saturday: "Wednesday" is 2026-11-18
    const r = read(`<div class="msg-list">
      <div class="d">Wednesday</div>
      <div class="item self"><p>a</p><span>14:05</span></div>
      <div class="d">03/04/2026</div>
      <div class="item other"><p>b</p><span>09:00</span></div>
      <div class="item other"><p>c</p><span>25/10/2026 10:00</span></div>
      <div class="item self"><p>d</p><span>2 min ago</span></div>
      <div class="item other"><p>e</p><span>2026년 11월 21일 오후 3시 5분</span></div>
    </div>`);
    const ms = r.chat!.messages;
    expect(ms.map((m) => m.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ms.map((m) => m.at)).toEqual(['2026-11-18T14:05', undefined, '2026-10-25T10:00', undefined, '2026-11-21T15:05']);
    expect(ms[3].timeText).toBe('2 min ago');
    expect(r.problems).toEqual(expect.arrayContaining([
      '2 messages show a time but no date',
      'the date of 1 message is shown as a weekday only: taken as the last such day before today',
    ]));
  });

  it('leaves out control labels, hidden text and "new messages" dividers', () => {
    const r = read(`<div class="chat-content">
      <div class="row self"><div class="bubble">Where is it?<span class="sr-only">sent by you</span></div><span class="tm">2026-11-01 10:00</span><span class="op">Copy</span><span class="op">Translate</span></div>
      <div class="unread-line">New messages</div>
      <div class="row other"><div class="bubble">On the way <span style="display:none">internal</span></div><span class="tm">2026-11-01 10:05</span></div>
    </div>`);
    expect(r.chat!.messages.map((m) => m.text)).toEqual(['Where is it?', 'On the way']);
  });
});

describe('on-screen order', () => {
  const row = (i: number, side: string, text: string, time: string) =>
    `<div data-index="${i}" class="vl-item"><div class="msg ${side}"><p>${text}</p><span>${time}</span></div></div>`;

  it('a virtual list is read in data-index order', () => {
    const r = read(`<div class="virtual-list">${row(2, 'self', 'c', '2026-11-01 10:02')}${row(0, 'self', 'a', '2026-11-01 10:00')}${row(1, 'other', 'b', '2026-11-01 10:01')}</div>`);
    expect(r.chat!.messages.map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('a list drawn bottom-up (newest first in the DOM) is turned oldest first', () => {
    const rows = [row(9, 'self', 'c', '2026-11-01 10:02'), row(9, 'other', 'b', '2026-11-01 10:01'), row(9, 'self', 'a', '2026-11-01 10:00')].join('');
    expect(read(`<div style="display:flex;flex-direction:column-reverse">${rows.replace(/ data-index="9"/g, '')}</div>`).chat!.messages.map((m) => m.text)).toEqual(['a', 'b', 'c']);
    expect(read(`<div class="msg-scroll">${rows.replace(/ data-index="9"/g, '')}</div>`).chat!.messages.map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('times with a zone name are still times', () => {
    const r = read(`<div class="messages"><div class="msg self"><p>a</p><span>2026-11-01 10:00 (GMT+8)</span></div><div class="msg other"><p>b</p><span>2026-11-01 11:00 (GMT+8)</span></div></div>`);
    expect(r.chat!.messages.map((m) => [m.text, m.at])).toEqual([['a', '2026-11-01T10:00'], ['b', '2026-11-01T11:00']]);
  });
});

describe('choosing the conversation among other lists', () => {
  it('a flat layout with a longer conversation list: the list right above the input box wins', () => {
    // a conversation list is newest first: today's entry shows a time, older ones a date
    const sessions = ['<div><b>Store A</b><span>09:12</span></div>', ...Array.from({ length: 11 }, (_, i) => `<div><b>Store ${i}</b><span>Oct ${20 - i}</span></div>`)].join('');
    const r = read(`<div class="shell"><div>${sessions}</div><div>
        <div><p>Hi, where is my order?</p><span>2026-11-01 10:00</span></div>
        <div><p>It is on the way.</p><span>2026-11-01 10:30</span></div>
      </div><div><textarea></textarea><button>Send</button></div></div>`);
    expect(r.chat!.messages.map((m) => m.text)).toEqual(['Hi, where is my order?', 'It is on the way.']);
  });

  it('quick-reply chips next to the input box are not the conversation', () => {
    const r = read(`<div class="im-app"><div class="main">
        <div class="message-list">
          <div class="msg msg-self"><p>Hello</p><span>2026-11-01 10:00</span></div>
          <div class="msg msg-other"><p>Hi, how can I help?</p><span>2026-11-01 10:01</span></div>
        </div>
        <div class="composer"><div class="quick-replies"><span>Where is my order?</span><span>Refund please</span><span>Change address</span><span>Thanks</span></div><textarea></textarea></div>
      </div></div>`);
    expect(r.chat!.messages.map((m) => m.text)).toEqual(['Hello', 'Hi, how can I help?']);
    expect(senders(r.chat!.messages)).toEqual(['buyer', 'seller']);
  });

  it('a single unanswered buyer message is still read', () => {
    const r = read(`<div class="im-app"><div class="panel"><div class="title">Moon Tools</div>
      <div class="list"><div class="msg mine"><p>Please answer, I will open a dispute.</p><span>2026-11-19 22:00</span></div></div>
      <div class="footer"><textarea></textarea></div></div></div>`);
    expect(r.chat!.messages).toEqual([expect.objectContaining({ sender: 'buyer', text: 'Please answer, I will open a dispute.', at: '2026-11-19T22:00' })]);
    expect(r.chat!.store).toBe('Moon Tools');
  });
});

describe('long threads', () => {
  it('reads a 300-message thread completely and in order', () => {
    const rows: string[] = [];
    for (let i = 0; i < 300; i++) {
      if (i % 20 === 0) rows.push(`<div class="sep--d--1x">2026-${String(1 + Math.floor(i / 40)).padStart(2, '0')}-${String(1 + ((i / 20) % 2) * 10).padStart(2, '0')}</div>`);
      const mine = i % 3 === 0;
      rows.push(`<div class="row--r--7k${mine ? ' row--mine--2z' : ''}"><div class="bub--b--3q">message ${i + 1}</div><div class="tm--t--9w">${String(8 + ((i % 20) >> 1)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}</div></div>`);
    }
    const t0 = Date.now();
    const r = read(`<div class="app"><div class="list--l--4p">${rows.join('')}</div><textarea></textarea></div>`);
    const elapsed = Date.now() - t0;
    const ms = r.chat!.messages;
    expect(ms).toHaveLength(300);
    expect(ms.map((m) => m.text)).toEqual(Array.from({ length: 300 }, (_, i) => `message ${i + 1}`));
    expect(ms.every((m, i) => m.sender === (i % 3 === 0 ? 'buyer' : 'seller'))).toBe(true);
    expect(ms.every((m) => /^2026-\d\d-\d\dT\d\d:\d\d$/.test(m.at ?? ''))).toBe(true);
    expect(ms[20].at!.slice(0, 10)).toBe('2026-01-11');
    expect(ms[299].at!.slice(0, 10)).toBe('2026-08-01');
    expect(r.problems).toEqual(['could not find the store name of this conversation']);
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('chatScrollCandidates', () => {
  it('ranks the message list first, then its ancestors', () => {
    const doc = fixtureDoc('chat-2026-p-message.html');
    const c = chatScrollCandidates(doc);
    expect(c[0].getAttribute('class')).toBe('message-list--inner--5Ef6g');
    expect(c[1].getAttribute('class')).toBe('message-list--scroll--4De5f');
    expect(c).toContain(doc.querySelector('.im-app'));
  });

  it('reads the same inside one look as alone (the capture reads the chat and finds its scroller in one look)', () => {
    for (const f of chatFixtures) {
      const doc = fixtureDoc(f);
      const alone = { reading: readChatDom(doc, { now: NOW, url: P_URL }), candidates: chatScrollCandidates(doc, NOW) };
      const shared = oneLook(doc, NOW, () => ({ reading: readChatDom(doc, { now: NOW, url: P_URL }), candidates: chatScrollCandidates(doc, NOW) }));
      expect(shared.reading).toEqual(alone.reading);
      expect(shared.candidates).toEqual(alone.candidates);
      // another document or another moment is read on its own, not from the look
      const other = fixtureDoc(f);
      expect(oneLook(doc, NOW, () => chatScrollCandidates(other, NOW))).toEqual(chatScrollCandidates(other, NOW));
      expect(oneLook(doc, NOW, () => readChatDom(doc, { now: new Date(NOW.getTime() + 1), url: P_URL }))).toEqual(readChatDom(doc, { now: new Date(NOW.getTime() + 1), url: P_URL }));
    }
  });

  it('searches the page for the message list once per look', () => {
    const doc = fixtureDoc('chat-2026-p-message.html');
    // the list search visits every element's children; count visits to the body's
    let visits = 0;
    const body = doc.body;
    let children: PropertyDescriptor | undefined;
    for (let p: object | null = body; p && !children; p = Object.getPrototypeOf(p)) children = Object.getOwnPropertyDescriptor(p, 'children');
    expect(children?.get).toBeTypeOf('function');
    Object.defineProperty(body, 'children', { configurable: true, get: () => (visits++, children!.get!.call(body)) });
    readChatDom(doc, { now: NOW, url: P_URL });
    chatScrollCandidates(doc, NOW);
    const separately = visits;
    visits = 0;
    oneLook(doc, NOW, () => (readChatDom(doc, { now: NOW, url: P_URL }), chatScrollCandidates(doc, NOW)));
    expect(separately).toBe(2);
    expect(visits).toBe(1);
  });

  it('is empty on pages without a conversation', () => {
    expect(chatScrollCandidates(fixtureDoc('chat-empty.html'))).toEqual([]);
    expect(chatScrollCandidates(fixtureDoc('chat-p-message-frame.html'))).toEqual([]);
    expect(chatScrollCandidates(page(''))).toEqual([]);
  });
});

describe('the same code in happy-dom', () => {
  for (const f of chatFixtures) {
    it(`reads ${f} identically with the DOMParser of the test environment`, () => {
      const html = readFileSync(join(FIXTURE_DIR, f), 'utf8').replace(/<link[^>]*>/g, '');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const ctx = { now: NOW, url: P_URL };
      const a = readChatDom(doc, ctx);
      const b = readChatDom(fixtureDoc(f), ctx);
      expect(a.chat).toEqual(b.chat);
      expect(a.problems).toEqual(b.problems);
    });
  }
});
