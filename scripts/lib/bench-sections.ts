// Benchmark sections beyond the order list and script sizes: chat capture, export, case page.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { chat300Html, CHAT_URL, AVATAR_URL } from '../../tests/e2e/chat-300';
import { solidPng } from '../../tests/e2e/png';

export interface Row {
  name: string;
  value: number;
  unit: string;
  /** the target; reported as measured/budget */
  budget?: number;
}

export interface Section {
  id: string;
  title: string;
  run(b: ExtensionBrowser): Promise<Row[]>;
}

export interface BenchOptions {
  quick: boolean;
  runs: number;
  median: (xs: number[]) => number;
  peakHeapDuring: <T>(cdp: CDPSession, work: () => Promise<T>) => Promise<{ result: T; peakBytes: number }>;
}

async function measuredPage(b: ExtensionBrowser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** Whole-chat capture: one click to "saved", and the page's JS heap peak while it runs. */
function chatSection(o: BenchOptions): Section {
  return {
    id: 'chat',
    title: 'Whole-chat capture: click to saved (images + transcript), and JS heap peak of the page',
    async run(b) {
      await b.context.route(`${AVATAR_URL}*`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: solidPng(50, 50, [18, 140, 70]) }));
      const rows: Row[] = [];
      for (const n of o.quick ? [100] : [100, 300, 1000]) {
        b.serve(CHAT_URL, { body: chat300Html(n) });
        const times: number[] = [];
        const peaks: number[] = [];
        for (let r = 0; r < o.runs; r++) {
          const { page, cdp } = await measuredPage(b);
          await page.goto(CHAT_URL);
          const button = page.locator('aliproof-capture button');
          await button.waitFor({ timeout: 30_000 });
          const t0 = Date.now();
          const { peakBytes } = await o.peakHeapDuring(cdp, async () => {
            await button.click();
            const result = page.locator('aliproof-capture [data-aliproof-result]');
            await result.waitFor({ timeout: 180_000 });
            const outcome = await result.getAttribute('data-aliproof-result');
            if (outcome !== 'saved') throw new Error(`capture of ${n} messages ended "${outcome}": ${await result.innerText()}`);
          });
          times.push(Date.now() - t0);
          peaks.push(peakBytes / 2 ** 20);
          await page.close();
        }
        rows.push({ name: `${n} messages: click to saved`, value: o.median(times), unit: 'ms', ...(n === 300 ? { budget: 1500 } : {}) });
        rows.push({ name: `${n} messages: JS heap peak above start`, value: o.median(peaks), unit: 'MiB' });
      }
      return rows;
    },
  };
}

export function benchSections(o: BenchOptions): Section[] {
  return [chatSection(o)];
}
