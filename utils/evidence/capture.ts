// Rendering a capture with html2canvas. This module (and html2canvas, ~200 kB) is bundled ONLY into the
// on-demand script entrypoints/evidence-capture.ts, loaded when the user presses a capture button
// (client.ts loadCaptureModule). Never import it from an always-on content script.
//
// Everything happens in html2canvas's CLONE of the page: the conversation or tracking list is expanded
// to its full height, cross-origin images are inlined, colours rewritten to rgb, and (for redacted
// copies) personal details covered. The user's page is never changed, scrolled or clicked.
import type { PageCaptureKind } from './types';
import { sanitiseColors } from './colors';
import { drawHeader, headerLines, HEADER_HEIGHT } from './header';
import { cachedFetcher, inlineImages, prefetchImages, type ImageFetcher } from './images';
import { findPii, hideUnwanted, redactClone } from './redact';
import { CAPTURE_SELECTORS } from '../aliexpress/capture-selectors';
import { chooseScale, maxSliceHeight, planSlices, type Slice } from './split';
import { isScrollable, messageBreaks } from './container';
import { sha256Hex } from './hash';

/**
 * The renderer. html2canvas 1.4.1 throws on oklch()/color-mix(), so colours are rewritten to rgb in the
 * clone (~9 ms for 300 messages). The maintained fork html2canvas-pro 2.5.2 parses them itself, renders
 * box-shadows correctly and was ~30 % faster on the same page, for +7 kB minified; switching = this
 * import, RENDER_METHOD and NEEDS_COLOR_REWRITE = false.
 */
const loadRenderer = async () => (await import('html2canvas')).default;
export const RENDER_METHOD = 'html2canvas-1.4.1+rgb-colours';
const NEEDS_COLOR_REWRITE = true;

export interface RenderProgress {
  done: number;
  total: number;
}

export interface RenderRequest {
  kind: 'chat' | PageCaptureKind;
  /** chat: the conversation's scroll container; pages: ignored (the whole document is captured) */
  target?: Element;
  doc: Document;
  url: string;
  capturedAt: Date;
  orderId?: string;
  /** also make a redacted copy: true, false, or 'auto' (when the captured area shows personal details) */
  redact?: boolean | 'auto';
  fetchImage: ImageFetcher;
  onProgress?: (p: RenderProgress) => void;
  /** AliProof's own elements (sidebar, buttons): left out of the capture */
  ignore?: (el: Element) => boolean;
}

export interface RenderedImage {
  blob: Blob;
  /** the blob's bytes, read once (for the hash; they are what is sent) */
  bytes: Uint8Array;
  sha256: string;
  width: number;
  height: number;
  part: { index: number; count: number };
  /** small JPEG data URL for the gallery */
  thumb: string;
  redacted: boolean;
}

export interface RenderResult {
  method: string;
  images: RenderedImage[];
  /** redacted copies, part for part (empty when none was made) */
  redacted: RenderedImage[];
  problems: string[];
  stats: { ms: number; widthCss: number; heightCss: number; scale: number; colorsRewritten: number; imagesInlined: number; imagesMissing: number };
}

const px = (n: number) => `${Math.ceil(n)}px`;

function setImportant(el: Element, props: Record<string, string>) {
  const s = (el as HTMLElement).style;
  if (!s) return;
  for (const [k, v] of Object.entries(props)) s.setProperty(k, v, 'important');
}

/** Give the cloned conversation its full height so every message is laid out. */
function expandContainer(el: Element) {
  el.scrollTop = 0; // html2canvas restores the live scroll position in the clone
  const h = el.scrollHeight;
  setImportant(el, { height: px(h), 'min-height': px(h), 'max-height': 'none', 'overflow-y': 'visible', flex: 'none', 'box-sizing': 'border-box' });
}

/**
 * html2canvas walks the whole clone for every part it draws. For a chat, keep only the rows the part
 * shows (with a margin) and a spacer for the rows above it, so each part costs its own rows rather
 * than the whole thread (1,000 messages took 20 s before; the time grew with parts x messages).
 */
function trimToSlice(container: HTMLElement, y: number, height: number) {
  let list: Element = container;
  while (list.children.length === 1) list = list.children[0];
  const rows = Array.from(list.children) as HTMLElement[];
  const view = container.ownerDocument.defaultView;
  if (rows.length < 20 || !view || /reverse/.test(view.getComputedStyle(list).flexDirection)) return;
  const origin = () => container.getBoundingClientRect().top;
  const base = origin();
  const boxes = rows.map((r) => {
    const b = r.getBoundingClientRect();
    return { top: b.top - base, bottom: b.bottom - base };
  });
  const margin = 400;
  const first = boxes.findIndex((b) => b.bottom >= y - margin);
  let last = -1;
  boxes.forEach((b, i) => {
    if (b.top <= y + height + margin) last = i;
  });
  if (first < 0 || last < first) return;
  for (const r of rows.slice(last + 1)) r.remove(); // below: the container keeps its expanded height
  if (first === 0) return;
  const keptTop = boxes[first].top;
  for (const r of rows.slice(0, first)) r.remove();
  const spacer = container.ownerDocument.createElement('div');
  spacer.style.cssText = 'height:0;margin:0;padding:0;border:0;flex:none';
  list.insertBefore(spacer, list.firstChild);
  spacer.style.height = `${Math.max(0, keptTop - (rows[first].getBoundingClientRect().top - origin()))}px`;
}

