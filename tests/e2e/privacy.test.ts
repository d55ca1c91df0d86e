// Local only, proven in real Chromium: the built extension walks its main flows (order list, order
// detail with the sidebar open, tracking, a chat captured with one click, the case page and the
// settings page) and the browser requests nothing but the AliExpress pages under test, the files those
// pages reference themselves, and AliProof's own files. The background's image re-reads (captures
// inline the page's pictures) go only to AliExpress image hosts, and only for pictures the page shows.
// Playwright sees every HTTP(S) request of pages, extension pages and the service worker (all routed
// through the harness, which aborts anything not on an AliExpress host).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { FIXTURE_DIR, launchWithExtension, waitFor, type ExtensionBrowser } from './browser';
import { chat300Html } from './chat-300';
import { solidPng } from './png';
import { isAliExpressImageUrl } from '../../utils/evidence/images';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const DETAIL_ID = '8203117745612098';
const DETAIL_URL = `https://www.aliexpress.com/p/order/detail.html?orderId=${DETAIL_ID}`;
const TRACKING_URL = 'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8204417730561932';
const CHAT_ID = '8212313961591322';
const CHAT_URL = `https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=${CHAT_ID}`;
const IMAGE_URL = /^https:\/\/[^/]+\.(alicdn|aliexpress-media)\.com\/.+\.(png|jpe?g|webp|gif)(_[^/]*)?$/i;

interface Seen {
  url: string;
  fromWorker: boolean;
}

let b: ExtensionBrowser;
let seen: Seen[];
const bodies: string[] = [];
afterEach(async () => {
  await b?.close();
});

async function start() {
  b = await launchWithExtension();
  seen = [];
  bodies.length = 0;
  b.context.on('request', (r: Request) => seen.push({ url: r.url(), fromWorker: !!r.serviceWorker() }));
  // AliExpress's image hosts answer with a picture, so pages and captures behave as on the real site
  await b.context.route(IMAGE_URL, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidPng(40, 40, [30, 120, 200]) }));
}

function serve(url: string, body: string) {
  b.serve(url, { body });
  bodies.push(body);
}

const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

