// AliExpress upload copies made ahead of time. Re-encoding every captured image as JPEG is most of an
// export's work (a decode and at least one encode per image, about 50 ms per 1280×2400 px), so the
// background makes the copies once, a little after a capture is saved, and keeps them beside the
// original (IndexedDB store `uploads`, deleted with it, never in backups). An export takes the prepared
// copies only when they are exactly what it would make itself:
//
// - made from the same bytes (the SHA-256 the export has just computed of the original),
// - by the same recipe (part height, the attempts and their order: UPLOAD_RECIPE),
// - and the size limit asked for picks the same attempt. The sizes of every attempt made while
//   preparing are kept, so for any limit the first attempt that fits is known as long as it is one
//   that was tried; the prepared bytes are those of the last attempt tried (the first one under the
//   limit used while preparing). Any other answer (a smaller limit that needs an attempt never tried,
//   a larger one that an earlier attempt fits) and the copies are made anew, as without preparation.
//
// The export still reads every prepared JPEG to hash it for the manifest and SHA256SUMS, and makes the
// copies anew if the bytes do not match what was recorded when they were made.
import { sha256Hex } from '../evidence/hash';
import { crc32 } from './crc32';
import { encodeTrying, JPEG_ATTEMPTS, MAX_UPLOAD_PART_HEIGHT, planUploadParts, type EncodedPart, type JpegEncoder, type Rect } from './venues/aliexpress';

/** What the copies of an original depend on besides its bytes and the limit. */
export const UPLOAD_RECIPE = `jpeg on white; parts <= ${MAX_UPLOAD_PART_HEIGHT} px; attempts ${JPEG_ATTEMPTS.map((a) => `${a.scale}x@q${a.quality}`).join(' ')}`;

export interface PreparedPart {
  rect: Rect;
  /** byte size of each attempt made, in JPEG_ATTEMPTS order */
  sizes: number[];
  /** the last attempt made, when it fitted the limit used while preparing */
  jpeg?: Blob;
  sha256?: string;
  crc32?: number;
}

/** One original's prepared copies, as the `uploads` store keeps them (key: the original's id). */
export interface PreparedCopies {
  id: string;
  /** SHA-256 of the original's bytes the copies were made from */
  sha256: string;
  recipe: string;
  width: number;
  height: number;
  parts: PreparedPart[];
  madeAt: string;
  /** AliProof version that made the copies */
  extensionVersion: string;
}

/** A part ready for the bundle: its bytes' SHA-256 and CRC-32 are known. */
export type CheckedPart = EncodedPart & { sha256: string; crc32: number };

export interface PreparedChoice {
  width: number;
  height: number;
  /** undefined where no attempt fits the limit (as encodeUnderLimit would say) */
  parts: (CheckedPart | undefined)[];
  extensionVersion: string;
}

/** Decode one original and make its copies under `maxBytes`, remembering every attempt's size. */
export async function prepareCopies(
  encoder: JpegEncoder,
  original: { id: string; sha256: string; mime: string; image: Blob | Uint8Array },
  maxBytes: number,
  extensionVersion: string,
  now: Date = new Date(),
): Promise<PreparedCopies> {
  const img = await encoder.decode(original.image, original.mime);
  try {
    const parts: PreparedPart[] = [];
    for (const rect of planUploadParts(img.width, img.height)) {
      const { sizes, part } = await encodeTrying(img, rect, maxBytes);
      if (!part) {
        parts.push({ rect, sizes });
        continue;
      }
      const bytes = new Uint8Array(await part.jpeg.arrayBuffer());
      parts.push({ rect, sizes, jpeg: part.jpeg, sha256: await sha256Hex(bytes), crc32: crc32(bytes) });
    }
    return { id: original.id, sha256: original.sha256, recipe: UPLOAD_RECIPE, width: img.width, height: img.height, parts, madeAt: now.toISOString(), extensionVersion };
  } finally {
    img.close();
  }
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/**
 * The copies `maxBytes` calls for, from prepared ones made from bytes with this SHA-256; undefined
 * when the prepared ones cannot say which encoding the limit picks (then they are made anew).
 */
export function choosePrepared(p: PreparedCopies | undefined, sha256: string, maxBytes: number): PreparedChoice | undefined {
  if (!p || p.sha256 !== sha256 || p.recipe !== UPLOAD_RECIPE) return undefined;
  const plan = planUploadParts(p.width, p.height);
  if (plan.length !== p.parts.length || !plan.every((r, i) => sameRect(r, p.parts[i].rect))) return undefined;
  const parts: PreparedChoice['parts'] = [];
  for (const part of p.parts) {
    const k = part.sizes.findIndex((size) => size <= maxBytes);
    if (k < 0) {
      // none fits: known only when every attempt was made
      if (part.sizes.length !== JPEG_ATTEMPTS.length) return undefined;
      parts.push(undefined);
      continue;
    }
    const kept = part.sizes.length - 1;
    if (k !== kept || !part.jpeg || part.jpeg.size !== part.sizes[k] || !part.sha256 || part.crc32 === undefined) return undefined;
    parts.push({ rect: part.rect, jpeg: part.jpeg, scale: JPEG_ATTEMPTS[k].scale, quality: JPEG_ATTEMPTS[k].quality, sha256: part.sha256, crc32: part.crc32 });
  }
  return { width: p.width, height: p.height, parts, extensionVersion: p.extensionVersion };
}

/** Asks the background to prepare every copy still missing, and answers when none is left to do. */
export interface PrepareUploadsMessage {
  type: 'prepare-upload-copies';
}
export type PrepareUploadsReply = { ok: true; prepared: number; unchanged: number; failed: number } | { ok: false; error: string };
