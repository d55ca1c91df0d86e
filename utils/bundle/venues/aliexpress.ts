// The AliExpress upload pack: a JPEG copy of every captured image, each under a size limit (default
// 2 MB), tall captures cut into parts so an agent can read them. These are NEW files made from the
// originals (the originals stay in evidence/ untouched); the manifest links each to its original.
// Decoding and encoding need a canvas, so they come in as a `JpegEncoder` (utils/bundle/jpeg.ts in the
// browser, a fake in tests); everything else here is pure.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DecodedImage {
  width: number;
  height: number;
  /** the JPEG of `rect`, drawn at `scale`, at `quality` (0–1), as the encoder made it */
  encode(rect: Rect, scale: number, quality: number): Promise<Blob>;
  close(): void;
}

export interface JpegEncoder {
  /** an image as stored: the stored Blob itself where there is one (nothing is copied), else its bytes */
  decode(image: Blob | Uint8Array, mime: string): Promise<DecodedImage>;
}

/**
 * Tallest part of an upload copy, in image pixels [I]: AliExpress shows uploads scaled to the viewer's
 * width, so a 20,000 px strip becomes unreadable; 4,000 px of a 1,280 px wide capture is about three
 * screens.
 */
export const MAX_UPLOAD_PART_HEIGHT = 4_000;

/** Cut an image into parts of equal height, none taller than `maxHeight`. */
export function planUploadParts(width: number, height: number, maxHeight = MAX_UPLOAD_PART_HEIGHT): Rect[] {
  if (width <= 0 || height <= 0) return [];
  const count = Math.max(1, Math.ceil(height / maxHeight));
  const step = Math.ceil(height / count);
  const parts: Rect[] = [];
  for (let y = 0; y < height; y += step) parts.push({ x: 0, y, w: width, h: Math.min(step, height - y) });
  return parts;
}

/** Quality first (text stays sharp), then size: the order in which encodings are tried. */
export const JPEG_ATTEMPTS: readonly { scale: number; quality: number }[] = [
  { scale: 1, quality: 0.92 },
  { scale: 1, quality: 0.82 },
  { scale: 1, quality: 0.72 },
  { scale: 1, quality: 0.6 },
  { scale: 0.8, quality: 0.7 },
  { scale: 0.64, quality: 0.7 },
  { scale: 0.5, quality: 0.65 },
  { scale: 0.4, quality: 0.6 },
  { scale: 0.3, quality: 0.55 },
  { scale: 0.2, quality: 0.5 },
];

export interface EncodedPart {
  rect: Rect;
  jpeg: Blob;
  scale: number;
  quality: number;
}

/** The first encoding of `rect` that fits under `maxBytes`, or undefined when none does. */
export async function encodeUnderLimit(img: DecodedImage, rect: Rect, maxBytes: number): Promise<EncodedPart | undefined> {
  return (await encodeTrying(img, rect, maxBytes)).part;
}

/** As encodeUnderLimit, also giving the size of every attempt made (in JPEG_ATTEMPTS order). */
export async function encodeTrying(img: DecodedImage, rect: Rect, maxBytes: number): Promise<{ sizes: number[]; part?: EncodedPart }> {
  const sizes: number[] = [];
  for (const a of JPEG_ATTEMPTS) {
    const jpeg = await img.encode(rect, a.scale, a.quality);
    sizes.push(jpeg.size);
    if (jpeg.size <= maxBytes) return { sizes, part: { rect, jpeg, scale: a.scale, quality: a.quality } };
  }
  return { sizes };
}

export function derivationText(p: EncodedPart, img: { width: number; height: number }, index: number, count: number): string {
  const rows = `rows ${p.rect.y}–${p.rect.y + p.rect.h - 1} of ${img.width}×${img.height} px`;
  const part = count > 1 ? ` (part ${index} of ${count})` : '';
  return `JPEG copy for upload: quality ${p.quality.toFixed(2)}, scale ${p.scale.toFixed(2)}, ${rows}${part}`;
}

export function aliexpressReadme(jpegMaxBytes: number, files: number): string {
  const mb = (jpegMaxBytes / 1024 / 1024).toFixed(1);
  return [
    '알리익스프레스 분쟁에 올릴 이미지',
    `이 폴더의 JPEG ${files}개는 캡처 원본(evidence/ 폴더)에서 새로 만든 사본입니다. 각 파일은 ${mb} MB 이하이고, 긴 캡처는 여러 장으로 나누었습니다.`,
    '분쟁 신청서의 증거(사진) 칸에 올리세요. 원본과 SHA-256 목록은 그대로 보관하세요. 각 사본이 어느 원본에서 왔는지는 manifest.json에 있습니다.',
    '',
    'Images for the AliExpress dispute',
    `The ${files} JPEG file(s) here are new copies made from the original captures (in evidence/). Each is at most ${mb} MB; long captures are cut into parts.`,
    'Upload them in the evidence (photos) field of the dispute. Keep the originals and the SHA-256 list as they are. manifest.json says which original each copy comes from.',
    '',
  ].join('\n');
}