/** Height (device px) of one html2canvas render of a chat; parts are cut from it. Under every browser's
 * 32,767 px canvas side, and about 100 MB of pixels at 1,280 px wide. */
const RENDER_WINDOW_PX = 20_000;

const TRACKING_LIST = CAPTURE_SELECTORS.trackingList.css;

/** Expand every inner scroller of a cloned page (and what clips it), innermost first; the tracking list too. */
function expandPage(doc: Document, kind: PageCaptureKind) {
  const view = doc.defaultView;
  if (!view) return;
  const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
  const depth = (el: Element) => {
    let d = 0;
    for (let p = el.parentElement; p; p = p.parentElement) d++;
    return d;
  };
  const inTracking = kind === 'tracking' ? new Set(Array.from(doc.querySelectorAll(TRACKING_LIST)).flatMap((t) => [t, ...Array.from(t.querySelectorAll('*'))])) : new Set<Element>();
  const clipped = (el: Element) => el.scrollHeight > el.clientHeight + 1 && view.getComputedStyle(el).overflowY !== 'visible';
  const targets = all.filter((el) => isScrollable(el) || (inTracking.has(el) && clipped(el))).sort((a, b) => depth(b) - depth(a));
  const expanded = new Set<Element>();
  for (const el of targets) {
    for (let p: Element | null = el; p && p !== doc.documentElement; p = p.parentElement) {
      if (p !== el && (expanded.has(p) || !clipped(p))) continue;
      const h = p.scrollHeight;
      setImportant(p, { height: px(h), 'min-height': px(h), 'max-height': 'none', 'overflow-y': 'visible', flex: 'none', 'box-sizing': 'border-box' });
      expanded.add(p);
    }
  }
  setImportant(doc.documentElement, { height: 'auto', 'overflow-y': 'visible' });
  if (doc.body) setImportant(doc.body, { height: 'auto', 'overflow-y': 'visible' });
}

function pageHeight(doc: Document): number {
  return Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0);
}

/** Estimate of the expanded page height from the live page (the clone's real height replaces it). */
function estimatePageHeight(doc: Document): number {
  let extra = 0;
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (isScrollable(el)) extra += el.scrollHeight - el.clientHeight;
  }
  return pageHeight(doc) + extra;
}

function toBlob(canvas: HTMLCanvasElement, type = 'image/png', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the image (too large?)'))), type, quality),
  );
}

function thumbnail(doc: Document, source: HTMLCanvasElement, skipTop: number): string {
  const w = 200;
  const ratio = w / source.width;
  const h = Math.max(1, Math.min(260, Math.round((source.height - skipTop) * ratio)));
  const c = doc.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, skipTop, source.width, h / ratio, 0, 0, w, h);
  return c.toDataURL('image/jpeg', 0.7);
}

const release = (c: HTMLCanvasElement) => {
  c.width = 0;
  c.height = 0;
};

