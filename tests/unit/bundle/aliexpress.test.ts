import { encodeUnderLimit, JPEG_ATTEMPTS, MAX_UPLOAD_PART_HEIGHT, planUploadParts } from '@/utils/bundle/venues/aliexpress';
import { fakeJpeg } from './fixtures';

describe('the AliExpress upload copies', () => {
  it('cut tall images into equal parts no taller than the limit, covering every row once', () => {
    expect(planUploadParts(1280, 3000)).toEqual([{ x: 0, y: 0, w: 1280, h: 3000 }]);
    const parts = planUploadParts(1280, 9001);
    expect(parts).toHaveLength(Math.ceil(9001 / MAX_UPLOAD_PART_HEIGHT));
    expect(parts.every((p) => p.h <= MAX_UPLOAD_PART_HEIGHT)).toBe(true);
    expect(parts.reduce((s, p) => s + p.h, 0)).toBe(9001);
    parts.forEach((p, i) => i && expect(p.y).toBe(parts[i - 1].y + parts[i - 1].h));
    expect(planUploadParts(0, 10)).toEqual([]);
  });

  it('lower quality first, then size, until the JPEG fits', async () => {
    const enc = fakeJpeg(1);
    const img = await enc.decode(new Uint8Array(), 'image/png');
    const rect = { x: 0, y: 0, w: 1280, h: 3000 };
    const big = await encodeUnderLimit(img, rect, 10_000_000);
    expect(big).toMatchObject({ scale: 1, quality: 0.92 });
    const small = await encodeUnderLimit(img, rect, 1_000_000);
    expect(small!.jpeg.size).toBeLessThanOrEqual(1_000_000);
    expect(small!.scale).toBeLessThan(1);
    // qualities were tried at full size before any shrinking
    const firstShrink = enc.calls.findIndex((c) => c.scale < 1);
    expect(enc.calls.slice(1, firstShrink).every((c) => c.scale === 1)).toBe(true);
    // nothing fits: every attempt was tried, in order, and none is returned
    const before = enc.calls.length;
    expect(await encodeUnderLimit(img, rect, 10)).toBeUndefined();
    expect(enc.calls.slice(before)).toEqual(JPEG_ATTEMPTS);
  });
});
