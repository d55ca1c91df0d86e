// How a tall capture is cut into images every browser and image viewer can open.
//
// Limits: Chrome and Firefox refuse canvases with a side over 32,767 px (and over ~268 M px area in
// Chrome); iOS/iPadOS Safari refuses canvases over 16,777,216 px (4096²) in area. A part of at most
// 8,000 px high and 16,000,000 px in area fits all of them with room to spare, stays a few MB as PNG,
// and is what AliExpress's dispute upload and card issuers' forms take without downscaling text to mush.

export const MAX_PART_SIDE = 8_000;
export const MAX_PART_AREA = 16_000_000;

/** Render scale: the screen's pixel ratio (1–2), lowered when the capture would be wider than a part allows. */
export function chooseScale(widthCss: number, devicePixelRatio = 1): number {
  const wanted = Math.min(2, Math.max(1, devicePixelRatio || 1));
  if (widthCss <= 0) return wanted;
  return Math.min(wanted, MAX_PART_SIDE / widthCss);
}

/** The tallest slice of content (CSS px) one part can hold next to a header strip of `headerCss` px. */
export function maxSliceHeight(widthCss: number, scale: number, headerCss: number): number {
  const widthPx = Math.max(1, Math.ceil(widthCss * scale));
  const maxHeightPx = Math.min(MAX_PART_SIDE, Math.floor(MAX_PART_AREA / widthPx));
  return Math.max(1, Math.floor(maxHeightPx / scale) - headerCss);
}

export interface Slice {
  /** top of the slice in the content, CSS px */
  y: number;
  height: number;
}

/**
 * Cut `total` CSS px of content into slices of at most `max` px. `breaks` are good places to cut (e.g.
 * the bottom of each chat message): a cut moves up to the last break in the lower half of a slice so a
 * message is not split across two images; without a break there, the cut is at `max`.
 */
export function planSlices(total: number, max: number, breaks: number[] = []): Slice[] {
  const height = Math.max(0, Math.ceil(total));
  const step = Math.max(1, Math.floor(max));
  if (height === 0) return [];
  const sorted = [...new Set(breaks.map((b) => Math.round(b)))].filter((b) => b > 0 && b < height).sort((a, b) => a - b);
  const slices: Slice[] = [];
  let y = 0;
  while (y < height) {
    let end = Math.min(height, y + step);
    if (end < height) {
      const good = sorted.filter((b) => b > y + step / 2 && b <= end);
      if (good.length) end = good[good.length - 1];
    }
    slices.push({ y, height: end - y });
    y = end;
  }
  return slices;
}
