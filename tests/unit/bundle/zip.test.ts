import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32 } from '@/utils/bundle/crc32';
import { ZipTooLargeError, ZipWriter } from '@/utils/bundle/zip';

function pseudoRandom(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('CRC-32', () => {
  it('matches zlib for every length and alignment, and continues across pieces', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the standard check value
    const data = pseudoRandom(70_000);
    for (const [start, end] of [
      [0, 1],
      [1, 2],
      [3, 19],
      [1, 33],
      [2, 4099],
      [0, 70_000],
      [5, 69_997],
    ]) {
      const piece = data.subarray(start, end);
      expect(crc32(piece), `${start}-${end}`).toBe(zlibCrc32(piece));
    }
    const whole = zlibCrc32(data);
    expect(crc32(data.subarray(40_001), crc32(data.subarray(0, 40_001)))).toBe(whole);
  });
});

describe('the zip writer', () => {
  const mtime = new Date(2026, 6, 10, 12, 30, 44);

  async function build() {
    const zip = new ZipWriter();
    const png = pseudoRandom(300_000, 7);
    const jpeg = pseudoRandom(123_457, 9);
    const report = 'report <b>한국어</b>\n'.repeat(40_000); // several slices
    zip.addStored('b/evidence/capture.png', new Blob([png as BlobPart]), mtime, crc32(png));
    zip.addStored('b/for-aliexpress/01-capture.jpg', jpeg, mtime);
    const turns: number[] = [];
    const written = await zip.addText('b/report.html', report, mtime, async () => void turns.push(1));
    await zip.addText('b/empty.txt', '', mtime);
    zip.addStored('b/evidence/빈.png', new Blob([]), mtime, 0);
    const blob = await zip.finish();
    return { blob, png, jpeg, report, written, turns };
  }

  it('holds Blobs (by reference), bytes and deflated text, every entry readable and intact', async () => {
    const { blob, png, jpeg, report, written, turns } = await build();
    expect(new TextDecoder().decode(written)).toBe(report);
    expect(turns.length).toBeGreaterThan(1);
    const compression: Record<string, number> = {};
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()), {
      filter: (f) => {
        compression[f.name] = f.compression;
        return true;
      },
    });
    expect(Object.keys(files).sort()).toEqual(['b/empty.txt', 'b/evidence/capture.png', 'b/evidence/빈.png', 'b/for-aliexpress/01-capture.jpg', 'b/report.html']);
    expect(files['b/evidence/capture.png']).toEqual(png);
    expect(files['b/for-aliexpress/01-capture.jpg']).toEqual(jpeg);
    expect(new TextDecoder().decode(files['b/report.html'])).toBe(report);
    expect(files['b/empty.txt']).toHaveLength(0);
    expect(compression).toMatchObject({ 'b/evidence/capture.png': 0, 'b/for-aliexpress/01-capture.jpg': 0, 'b/report.html': 8 });
  });

  it('passes `unzip -t` (every CRC-32 checked by Info-ZIP)', async () => {
    if (!existsSync('/usr/bin/unzip')) return;
    const { blob } = await build();
    const dir = mkdtempSync(join(tmpdir(), 'aliproof-zip-'));
    try {
      const file = join(dir, 'b.zip');
      writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
      const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(out).toMatch(/No errors detected/);
      expect(out.match(/ OK$/gm)).toHaveLength(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes each header with the CRC-32 and sizes (no data descriptors)', async () => {
    const zip = new ZipWriter();
    const data = pseudoRandom(1000, 3);
    zip.addStored('a.png', data, mtime);
    const bytes = new Uint8Array(await (await zip.finish()).arrayBuffer());
    const v = new DataView(bytes.buffer);
    expect(v.getUint32(0, true)).toBe(0x04034b50);
    expect(v.getUint16(6, true) & 8).toBe(0); // no data descriptor
    expect(v.getUint32(14, true)).toBe(zlibCrc32(data));
    expect(v.getUint32(18, true)).toBe(1000);
    expect(v.getUint32(22, true)).toBe(1000);
  });

  it('needs the CRC of a Blob, and refuses more files than a zip without ZIP64 can list', async () => {
    const zip = new ZipWriter();
    expect(() => zip.addStored('x.png', new Blob([new Uint8Array(3)]), mtime)).toThrow(/CRC-32/);
    const empty = new Uint8Array();
    for (let i = 0; i < 0xffff; i++) zip.addStored(`${i}`, empty, mtime, 0);
    expect(() => zip.addStored('one-too-many', empty, mtime, 0)).toThrow(ZipTooLargeError);
  });
});