/** Every address a served page names itself (attributes, CSS url(), protocol-relative too). */
function referencedByPages(): Set<string> {
  const out = new Set<string>();
  for (const body of bodies) {
    const text = body.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    for (const m of text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\/[^\s"'<>()\\]*/gi)) {
      out.add(m[0].startsWith('//') ? `https:${m[0]}` : m[0]);
    }
  }
  return out;
}

/** Requests that are neither AliProof's own files, nor a served page, nor something a page names. */
function foreign(): string[] {
  const served = new Set(bodies.length ? [LIST_URL, DETAIL_URL, TRACKING_URL, CHAT_URL] : []);
  const named = referencedByPages();
  const all = new Set([...b.requests, ...seen.map((s) => s.url)]);
  return [...all].filter((url) => {
    if (url.startsWith(`chrome-extension://${b.extensionId}/`)) return false;
    if (/^(data|blob):/.test(url)) return false;
    if (served.has(url)) return false;
    return !(named.has(url) && isAliExpressImageUrl(url));
  });
}

async function badgesOn(page: Page, n: number) {
  await waitFor(async () => (await page.locator('[data-aliproof="badge"]').count()) >= n, `${n} badge(s) on ${page.url()}`, 30_000);
}

it('walks every flow and requests nothing beyond the pages under test and AliProof itself', async () => {
  await start();
  serve(LIST_URL, fixture('list-2026-en.html'));
  serve(DETAIL_URL, fixture('detail-2026-en.html'));
  serve(TRACKING_URL, fixture('tracking-2026-v2-en.html'));
  serve(CHAT_URL, chat300Html(40));

  // the order list: badges on every order
  const page = await b.context.newPage();
  await page.goto(LIST_URL);
  const listOrders = JSON.parse(fixture('list-2026-en.expected.json')).expect.orders.length;
  await badgesOn(page, listOrders);

  // the order detail, with the sidebar opened (its React app is loaded from the extension)
  await page.goto(DETAIL_URL);
  await badgesOn(page, 1);
  await page.keyboard.press('Alt+Shift+A');
  const sidebar = page.locator('aliproof-sidebar').getByRole('complementary', { name: 'AliProof' });
  await sidebar.waitFor();
  await expect.poll(() => sidebar.innerText()).toContain(DETAIL_ID);

  // tracking
  await page.goto(TRACKING_URL);
  await badgesOn(page, 1);

  // the chat, captured with one click: the background re-reads the seller's avatar from AliExpress
  await page.goto(CHAT_URL);
  await page.locator('aliproof-capture button').click({ timeout: 30_000 });
  const result = page.locator('aliproof-capture [data-aliproof-result]');
  await result.waitFor({ timeout: 90_000 });
  expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');

  // the case page (all orders, then one case with its gallery) and the settings page
  const ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/case.html`);
  await ext.locator(`tr[data-order-id="${DETAIL_ID}"]`).waitFor({ timeout: 30_000 });
  await ext.goto(`chrome-extension://${b.extensionId}/case.html#order=${CHAT_ID}`);
  await expect.poll(() => ext.locator('h1').innerText()).toContain(CHAT_ID);
  await ext.goto(`chrome-extension://${b.extensionId}/options.html`);
  await ext.locator('h1').waitFor();
  await ext.waitForTimeout(1_500); // anything sent late (timers, lazy loads) is still seen

  // the walk really happened: pages, AliProof's files and the avatar re-read were all seen
  expect(b.requests).toEqual(expect.arrayContaining([LIST_URL, DETAIL_URL, TRACKING_URL, CHAT_URL]));
  expect(b.requests.some((u) => u.startsWith(`chrome-extension://${b.extensionId}/sidebar-ui.js`))).toBe(true);
  expect(b.requests.some((u) => u.startsWith(`chrome-extension://${b.extensionId}/evidence-capture.js`))).toBe(true);
  const fromWorker = seen.filter((s) => s.fromWorker).map((s) => s.url);
  expect(fromWorker.length).toBeGreaterThan(0);

  expect(foreign()).toEqual([]);
  // what the background fetched itself: only pictures the captured page shows, on AliExpress hosts
  const chatImages = referencedByPages();
  expect(fromWorker.filter((u) => !u.startsWith('chrome-extension://') && !(chatImages.has(u) && isAliExpressImageUrl(u)))).toEqual([]);
});

it('a captured page that shows pictures from other hosts: the background fetches none of them', async () => {
  await start();
  const hostile = [
    'https://tracker.example/pixel.png',
    'https://ae01.alicdn.com.evil.example/kf/look-alike.png',
    'https://evil.example/redirect?to=https://ae01.alicdn.com/kf/x.png',
    'http://127.0.0.1:9/router.png',
    'https://user:pass@evil.example/kf/creds.png',
  ];
  // an AliExpress image address that redirects elsewhere: the background must not follow it
  const REDIRECT = 'https://ae01.alicdn.com/kf/redirect-me.png';
  await b.context.route(REDIRECT, (route) => route.fulfill({ status: 302, headers: { location: 'https://evil.example/after-redirect.png' } }));
  const extra =
    [...hostile, REDIRECT].map((u) => `<img src="${u}" width="30" height="30" alt="">`).join('') +
    `<div style="width:30px;height:30px;background-image:url('https://evil.example/bg.png')"></div>`;
  // the pictures sit inside the conversation, so the capture must deal with them
  const html = chat300Html(20).replace('Message 003:', `Message 003: ${extra}`);
  serve(CHAT_URL, html);
  const page = await b.context.newPage();
  await page.goto(CHAT_URL);
  await page.locator('aliproof-capture button').click({ timeout: 30_000 });
  const result = page.locator('aliproof-capture [data-aliproof-result]');
  await result.waitFor({ timeout: 90_000 });
  expect(await result.getAttribute('data-aliproof-result'), await result.innerText()).toBe('saved');
  // the foreign pictures are named as missing in the capture, not fetched
  expect(await result.innerText()).toMatch(/could not be re-read/);

  const fromWorker = seen.filter((s) => s.fromWorker && !s.url.startsWith('chrome-extension://')).map((s) => s.url);
  expect(fromWorker.length).toBeGreaterThan(0); // the avatar was re-read
  expect(fromWorker.filter((u) => !isAliExpressImageUrl(u))).toEqual([]);
  for (const u of [...hostile, 'https://evil.example/bg.png', 'https://evil.example/after-redirect.png']) expect(fromWorker).not.toContain(u);
  expect(fromWorker).toContain(REDIRECT); // it was asked, and the redirect was refused
});
