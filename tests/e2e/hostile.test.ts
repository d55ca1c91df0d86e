// Hostile and strange pages, in real Chromium with the built extension: a 5,000-order list, markup
// nested 2,000 levels deep, markup and script in every text field, right-to-left and emoji text,
// impossible dates, and AliExpress addresses that serve something else entirely. AliProof stays
// correct (one badge per card, every order stored, no wrong date), executes nothing from the page, shows
// page text as text everywhere (badges, sidebar, case page, stored transcript) and throws nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { FIXTURE_DIR, launchWithExtension, storedCases, waitFor, type ExtensionBrowser } from './browser';
import { chat300Html } from './chat-300';
import { expectedBadge, orderListPage, sampleOrders, type SampleOrder } from '../../scripts/lib/sample-pages';

declare const chrome: { storage: { local: { get(key: string | null): Promise<Record<string, any>>; getBytesInUse(keys: string[]): Promise<number> } } };

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const now = new Date();

// every payload bumps window.__apPwned in the page (or opens a dialog) if it ever runs
const PWN = 'window.__apPwned=(window.__apPwned||0)+1';
const P = {
  img: `<img src=x onerror="${PWN};alert('img')">`,
  script: `<script>${PWN};alert('script')</script>`,
  svg: `"><svg onload="${PWN};alert('svg')">`,
  js: `javascript:${PWN};alert('href')`,
  template: "{{constructor.constructor('alert(1)')()}} ${alert(2)}",
};
// Arabic and Hebrew, a right-to-left override, emoji with zero-width joiners
const RTL = 'متجر الأمل 🛍️ \u202Eexe.elif\u202C 👩‍👩‍👧‍👦 שלום';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

let b: ExtensionBrowser;
afterEach(async () => {
  await b?.close();
});

interface Watch {
  dialogs: string[];
  errors: string[];
}

/** Dialogs, uncaught exceptions (in every world of the page, AliProof's included) and console errors. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  const cdp: CDPSession = await b.context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (e) => w.errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text));
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error') w.errors.push(e.args.map((a) => a.value ?? a.description).join(' '));
  });
  await cdp.send('Runtime.enable');
  return w;
}

/** Inside AliProof's shadow roots: anything that could run (on* attributes, javascript: links, scripts, frames). */
function runnableInAliProof(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const scan = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
        }
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(el.tagName);
        if (el.shadowRoot) scan(el.shadowRoot);
      }
    };
    for (const host of Array.from(document.querySelectorAll('aliproof-badge, aliproof-sidebar, aliproof-capture'))) {
      if (host.shadowRoot) scan(host.shadowRoot);
    }
    return bad;
  });
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __apPwned?: number }).__apPwned ?? 0);

/** The text of every stored transcript, read straight from the evidence database. */
function storedTranscripts(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('aliproof-evidence');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    const metas = await all<{ id: string; mime: string }>('items');
    const blobs = await all<{ id: string; blob: Blob }>('blobs');
    db.close();
    const texts = metas.filter((m) => m.mime === 'text/plain').map((m) => blobs.find((x) => x.id === m.id)!.blob.text());
    return Promise.all(texts);
  });
}

const badgeCount = (page: Page) => page.locator('[data-aliproof="badge"]').count();

