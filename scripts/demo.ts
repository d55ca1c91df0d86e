// npm run demo: AliProof in Chromium on built-in sample pages served at real AliExpress addresses, so
// anyone can see it work without an AliExpress account. With a display it opens a browser window;
// without one it saves a screenshot of each page and says where.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, FIXTURE_DIR, launchWithExtension } from './lib/browser';
import { ensureChromium } from './lib/ensure-chromium';
import { orderListPage, sampleOrders } from './lib/sample-pages';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.demo-screenshots');
const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

/** The address a saved page was saved from (its "saved from url=" line): each sample page at its own address. */
const savedFrom = (html: string) => /saved from url=\(\d+\)(\S+)/.exec(html)![1];
const sample = (name: string, file: string) => {
  const body = fixture(file);
  return { name, url: savedFrom(body), body: () => body };
};

const PAGES = [
  { name: 'order-list', url: 'https://www.aliexpress.com/p/order/index.html', body: () => orderListPage(sampleOrders(12, new Date())) },
  sample('order-detail', 'detail-2026-en.html'),
  sample('tracking', 'tracking-2026-v2-en.html'),
  sample('seller-chat', 'chat-2026-p-message.html'),
];

async function main() {
  ensureChromium((line) => console.log(line));
  console.log('Building the extension…');
  execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('the build did not produce .output/chrome-mv3');

  const headed = !!process.env.DISPLAY && process.env.CI !== 'true';
  const b = await launchWithExtension({ headless: !headed });
  for (const p of PAGES) b.serve(p.url, { body: p.body() });

  if (headed) {
    console.log('AliProof is running in the Chromium window. Sample pages:');
    for (const p of PAGES) {
      const tab = await b.context.newPage();
      await tab.goto(p.url);
      console.log(`  ${p.name}: ${p.url}`);
    }
    console.log('Press Alt+Shift+A on a page to open the sidebar. Close the window (or press Ctrl+C) to stop.');
    await new Promise<void>((done) => b.context.on('close', () => done()));
    return;
  }

  mkdirSync(OUT, { recursive: true });
  console.log('No display found: saving screenshots instead.');
  for (const p of PAGES) {
    const tab = await b.context.newPage();
    await tab.goto(p.url);
    await tab.waitForTimeout(800); // let AliProof read the page and draw its badges
    await tab.screenshot({ path: join(OUT, `${p.name}.png`), fullPage: false });
    await tab.keyboard.press('Alt+Shift+A');
    await tab.waitForTimeout(500);
    await tab.screenshot({ path: join(OUT, `${p.name}-sidebar.png`), fullPage: false });
    console.log(`  ${p.name}: ${join(OUT, p.name + '.png')} and ${p.name}-sidebar.png`);
    await tab.close();
  }
  await b.close();
  console.log(`Screenshots are in ${OUT}`);
}

main().catch((e) => {
  console.error(`The demo stopped: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
