import { chooseScale, maxSliceHeight, MAX_PART_AREA, MAX_PART_SIDE, planSlices } from '@/utils/evidence/split';

describe('splitting a tall capture', () => {
  it('keeps every part within the side and area limits, header included', () => {
    for (const [width, dpr] of [[380, 1], [800, 2], [1280, 1], [1920, 2], [3000, 3], [8000, 1]] as const) {
      const scale = chooseScale(width, dpr);
      const slice = maxSliceHeight(width, scale, 70);
      const heightPx = (slice + 70) * scale;
      const widthPx = Math.ceil(width * scale);
      expect(heightPx).toBeLessThanOrEqual(MAX_PART_SIDE);
      expect(widthPx).toBeLessThanOrEqual(MAX_PART_SIDE);
      expect(widthPx * heightPx).toBeLessThanOrEqual(MAX_PART_AREA + widthPx * scale);
      expect(slice).toBeGreaterThan(0);
    }
  });

  it('uses the screen pixel ratio between 1 and 2, lower when the capture is very wide', () => {
    expect(chooseScale(1000, 1)).toBe(1);
    expect(chooseScale(1000, 2)).toBe(2);
    expect(chooseScale(1000, 3)).toBe(2);
    expect(chooseScale(1000, 0.5)).toBe(1);
    expect(chooseScale(6000, 2)).toBeCloseTo(8000 / 6000);
  });

  it('cuts the content into contiguous slices that cover it exactly', () => {
    const slices = planSlices(18_518, 7_924);
    expect(slices).toEqual([
      { y: 0, height: 7_924 },
      { y: 7_924, height: 7_924 },
      { y: 15_848, height: 2_670 },
    ]);
    expect(planSlices(0, 100)).toEqual([]);
    expect(planSlices(50, 100)).toEqual([{ y: 0, height: 50 }]);
  });

  it('cuts between messages when a message bottom lies in the lower half of a slice', () => {
    const breaks = [90, 180, 260, 350, 430, 520];
    const slices = planSlices(520, 200, breaks);
    expect(slices.map((s) => s.y + s.height)).toEqual([180, 350, 520]);
    for (const s of slices) expect(s.height).toBeLessThanOrEqual(200);
  });

  it('cuts at the limit when no message ends in the lower half (one very tall message)', () => {
    expect(planSlices(500, 200, [20, 480])).toEqual([
      { y: 0, height: 200 },
      { y: 200, height: 200 },
      { y: 400, height: 100 },
    ]);
  });
});
