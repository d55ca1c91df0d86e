// Cross-origin images (AliExpress serves them from *.alicdn.com and *.aliexpress-media.com) are left
// blank by html2canvas. In the clone we swap them for data URLs the background re-read from those hosts,
// or for an "image missing" box. Nothing outside AliExpress's own hosts is ever requested.

import { isAliExpressImageUrl } from '../aliexpress/urls';

export { IMAGE_HOST_PERMISSIONS, isAliExpressImageUrl } from '../aliexpress/urls';

/** An image html2canvas draws without help: inline, or from the page's own origin. */
export function needsInlining(src: string, pageOrigin: string): boolean {
  if (!src || /^(data|blob):/i.test(src)) return false;
  try {
    return new URL(src, pageOrigin).origin !== pageOrigin;
  } catch {
    return false;
  }
}

/** A grey box with "image missing" written in it, scaled to whatever box the image had. */
export function missingImageDataUrl(width = 120, height = 80): string {
  const w = Math.max(16, Math.round(width));
  const h = Math.max(16, Math.round(height));
  const font = Math.max(8, Math.min(14, Math.floor(Math.min(w / 8, h / 3))));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="#e5e7eb" stroke="#6b7280" stroke-dasharray="4 3"/>` +
    `<text x="50%" y="50%" font-family="sans-serif" font-size="${font}" fill="#374151" text-anchor="middle" dominant-baseline="middle">image missing</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export type ImageFetcher = (url: string) => Promise<string | null>;

const BG_URL_RE = /url\((['"]?)(.*?)\1\)/g;

/** Re-read each address once per capture, at most `limit` at a time (clones of several parts share it). */
export function cachedFetcher(fetch: ImageFetcher, limit = 6, max = 400): ImageFetcher & { missing: Set<string>; inlined: Set<string> } {
  const cache = new Map<string, Promise<string | null>>();
  const queue: (() => void)[] = [];
  let running = 0;
  const missing = new Set<string>();
  const inlined = new Set<string>();
  const run = <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve) => {
      const start = () => {
        running++;
        task()
          .then(resolve, () => resolve(null as T))
          .finally(() => {
            running--;
            queue.shift()?.();
          });
      };
      if (running < limit) start();
      else queue.push(start);
    });
  const fetcher = ((url: string) => {
    let p = cache.get(url);
    if (!p) {
      p =
        !isAliExpressImageUrl(url) || cache.size >= max
          ? Promise.resolve(null)
          : run(() => fetch(url)).then((r) => (r && /^data:image\//i.test(r) ? r : null));
      p.then((r) => (r ? inlined : missing).add(url));
      cache.set(url, p);
    }
    return p;
  }) as ImageFetcher & { missing: Set<string>; inlined: Set<string> };
  fetcher.missing = missing;
  fetcher.inlined = inlined;
  return fetcher;
}

/**
 * Start re-reading the cross-origin <img> sources under `root` of the live page, so the answers are
 * there when the clone asks `fetch` (a cachedFetcher) for them: the background reads while html2canvas
 * clones the page. Elements for which `ignore` is true (and what they contain) are left out, as the
 * clone leaves them out.
 */
export function prefetchImages(root: ParentNode, pageOrigin: string, fetch: ImageFetcher, ignore: (el: Element) => boolean = () => false): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.currentSrc || img.src;
    if (!needsInlining(src, pageOrigin)) continue;
    let ignored = false;
    for (let e: Element | null = img; e && !ignored; e = e.parentElement) ignored = ignore(e);
    if (ignored) continue;
    let abs: string;
    try {
      abs = new URL(src, pageOrigin).href;
    } catch {
      continue;
    }
    void fetch(abs);
  }
}

function waitForImage(img: HTMLImageElement, timeoutMs = 5_000): Promise<void> {
  if (img.complete && img.naturalWidth > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => resolve();
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
    setTimeout(done, timeoutMs);
  });
}

/**
 * Replace cross-origin <img> sources and CSS background images in a cloned document. `pageOrigin` is the
 * origin of the page being captured. Returns the number of images inlined and missing.
 */
export async function inlineImages(doc: Document, pageOrigin: string, fetchImage: ImageFetcher): Promise<{ inlined: number; missing: number }> {
  const view = doc.defaultView;
  let inlined = 0;
  let missing = 0;
  const waits: Promise<void>[] = [];
  const imgs = Array.from(doc.querySelectorAll('img'));
  await Promise.all(
    imgs.map(async (img) => {
      const src = img.currentSrc || img.src;
      if (!needsInlining(src, pageOrigin)) return;
      const abs = new URL(src, pageOrigin).href;
      const data = await fetchImage(abs);
      const rect = img.getBoundingClientRect();
      img.removeAttribute('srcset');
      img.removeAttribute('loading');
      if (img.parentElement?.tagName === 'PICTURE') img.parentElement.querySelectorAll('source').forEach((s) => s.remove());
      img.src = data ?? missingImageDataUrl(rect.width || img.width, rect.height || img.height);
      if (data) inlined++;
      else missing++;
      waits.push(waitForImage(img));
    }),
  );
  if (view) {
    const withBg = Array.from(doc.querySelectorAll('*')).filter((el) => {
      const bg = view.getComputedStyle(el).backgroundImage;
      return bg && bg !== 'none' && bg.includes('url(');
    });
    await Promise.all(
      withBg.map(async (el) => {
        const bg = view.getComputedStyle(el).backgroundImage;
        const urls = [...bg.matchAll(BG_URL_RE)].map((m) => m[2]).filter((u) => needsInlining(u, pageOrigin));
        if (!urls.length) return;
        let next = bg;
        for (const u of urls) {
          const data = await fetchImage(new URL(u, pageOrigin).href);
          const rect = el.getBoundingClientRect();
          next = next.split(u).join(data ?? missingImageDataUrl(rect.width, rect.height));
          if (data) inlined++;
          else missing++;
        }
        (el as HTMLElement).style?.setProperty('background-image', next, 'important');
      }),
    );
  }
  await Promise.all(waits);
  return { inlined, missing };
}
