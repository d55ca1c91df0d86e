import { buildBundle, type BundleInput } from '@/utils/bundle/build';
import { choosePrepared, prepareCopies, UPLOAD_RECIPE, type PreparedCopies } from '@/utils/bundle/prepared';
import { encodeUnderLimit, JPEG_ATTEMPTS, planUploadParts } from '@/utils/bundle/venues/aliexpress';
import { crc32 } from '@/utils/bundle/crc32';
import { bundleInput, fakeJpeg, NOW, sha, storedEvidence, type Stored } from './fixtures';

const MB = 1024 * 1024;

/** The fake encoder's JPEG size for a 3000 px part at an attempt: 1280 × 3000 × scale² × quality × 0.5 bytes. */
const fakeSize = (k: number) => Math.max(4, Math.round(1280 * JPEG_ATTEMPTS[k].scale * 3000 * JPEG_ATTEMPTS[k].scale * JPEG_ATTEMPTS[k].quality * 0.5));

async function prepared(maxBytes: number, id = 'orig', sha256 = 'a'.repeat(64)): Promise<PreparedCopies> {
  return prepareCopies(fakeJpeg(), { id, sha256, mime: 'image/png', image: new Uint8Array(4) }, maxBytes, '0.0.9', NOW);
}

describe('AliExpress copies made ahead of time', () => {
  it('remember every attempt and keep the first that fits, with its SHA-256 and CRC-32', async () => {
    // sizes of a 1280×3000 part: 1.77 MB at q0.92, 1.57 MB at q0.82 …
    const p = await prepared(1.6 * MB);
    expect(p).toMatchObject({ id: 'orig', recipe: UPLOAD_RECIPE, width: 1280, height: 9000, extensionVersion: '0.0.9', madeAt: NOW.toISOString() });
    expect(p.parts.map((x) => x.rect)).toEqual(planUploadParts(1280, 9000));
    for (const part of p.parts) {
      expect(part.sizes).toEqual([fakeSize(0), fakeSize(1)]);
      const bytes = new Uint8Array(await part.jpeg!.arrayBuffer());
      expect(bytes.length).toBe(fakeSize(1));
      expect(part.sha256).toBe(sha(bytes));
      expect(part.crc32).toBe(crc32(bytes));
    }
  });

  it('are used only when the limit picks the attempt that was kept, exactly as a fresh encoding would', async () => {
    const p = await prepared(1.6 * MB);
    const img = await fakeJpeg().decode(new Uint8Array(), 'image/png');
    for (const limit of [10 * MB, 1.7 * MB, 1.6 * MB, fakeSize(1), fakeSize(1) - 1, 1.2 * MB, 100]) {
      const fresh = await encodeUnderLimit(img, planUploadParts(1280, 9000)[0], limit);
      const chosen = choosePrepared(p, 'a'.repeat(64), limit);
      if (chosen) {
        // whenever the prepared copies are used, they are what encodeUnderLimit makes
        expect(chosen.parts[0]!.quality, String(limit)).toBe(fresh!.quality);
        expect(chosen.parts[0]!.scale).toBe(fresh!.scale);
        expect(chosen.parts[0]!.jpeg.size).toBe(fresh!.jpeg.size);
        expect(chosen.parts[0]!.jpeg.size).toBeLessThanOrEqual(limit);
      }
      // used exactly when the first attempt that fits is the one kept
      expect(!!chosen, String(limit)).toBe(limit >= fakeSize(1) && limit < fakeSize(0));
    }
  });

  it('say "none fits" only when every attempt was made', async () => {
    const none = await prepared(10); // nothing fits 10 bytes: every attempt made, nothing kept
    expect(none.parts[0].sizes).toHaveLength(JPEG_ATTEMPTS.length);
    expect(none.parts[0].jpeg).toBeUndefined();
    expect(choosePrepared(none, 'a'.repeat(64), 10)!.parts).toEqual([undefined, undefined, undefined]);
    expect(choosePrepared(none, 'a'.repeat(64), 5 * MB)).toBeUndefined(); // an earlier attempt fits: not kept
  });

  it('are not used for other bytes, another recipe or a record that does not match its parts', async () => {
    const p = await prepared(2 * MB);
    expect(choosePrepared(p, 'a'.repeat(64), 2 * MB)).toBeTruthy();
    expect(choosePrepared(p, 'b'.repeat(64), 2 * MB)).toBeUndefined();
    expect(choosePrepared({ ...p, recipe: 'parts <= 5000 px' }, 'a'.repeat(64), 2 * MB)).toBeUndefined();
    expect(choosePrepared({ ...p, height: 12_001 }, 'a'.repeat(64), 2 * MB)).toBeUndefined();
    expect(choosePrepared({ ...p, parts: p.parts.map((x) => ({ ...x, jpeg: new Blob([new Uint8Array(3)]) })) }, 'a'.repeat(64), 2 * MB)).toBeUndefined();
    expect(choosePrepared(undefined, 'a'.repeat(64), 2 * MB)).toBeUndefined();
  });
});

