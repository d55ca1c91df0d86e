// The JPEG work of the AliExpress pack, off the page's thread (see workerJpegEncoder in jpeg.ts):
// decodes an original once and keeps it until the page says `close`, encodes parts on request. Blobs
// travel both ways by reference: the stored capture in, the encoded JPEG out.
import { encodeRect } from './jpeg-draw';
import type { Rect } from './venues/aliexpress';

export type JpegRequest =
  | { type: 'decode'; id: number; image: Blob | Uint8Array; mime: string }
  | { type: 'encode'; id: number; img: number; rect: Rect; scale: number; quality: number }
  | { type: 'close'; id: number; img: number };

export type JpegReply = { id: number; width: number; height: number } | { id: number; jpeg: Blob } | { id: number; error: string };

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<JpegRequest>) => void) | null; postMessage(m: JpegReply): void };
const bitmaps = new Map<number, ImageBitmap>();

scope.onmessage = async ({ data: req }) => {
  try {
    if (req.type === 'decode') {
      const bitmap = await createImageBitmap(req.image instanceof Blob ? req.image : new Blob([req.image as BlobPart], { type: req.mime }));
      bitmaps.set(req.id, bitmap);
      scope.postMessage({ id: req.id, width: bitmap.width, height: bitmap.height });
    } else if (req.type === 'encode') {
      const bitmap = bitmaps.get(req.img);
      if (!bitmap) throw new Error('the image was closed');
      scope.postMessage({ id: req.id, jpeg: await encodeRect(bitmap, req.rect, req.scale, req.quality) });
    } else if (req.type === 'close') {
      bitmaps.get(req.img)?.close();
      bitmaps.delete(req.img);
    }
  } catch (e) {
    if (req.type !== 'close') scope.postMessage({ id: req.id, error: String((e as Error)?.message ?? e) });
  }
};