describe('markup and script in every text field', () => {
  it('never runs, and shows as text in badges, the sidebar, the case page and the stored transcript', async () => {
    b = await launchWithExtension();
    const orders = sampleOrders(4, now);
    const [o1, o2, o3, o4] = orders;
    o1.store = `${P.img} ${RTL}`;
    o1.title = P.script;
    o2.store = P.svg;
    o2.title = RTL;
    o4.store = P.template;
    let list = orderListPage(orders);
    // card 1: javascript: links for the store and the item; card 2: a status that is markup; card 3: a date that is markup
    list = list.replace(/href="\/\/www\.aliexpress\.com\/(store\/1101|item\/1005006100000001\.html)"/g, `href="${esc(P.js)}"`);
    const cards = list.split('<div class="order-item">');
    cards[2] = cards[2].replace(/<span class="order-item-header-status-text">[^<]*<\/span>/, `<span class="order-item-header-status-text">${esc(P.svg)}</span>`);
    cards[3] = cards[3].replace(/Date: [A-Z][a-z]{2} \d{1,2}, \d{4}/, `Date: ${esc(P.js)}`);
    list = cards.join('<div class="order-item">');
    b.serve(LIST_URL, { body: list });

    const detailId = '8203117745612098';
    const detailUrl = `https://www.aliexpress.com/p/order/detail.html?orderId=${detailId}`;
    let detail = fixture('detail-2026-en.html')
      .replace('Orbit Gadgets Store', esc(`${P.img} ${RTL}`))
      .replace('USB C Cable 100W Fast Charging Braided Cord 2m', esc(P.script))
      .replace('Refund if no delivery before Dec 12, 2026', `Refund if no delivery before Dec 12, 2026 ${esc(P.svg)}`);
    expect(detail).toContain(esc(P.script)); // the replacements found their text
    b.serve(detailUrl, { body: detail });

    const trackingId = '8204417730561932';
    const trackingUrl = `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${trackingId}`;
    const tracking = fixture('tracking-2026-v2-en.html').replace('Arrived at destination country/region sorting center', `Arrived ${esc(P.img)} ${esc(RTL)}`);
    expect(tracking).toContain(esc(P.img));
    b.serve(trackingUrl, { body: tracking });

    const chatId = '8212313961591322';
    const chatUrl = `https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=${chatId}`;
    const chat = chat300Html(12)
      .replace('Message 002: Dear friend, please wait a few more days.', `Message 002: ${esc(P.script)} ${esc(RTL)}`)
      .replace('Message 003: Where is my parcel? Tracking has not moved.', `Message 003: ${esc(P.img)} ${esc(P.svg)}`);
    b.serve(chatUrl, { body: chat });

    const page = await b.context.newPage();
    const w = await watch(page);

    // the order list: a badge on every card, whatever its text
    await page.goto(LIST_URL);
    await waitFor(async () => (await badgeCount(page)) >= 4, 'four badges');
    const badge1 = page.locator(`[data-aliproof="badge"][data-order-id="${o1.orderId}"]`);
    await badge1.hover();
    const tip = badge1.locator('[role="tooltip"]');
    await tip.waitFor();
    expect(await tip.innerText()).toContain(o1.orderId);
    // the date that was markup gives no date (the badge has no clock) rather than a guess
    expect(await page.locator(`[data-aliproof="badge"][data-order-id="${o3.orderId}"]`).getAttribute('data-closes-on')).toBeNull();

    // stored exactly as the page shows it: text, not markup, and nothing taken from javascript: links
    const cases = await waitFor(async () => {
      const c = await storedCases(b.worker);
      return orders.every((o) => c[o.orderId]) && c;
    }, 'the list orders stored');
    expect(cases[o1.orderId].facts.store.name).toBe(`${P.img} ${RTL}`);
    expect(cases[o1.orderId].facts.store.url).toBeUndefined();
    expect(cases[o1.orderId].facts.items[0].title).toBe(P.script);
    expect(cases[o1.orderId].facts.items[0].url).toBeUndefined();
    expect(cases[o2.orderId].facts.statusText).toBe(P.svg);
    expect(cases[o2.orderId].facts.status).toBe('unknown');
    expect(cases[o3.orderId].facts.placedOn).toBeUndefined();
    expect(cases[o4.orderId].facts.store.name).toBe(P.template);

    // the sidebar's list and one order in it show the text as text
    await page.keyboard.press('Alt+Shift+A');
    const sidebar = page.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
    await sidebar.waitFor();
    await expect.poll(() => sidebar.innerText()).toContain(P.img);
    const listText = await sidebar.innerText();
    for (const s of [P.svg, RTL, P.template]) expect(listText).toContain(s);
    await sidebar.getByRole('button', { name: new RegExp(o3.orderId) }).first().click();
    // the date that was markup: no date, and the sidebar says which date is missing
    await expect.poll(() => sidebar.innerText()).toMatch(/order date unknown/);
    expect(await runnableInAliProof(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // detail and tracking pages: the page's deadline sentence is still read, its markup is text
    await page.goto(detailUrl);
    await waitFor(async () => (await badgeCount(page)) >= 1, 'the detail badge');
    await page.goto(trackingUrl);
    await waitFor(async () => (await badgeCount(page)) >= 1, 'the tracking badge');
    const withDetail = await waitFor(async () => {
      const c = await storedCases(b.worker);
      return c[detailId] && c[trackingId] && c;
    }, 'detail and tracking stored');
    expect(withDetail[detailId].facts.store.name).toBe(`${P.img} ${RTL}`);
    expect(withDetail[detailId].facts.items[0].title).toBe(P.script);
    expect(withDetail[detailId].facts.pageNotes.map((n: { text: string }) => n.text)).toContain(`Refund if no delivery before Dec 12, 2026 ${P.svg}`);
    expect(withDetail[detailId].facts.pageNotes.find((n: { text: string }) => n.text.includes(P.svg)).date).toBe('2026-12-12');
    expect(withDetail[trackingId].facts.tracking.events.map((e: { text: string }) => e.text)).toContain(`Arrived ${P.img} ${RTL}`);
    await page.keyboard.press('Alt+Shift+A');
    await sidebar.waitFor();
    await expect.poll(() => sidebar.innerText()).toContain(trackingId);
    expect(await runnableInAliProof(page)).toEqual([]);

    // the chat: captured, and the transcript keeps the messages exactly as written
    await page.goto(chatUrl);
    await page.locator('aliproof-capture button').click({ timeout: 30_000 });
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');
    const transcripts = await storedTranscripts(b.worker);
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0]).toContain(`Message 002: ${P.script} ${RTL}`);
    expect(transcripts[0]).toContain(`Message 003: ${P.img} ${P.svg}`);
    expect(await runnableInAliProof(page)).toEqual([]);

    // nothing ran in the AliExpress pages
    expect(await pwned(page)).toBe(0);
    expect(w.dialogs).toEqual([]);

    // the case page: list and cases show the same text, and its policy blocked nothing (nothing tried to run)
    const ext = await b.context.newPage();
    const we = await watch(ext);
    await ext.addInitScript(() => {
      const v: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await ext.goto(`chrome-extension://${b.extensionId}/case.html`);
    await ext.locator(`tr[data-order-id="${o1.orderId}"]`).waitFor({ timeout: 30_000 });
    const table = await ext.locator('table').innerText();
    for (const s of [P.img, RTL, P.script, P.svg, P.template]) expect(table).toContain(s);
    await ext.goto(`chrome-extension://${b.extensionId}/case.html#order=${detailId}`);
    await expect.poll(() => ext.locator('main').innerText()).toContain(P.script);
    expect(await ext.locator('main').innerText()).toContain(`${P.img} ${RTL}`);
    await ext.goto(`chrome-extension://${b.extensionId}/case.html#order=${trackingId}`);
    await expect.poll(() => ext.locator('main').innerText()).toContain(trackingId);
    await ext.goto(`chrome-extension://${b.extensionId}/case.html#order=${chatId}`);
    await expect.poll(() => ext.locator('main').innerText()).toContain(chatId);
    const runnable = await ext.evaluate(() =>
      Array.from(document.body.querySelectorAll('*')).flatMap((el) => [
        ...Array.from(el.attributes).filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`),
        ...(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ? [el.tagName] : []),
      ]),
    );
    expect(runnable).toEqual([]);
    expect(await ext.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(await pwned(ext)).toBe(0);
    expect(we.dialogs).toEqual([]);
    expect(we.errors).toEqual([]);
  });
});

describe('size and depth', () => {
  it('a 5,000-order list: one badge per card, every order stored, and the page keeps answering', async () => {
    b = await launchWithExtension();
    const orders = sampleOrders(5_000, now);
    b.serve(LIST_URL, { body: orderListPage(orders) });
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      const long: number[] = ((window as unknown as { __long: number[] }).__long = []);
      new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
    });
    await page.goto(LIST_URL, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const t0 = Date.now();
    // the page answers a script within seconds all the way while the badges are drawn
    let slowest = 0;
    let count = 0;
    while (count < orders.length && Date.now() - t0 < 120_000) {
      const s = Date.now();
      count = await page.evaluate(() => document.querySelectorAll('aliproof-badge').length);
      slowest = Math.max(slowest, Date.now() - s);
      await page.waitForTimeout(100);
    }
    const drawnMs = Date.now() - t0;
    const perCard = await page.$$eval('.order-item', (cards) => cards.map((c) => c.querySelectorAll('aliproof-badge').length));
    expect(perCard).toHaveLength(5_000);
    expect(perCard.every((n) => n === 1)).toBe(true);
    const ids = await page.$$eval('[data-aliproof="badge"]', (els) => els.map((e) => e.getAttribute('data-order-id')));
    expect(new Set(ids).size).toBe(5_000);
    // spot checks: the deadline of the first, a middle and the last order
    for (const o of [orders[0], orders[2_500], orders[4_999]]) {
      expect((await page.locator(`[data-aliproof="badge"][data-order-id="${o.orderId}"]`).getAttribute('data-closes-on')) ?? undefined).toBe(expectedBadge(o, now).closesOn);
    }
    // AliProof reads and badges the whole list in one task (about 1.2 s on an idle 2-core machine); the
    // page's own layout of 15 MB of cards comes on top (slowest answer ~3.5 s idle, ~8 s while the whole
    // test suite runs alongside). The bound is for robustness on a shared machine: it catches work that
    // grows worse than linearly with the number of cards, not a slow machine.
    expect(slowest).toBeLessThan(15_000);
    const stored = await waitFor(async () => {
      const c = await storedCases(b.worker);
      return Object.keys(c).length >= 5_000 && c;
    }, 'all 5,000 orders stored', 60_000);
    expect(Object.keys(stored).sort()).toEqual(orders.map((o) => o.orderId).sort());
    const bytes = await b.worker.evaluate(async () => chrome.storage.local.getBytesInUse(Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('case:'))));
    const longest = Math.max(0, ...(await page.evaluate(() => (window as unknown as { __long: number[] }).__long)));
    console.info(`[hostile] 5,000 orders: badges ${drawnMs} ms after DOMContentLoaded; slowest page answer ${slowest} ms; longest task ${longest} ms; stored cases ${Math.round(bytes / 1024)} kB`);
  });

  it('markup nested 2,000 levels deep: cards and chats inside it are read, badged and captured', async () => {
    // Chromium itself crashes laying out ~3,000 nested blocks (without AliProof), so the browser test
    // uses 2,000; tests/unit/hardening/deep.test.ts gives the readers 5,000 levels.
    const DEPTH = 2_000;
    b = await launchWithExtension();
    const orders = sampleOrders(6, now);
    const deepStore = orders[3];
    // the page builds the nesting with its own script (the HTML parser caps nesting at 512)
    const nest = (selector: string) => `<script>
      (() => {
        const target = document.querySelector(${JSON.stringify(selector)});
        const outer = document.createElement('div');
        let inner = outer;
        for (let i = 1; i < ${DEPTH}; i++) { const d = document.createElement('div'); inner.appendChild(d); inner = d; }
        target.replaceWith(outer);
        inner.appendChild(target);
      })();
    </script>`;
    const html = orderListPage(orders)
      .replace(`<span>${deepStore.store}</span>`, `<span id="deep-store">${deepStore.store}</span>`)
      .replace('</body>', `${nest('.order-item:nth-child(3)')}${nest('#deep-store')}</body>`);
    b.serve(LIST_URL, { body: html });
    const page = await b.context.newPage();
    const w = await watch(page);
    await page.goto(LIST_URL);
    expect(await page.evaluate(() => {
      let d = 0;
      for (let e: Element | null = document.querySelector('#deep-store'); e; e = e.parentElement) d++;
      return d;
    })).toBeGreaterThan(DEPTH);
    await waitFor(async () => (await badgeCount(page)) >= 6, 'six badges');
    const perCard = await page.$$eval('.order-item', (cards) => cards.map((c) => c.querySelectorAll('aliproof-badge').length));
    expect(perCard).toEqual([1, 1, 1, 1, 1, 1]);
    for (const o of orders) {
      expect((await page.locator(`[data-aliproof="badge"][data-order-id="${o.orderId}"]`).getAttribute('data-closes-on')) ?? undefined).toBe(expectedBadge(o, now).closesOn);
    }
    const cases = await waitFor(async () => {
      const c = await storedCases(b.worker);
      return orders.every((o: SampleOrder) => c[o.orderId]) && c;
    }, 'the deep orders stored');
    expect(cases[deepStore.orderId].facts.store.name).toBe(deepStore.store);

    // a chat whose whole app sits 2,000 levels deep
    const chatUrl = 'https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=8212313961591322';
    b.serve(chatUrl, { body: chat300Html(30).replace('</body>', `${nest('#root')}</body>`) });
    await page.goto(chatUrl);
    await page.locator('aliproof-capture button').click({ timeout: 30_000 });
    const result = page.locator('aliproof-capture [data-aliproof-result]');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');
    expect(await result.innerText()).toMatch(/transcript of 30 messages/);
    expect(w.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});

describe("the page's own styles", () => {
  // inherited text styles a page may set around the badge; none may change it but the font (an
  // Arabic page's right-to-left direction included: the badge speaks English or Korean)
  const PAGE_STYLE = `.order-item-header-right{font-family:"Courier New",monospace;color:rgb(255,0,0);font-size:40px;
    font-weight:900;font-style:italic;font-variant:small-caps;letter-spacing:9px;word-spacing:20px;text-transform:uppercase;
    text-indent:50px;text-align:right;text-shadow:2px 2px 0 rgb(0,0,255);white-space:pre;word-break:break-all;line-height:7;
    direction:rtl;cursor:wait;pointer-events:none;list-style:square inside;-webkit-text-fill-color:rgb(0,255,0);
    -webkit-text-stroke:1px rgb(0,0,255);hyphens:auto;font-feature-settings:"smcp"}`;

  it('stop at the badge, but for its font', async () => {
    b = await launchWithExtension();
    const orders = sampleOrders(3, now);
    b.serve(LIST_URL, { body: orderListPage(orders).replace('</style>', `${PAGE_STYLE}</style>`) });
    const page = await b.context.newPage();
    await page.goto(LIST_URL);
    await waitFor(async () => (await badgeCount(page)) >= 3, '3 badges');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('aliproof-badge')!;
      const root = host.shadowRoot!.querySelector('[data-aliproof="badge"]')!;
      const button = root.querySelector('button')!;
      const count = root.querySelector('.ap-badge-count')!;
      const pick = (el: Element, props: string[]) => {
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      };
      return {
        root: pick(root, ['font-style', 'font-weight', 'font-variant-caps', 'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-shadow', 'white-space', 'word-break', 'direction', 'list-style-type', '-webkit-text-stroke-width', 'hyphens', 'font-feature-settings', 'pointer-events', 'line-height', 'font-size']),
        fill: pick(root, ['color', '-webkit-text-fill-color']),
        button: pick(button, ['color', 'font-size', 'cursor', 'font-family']),
        count: pick(count, ['font-weight']),
        pageFont: getComputedStyle(host.parentElement!).fontFamily,
      };
    });
    expect(seen.root).toEqual({
      'font-style': 'normal',
      'font-weight': '400',
      'font-variant-caps': 'normal',
      'letter-spacing': 'normal',
      'word-spacing': '0px',
      'text-transform': 'none',
      'text-indent': '0px',
      'text-align': 'start',
      'text-shadow': 'none',
      'white-space': 'normal',
      'word-break': 'normal',
      direction: 'ltr',
      'list-style-type': 'disc',
      '-webkit-text-stroke-width': '0px',
      hyphens: 'manual',
      'font-feature-settings': 'normal',
      'pointer-events': 'auto',
      'line-height': '20.3px', // 1.45 of AliProof's 14 px
      'font-size': '14px',
    });
    // text is filled with its own colour (currentcolor), not the page's
    expect(seen.fill['-webkit-text-fill-color']).toBe(seen.fill.color);
    expect(seen.fill.color).not.toBe('rgb(255, 0, 0)');
    expect(seen.button.color).not.toBe('rgb(255, 0, 0)');
    expect(seen.button['font-size']).toBe('12px');
    expect(seen.button.cursor).toBe('pointer');
    expect(seen.count['font-weight']).toBe('700');
    // the font is the page's, by design: already loaded, and what the buyer reads the card in
    expect(seen.button['font-family']).toBe(seen.pageFont);
    expect(seen.pageFont).toContain('Courier New');
  });
});

describe('AliExpress addresses serving something else', () => {
  const GOOGLE_LIKE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>aliexpress order 8203117745612098 - Search</title></head>
<body><form action="/search"><input name="q" value="aliexpress order 8203117745612098 refund"><button>Search</button></form>
<div id="search"><div class="g"><a href="https://www.aliexpress.com/p/order/detail.html?orderId=8203117745612098"><h3>Order details - AliExpress</h3></a>
<span>Nov 3, 2026 — Order ID: 8203117745612098. Awaiting delivery. Refund if no delivery before Dec 12, 2026.</span></div>
<div class="g"><a href="https://forum.example/t/1"><h3>Order 3046200000000000 never arrived</h3></a><span>Placed on Oct 1, 2026, Total: US $12.50</span></div></div>
</body></html>`;
  const PAGES: [string, string][] = [
    [LIST_URL, '<!DOCTYPE html><html><head></head><body></body></html>'],
    ['https://www.aliexpress.com/p/order/detail.html?orderId=8203117745612098', GOOGLE_LIKE],
    ['https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8204417730561932', '{"ret":["FAIL_SYS_TOKEN_EMPTY::令牌为空"],"data":{}}'],
    ['https://ko.aliexpress.com/p/order/index.html', GOOGLE_LIKE],
    ['https://www.aliexpress.com/p/message/index.html?orderId=8212313961591322', GOOGLE_LIKE],
  ];

  it('draw no badge, store no order and throw nothing', async () => {
    b = await launchWithExtension();
    for (const [url, body] of PAGES) b.serve(url, { body, contentType: body.startsWith('{') ? 'application/json' : 'text/html; charset=utf-8' });
    for (const [url] of PAGES) {
      const page = await b.context.newPage();
      const w = await watch(page);
      await page.goto(url);
      await page.waitForTimeout(1_500); // the content scripts have read the page (they run at document_idle)
      expect(await badgeCount(page), url).toBe(0);
      expect(w.errors.filter((e) => !/Failed to load resource/.test(e)), url).toEqual([]);
      expect(w.dialogs).toEqual([]);
      await page.close();
    }
    expect(await storedCases(b.worker)).toEqual({});
  });
});
