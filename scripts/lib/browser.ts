// Real Chromium with the built extension, and AliExpress addresses answered from saved pages.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const EXTENSION_DIR = resolve(ROOT, '.output', 'chrome-mv3');
export const FIXTURE_DIR = resolve(ROOT, 'tests', 'fixtures', 'aliexpress');

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ServedPage {
  body: string | Buffer;
  contentType?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** answer this exact address (query string included) with a page */
  serve(url: string, page: ServedPage): void;
  /** every request the browser made, for the privacy check */
  requests: string[];
  close(): Promise<void>;
}

const ALIEXPRESS_HOST = /(^|\.)aliexpress\.(com|us|ru)$/;

export async function launchWithExtension(
  options: { extensionDir?: string; userDataDir?: string; headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'aliproof-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const pages = new Map<string, ServedPage>();
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return route.continue();
    }
    if (!/^https?:$/.test(u.protocol)) return route.continue(); // the extension's own files
    if (ALIEXPRESS_HOST.test(u.hostname)) {
      const page = pages.get(url) ?? pages.get(u.origin + u.pathname);
      if (page) return route.fulfill({ status: 200, contentType: page.contentType ?? 'text/html; charset=utf-8', body: page.body });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in this test' });
    }
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    serve: (url, page) => pages.set(url, page),
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Poll `fn` in the test until it returns a truthy value. */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
}

/** Every stored order (one storage key per order, "case:<id>"), read in the extension's service worker. */
export function storedCases<T = Record<string, any>>(worker: Worker): Promise<Record<string, T>> {
  return worker.evaluate(async () => {
    const all = (await (globalThis as any).chrome.storage.local.get(null)) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('case:')).map(([k, v]) => [k.slice('case:'.length), v])) as any;
  });
}
