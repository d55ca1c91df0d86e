// What the benchmarks read off a page through the DevTools protocol: main-thread time, JS heap, and
// the peak of a figure while some work runs.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The middle half of the runs (first and third quartile, nearest rank): how far one run's figure moves. */
export const middleHalf = (xs: number[]): [number, number] => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return [at(0.25), at(0.75)];
};

/** A new page with Chromium's performance counters on. */
export async function measuredPage(b: ExtensionBrowser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

/**
 * The page's main thread so far (ms), from Chrome's own counters: CPU time (`ThreadTime`), and the
 * wall-clock length of its tasks (`TaskDuration`), which also counts time the thread waited for a
 * core: on a shared machine CPU time is the steadier of the two.
 */
export async function mainThreadMs(cdp: CDPSession): Promise<{ cpu: number; wall: number }> {
  return { cpu: (await metric(cdp, 'ThreadTime')) * 1000, wall: (await metric(cdp, 'TaskDuration')) * 1000 };
}

export const heapBytes = (cdp: CDPSession) => metric(cdp, 'JSHeapUsedSize');

/** JS heap plus ArrayBuffer backing stores (bytes read, zip chunks), which JSHeapUsedSize leaves out. */
export async function heapAndBuffers(cdp: CDPSession): Promise<number> {
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return u.usedSize + (u.backingStorageSize ?? 0);
}

/** Sample `read` every 25 ms while `work` runs; returns the peak above its value at the start. */
export async function peakDuring<T>(read: () => Promise<number>, work: () => Promise<T>): Promise<{ result: T; peakBytes: number }> {
  const base = await read();
  let peak = base;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, await read());
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    return { result: await work(), peakBytes: Math.max(0, peak - base) };
  } finally {
    done = true;
    await sampler;
  }
}

export const peakHeapDuring = <T>(cdp: CDPSession, work: () => Promise<T>) => peakDuring(() => heapBytes(cdp), work);
export const peakBuffersDuring = <T>(cdp: CDPSession, work: () => Promise<T>) => peakDuring(() => heapAndBuffers(cdp), work);
