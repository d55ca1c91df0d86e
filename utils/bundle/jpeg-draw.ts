// Drawing one part of a decoded image on white and encoding it as JPEG: shared by the page's encoder
// and the JPEG worker (jpeg.ts, jpeg-worker.ts).
import type { Rect } from './venues/aliexpress';

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

function makeCanvas(w: number, h: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

function toJpeg(canvas: AnyCanvas, quality: number): Promise<Blob> {
  return 'convertToBlob' in canvas
    ? canvas.convertToBlob({ type: 'image/jpeg', quality })
    : new Promise<Blob>((resolve, reject) =>
        (canvas as HTMLCanvasElement).toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode a JPEG'))), 'image/jpeg', quality),
      );
}

/**
 * The JPEG of `rect` of a decoded image, drawn at `scale` on white, at `quality` (0–1), as the Blob the
 * browser made (its bytes are read once, by whoever hashes them).
 */
export async function encodeRect(bitmap: ImageBitmap, rect: Rect, scale: number, quality: number): Promise<Blob> {
  const w = Math.max(1, Math.round(rect.w * scale));
  const h = Math.max(1, Math.round(rect.h * scale));
  const canvas = makeCanvas(w, h);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.fillStyle = '#ffffff'; // JPEG has no transparency: transparent pixels would turn black
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, rect.x, rect.y, rect.w, rect.h, 0, 0, w, h);
  try {
    return await toJpeg(canvas, quality);
  } finally {
    canvas.width = canvas.height = 0; // free the pixels now, not at the next GC
  }
}