describe('the bundle with prepared copies', () => {
  const input = (stored: Stored[], over: Partial<BundleInput> = {}) => bundleInput(stored, { lang: 'en', timeZone: undefined, ...over });

  async function prepareAll(stored: Stored[]) {
    const out = new Map<string, PreparedCopies>();
    for (const s of stored) {
      if (s.meta.derivedFrom || !s.meta.mime.startsWith('image/')) continue;
      out.set(s.meta.id, await prepareCopies(fakeJpeg(), { id: s.meta.id, sha256: s.meta.sha256, mime: s.meta.mime, image: s.bytes }, 2 * MB, '0.0.9', NOW));
    }
    return out;
  }

  const jpegFiles = (r: Awaited<ReturnType<typeof buildBundle>>) => r.files.filter((f) => f.path.endsWith('.jpg'));

  it('takes them without decoding anything, and lists the same files with the same bytes as a fresh export', async () => {
    const stored = storedEvidence();
    const ready = await prepareAll(stored);
    const fresh = await buildBundle(input(stored));
    const decoded: unknown[] = [];
    const enc = fakeJpeg();
    const quick = await buildBundle(
      input(stored, {
        readPrepared: async (m) => ready.get(m.id),
        jpeg: { decode: (image, mime) => (decoded.push(image), enc.decode(image, mime)) },
      }),
    );
    expect(decoded).toEqual([]);
    expect(quick.stats.prepared).toBe(ready.size);
    expect(quick.stats.jpegs).toBe(fresh.stats.jpegs);
    const strip = (f: (typeof fresh.files)[number]) => ({ ...f, extensionVersion: '' });
    expect(jpegFiles(quick).map(strip)).toEqual(jpegFiles(fresh).map(strip));
    // made by the version that prepared them
    expect(jpegFiles(quick).every((f) => f.extensionVersion === '0.0.9')).toBe(true);
    expect(quick.problems).toEqual([]);
  });

  it('makes them anew when the original changed, the prepared bytes changed, or the limit needs other attempts', async () => {
    const stored = storedEvidence();
    const ready = await prepareAll(stored);
    const [first, second] = [...ready.keys()];
    // the original's bytes no longer those the copies were made from
    const tampered = stored.find((s) => s.meta.id === first)!;
    const changed = new Uint8Array(tampered.bytes);
    changed[9] ^= 1;
    // a prepared JPEG whose bytes are not the recorded ones
    const spoiled = ready.get(second)!;
    const badBytes = new Uint8Array(spoiled.parts[0].jpeg!.size);
    ready.set(second, { ...spoiled, parts: [{ ...spoiled.parts[0], jpeg: new Blob([badBytes]) }, ...spoiled.parts.slice(1)] });
    const decoded: string[] = [];
    const enc = fakeJpeg();
    const r = await buildBundle(
      input(stored, {
        readStored: async (m) => (m.id === first ? changed : stored.find((s) => s.meta.id === m.id)!.bytes),
        readPrepared: async (m) => ready.get(m.id),
        jpeg: { decode: (image, mime) => (decoded.push(image === changed ? first : String(stored.find((s) => s.bytes === image)?.meta.id)), enc.decode(image, mime)) },
      }),
    );
    expect(decoded.sort()).toEqual([first, second].sort());
    expect(r.stats.prepared).toBe(ready.size - 2);
    for (const f of r.files) if (f.path.endsWith('.jpg')) expect(f.bytes).toBeLessThanOrEqual(2 * MB);

    // a limit under the prepared sizes: every copy made anew, every one under it
    const small = await buildBundle(input(stored, { jpegMaxBytes: 1 * MB, readPrepared: async (m) => ready.get(m.id) }));
    expect(small.stats.prepared).toBe(0);
    for (const f of jpegFiles(small)) expect(f.bytes).toBeLessThanOrEqual(1 * MB);
  });

  it('uses prepared copies even where this browser cannot encode, and says which images have none', async () => {
    const stored = storedEvidence();
    const ready = await prepareAll(stored);
    const one = [...ready.keys()][0];
    ready.delete(one);
    const r = await buildBundle(input(stored, { jpeg: undefined, readPrepared: async (m) => ready.get(m.id) }));
    expect(r.stats.prepared).toBe(ready.size);
    expect(jpegFiles(r).length).toBeGreaterThan(0);
    expect(jpegFiles(r).some((f) => f.evidenceId === one)).toBe(false);
    expect(r.problems.join('\n')).toMatch(new RegExp(`could not make JPEG copies: 1 of ${ready.size + 1} images have none`));
  });
});