export async function renderCapture(req: RenderRequest): Promise<RenderResult> {
  const started = performance.now();
  const html2canvas = await loadRenderer();
  const { doc } = req;
  const view = doc.defaultView!;
  const isChat = req.kind === 'chat';
  const target = isChat ? req.target : doc.documentElement;
  if (!target) throw new Error('no conversation to capture');
  const origin = view.location.origin;
  const problems: string[] = [];

  const widthCss = Math.min(4_000, Math.ceil(isChat ? target.scrollWidth || target.clientWidth : Math.max(doc.documentElement.clientWidth, doc.documentElement.scrollWidth)));
  const scale = chooseScale(widthCss, view.devicePixelRatio);
  const maxSlice = maxSliceHeight(widthCss, scale, HEADER_HEIGHT);
  const breaks = isChat ? messageBreaks(target) : [];
  let totalCss = isChat ? target.scrollHeight : estimatePageHeight(doc);
  let slices: Slice[] = planSlices(totalCss, maxSlice, breaks);
  const fetcher = cachedFetcher(req.fetchImage);
  // the background re-reads the page's images while html2canvas clones the page (the clone asks the same fetcher)
  prefetchImages(isChat ? target : doc, origin, fetcher, req.ignore);
  let colorsRewritten = 0;

  const piiRoot: ParentNode = isChat ? target : doc;
  const redact = req.redact === 'auto' ? findPii(piiRoot).length > 0 : !!req.redact;
  const passes = redact ? 2 : 1;
  let done = 0;
  const progress = () => req.onProgress?.({ done, total: slices.length * passes });
  progress();

  // A chat is rendered in windows of up to RENDER_WINDOW_PX and cut into parts afterwards: html2canvas
  // clones the whole document for every call, so one call per window instead of one per part.
  const windowCss = isChat ? Math.max(maxSlice, Math.floor(RENDER_WINDOW_PX / scale)) : 0;

  const renderPass = async (redacted: boolean): Promise<RenderedImage[]> => {
    const out: RenderedImage[] = [];
    let win: { y: number; height: number; canvas: HTMLCanvasElement } | undefined;
    for (let i = 0; i < slices.length; i++) {
      const slice = slices[i];
      if (!win || slice.y < win.y || slice.y + slice.height > win.y + win.height) {
        if (win) release(win.canvas);
        const height = isChat ? Math.max(slice.height, Math.min(windowCss, Math.ceil(totalCss - slice.y))) : slice.height;
        let measured: number | undefined;
        const canvas = await html2canvas(target as HTMLElement, {
          y: slice.y,
          width: widthCss,
          height,
          scale,
          backgroundColor: '#ffffff',
          logging: false,
          useCORS: false, // images are inlined by us; nothing is requested with the page's credentials
          allowTaint: false,
          imageTimeout: 15_000,
          scrollX: 0,
          scrollY: 0,
          windowWidth: doc.documentElement.clientWidth,
          windowHeight: view.innerHeight,
          ignoreElements: (el) => !!req.ignore?.(el),
          onclone: async (cloneDoc, cloneTarget) => {
            hideUnwanted(cloneDoc);
            if (isChat) expandContainer(cloneTarget);
            else expandPage(cloneDoc, req.kind as PageCaptureKind);
            measured = isChat ? cloneTarget.scrollHeight : pageHeight(cloneDoc);
            // the first render measures the whole clone (it may re-plan the parts): trim only afterwards
            if (isChat && (i > 0 || redacted || Math.abs(measured - totalCss) <= 1)) trimToSlice(cloneTarget, slice.y, height);
            await inlineImages(cloneDoc, origin, fetcher);
            if (redacted) redactClone(cloneDoc);
            if (NEEDS_COLOR_REWRITE) colorsRewritten += sanitiseColors(cloneDoc);
          },
        });
        win = { y: slice.y, height, canvas };
        // the clone's real height decides how many parts there are (the live page could only estimate it)
        if (!redacted && i === 0 && measured && Math.abs(measured - totalCss) > 1) {
          totalCss = measured;
          const first = { y: 0, height: Math.min(slice.height, measured) };
          slices = [first, ...planSlices(measured - first.height, maxSlice, breaks.map((b) => b - first.height)).map((s) => ({ y: s.y + first.height, height: s.height }))];
          win.height = Math.min(win.height, first.height); // parts re-planned: render the rest anew
          progress();
        }
      }
      const current = slices[i];
      const sliceCss = current.height;
      const part = { index: i + 1, count: slices.length };
      const w = Math.round(widthCss * scale);
      const headerPx = Math.round(HEADER_HEIGHT * scale);
      const out1 = doc.createElement('canvas');
      out1.width = w;
      out1.height = headerPx + Math.round(sliceCss * scale);
      const ctx = out1.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, out1.width, out1.height);
      drawHeader(ctx, headerLines({ url: req.url, capturedAt: req.capturedAt, orderId: req.orderId, kind: req.kind, part, redacted, timeZone: timeZone() }), widthCss, scale);
      const src = win.canvas;
      const sy = Math.round((current.y - win.y) * scale);
      const sh = Math.min(src.height - sy, out1.height - headerPx);
      if (sh > 0) ctx.drawImage(src, 0, sy, src.width, sh, 0, headerPx, src.width, sh);
      const blob = await toBlob(out1);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      out.push({ blob, bytes, sha256: await sha256Hex(bytes), width: out1.width, height: out1.height, part, thumb: thumbnail(doc, out1, headerPx), redacted });
      release(out1);
      done++;
      progress();
    }
    if (win) release(win.canvas);
    return out;
  };

  const images = await renderPass(false);
  const redactedImages = redact ? await renderPass(true) : [];
  if (fetcher.missing.size) problems.push(`${fetcher.missing.size} image(s) could not be re-read from AliExpress and are shown as "image missing" boxes`);
  return {
    method: RENDER_METHOD,
    images,
    redacted: redactedImages,
    problems,
    stats: {
      ms: Math.round(performance.now() - started),
      widthCss,
      heightCss: totalCss,
      scale,
      colorsRewritten,
      imagesInlined: fetcher.inlined.size,
      imagesMissing: fetcher.missing.size,
    },
  };
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
