import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildBundle, exportOrder, type BundleProgress } from '@/utils/bundle/build';
import { EXPORTED_FACT_KEYS } from '@/utils/bundle/order-json';
import type { Manifest } from '@/utils/bundle/manifest';
import { scriptHash } from '@/utils/bundle/verify-html';
import { stamp } from '@/utils/bundle/format';
import { bundleInput, caseRecord, entryOf, fakeJpeg, HOSTILE, NOW, ORDER_ID, sha, storedEvidence } from './fixtures';

const input = bundleInput;

interface Unzipped {
  files: Record<string, Uint8Array>;
  compression: Record<string, number>;
  folder: string;
}

async function unzip(blob: Blob): Promise<Unzipped> {
  const compression: Record<string, number> = {};
  const raw = unzipSync(new Uint8Array(await blob.arrayBuffer()), {
    filter: (f) => {
      compression[f.name] = f.compression;
      return true;
    },
  });
  const names = Object.keys(raw);
  const folder = names[0].split('/')[0];
  const files: Record<string, Uint8Array> = {};
  for (const n of names) {
    expect(n.startsWith(`${folder}/`)).toBe(true); // one folder holds everything
    files[n.slice(folder.length + 1)] = raw[n];
  }
  const comp: Record<string, number> = {};
  for (const [n, c] of Object.entries(compression)) comp[n.slice(folder.length + 1)] = c;
  return { files, compression: comp, folder };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('the evidence bundle', () => {
  it('has the promised layout, SHA256SUMS covering every other file, and originals exactly as stored', async () => {
    const stored = storedEvidence();
    const result = await buildBundle(input(stored));
    const { files, compression, folder } = await unzip(result.blob);
    expect(folder).toBe(`aliproof-${ORDER_ID}-${stamp(NOW)}`);
    expect(result.filename).toBe(`${folder}.zip`);
    const names = Object.keys(files).sort();
    for (const f of ['README.txt', 'report.html', 'verify.html', 'order.json', 'manifest.json', 'SHA256SUMS']) expect(names).toContain(f);
    expect(names.filter((n) => n.startsWith('evidence/'))).toHaveLength(6); // 2 chat parts + redacted + 2 tracking + order page
    expect(names.filter((n) => n.startsWith('transcripts/')).sort()).toEqual([expect.stringMatching(/chat-transcript.*\.json$/), expect.stringMatching(/chat-transcript.*\.txt$/)]);
    expect(names.filter((n) => n.startsWith('tracking/'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('for-aliexpress/') && n.endsWith('.jpg')).length).toBeGreaterThanOrEqual(5);
    expect(names).toContain('for-card-company/chargeback-letter-ko.txt');
    expect(names).toContain('for-1372-kca/consultation-facts-ko.txt');

    // SHA256SUMS: exact sha256sum format, sorted, every file but itself, every hash right
    const sums = text(files['SHA256SUMS']);
    expect(sums).toBe(result.sums);
    expect(sums.endsWith('\n')).toBe(true);
    expect(sums).not.toContain('\r');
    const lines = sums.trimEnd().split('\n');
    for (const l of lines) expect(l).toMatch(/^[0-9a-f]{64} {2}[A-Za-z0-9._\/-]+$/);
    const listed = lines.map((l) => l.slice(66));
    expect(listed).toEqual([...listed].sort());
    expect(listed.sort()).toEqual(names.filter((n) => n !== 'SHA256SUMS').sort());
    for (const l of lines) expect(sha(files[l.slice(66)])).toBe(l.slice(0, 64));

    // originals: the stored bytes, byte for byte
    for (const s of stored) {
      const entry = result.files.find((f) => f.evidenceId === s.meta.id && f.mime === s.meta.mime)!;
      expect(entry, s.meta.id).toBeTruthy();
      expect(Array.from(files[entry.path])).toEqual(Array.from(s.bytes));
    }
    // images are STORED (method 0), text is deflated
    for (const n of names) {
      if (/\.(png|jpg)$/.test(n)) expect(compression[n], n).toBe(0);
    }
    expect(compression['report.html']).toBe(8);
  });

  it('puts stored Blobs into the zip as they are, hashed from their own bytes', async () => {
    const stored = storedEvidence();
    const decoded: unknown[] = [];
    const jpeg = fakeJpeg();
    const result = await buildBundle(
      input(stored, {
        readStored: async (m) => new Blob([stored.find((s) => s.meta.id === m.id)!.bytes as BlobPart], { type: m.mime }),
        jpeg: { decode: (image, mime) => (decoded.push(image), jpeg.decode(image, mime)) },
      }),
    );
    const { files } = await unzip(result.blob);
    for (const s of stored) {
      const entry = result.files.find((f) => f.evidenceId === s.meta.id && f.mime === s.meta.mime)!;
      expect(Array.from(files[entry.path])).toEqual(Array.from(s.bytes));
      expect(entry.sha256).toBe(s.meta.sha256);
    }
    // the JPEG encoder was handed the stored Blobs, not copies of their bytes
    expect(decoded.length).toBeGreaterThan(0);
    expect(decoded.every((d) => d instanceof Blob)).toBe(true);
    for (const f of result.files) expect(sha(files[f.path]), f.path).toBe(f.sha256);
  });

  it('passes `sha256sum -c` when unpacked', async () => {
    const result = await buildBundle(input(storedEvidence()));
    const { files, folder } = await unzip(result.blob);
    const dir = mkdtempSync(join(tmpdir(), 'aliproof-bundle-'));
    try {
      for (const [name, bytes] of Object.entries(files)) {
        const p = join(dir, folder, name);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, bytes);
      }
      if (!existsSync('/usr/bin/sha256sum')) return;
      const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, folder), encoding: 'utf8' });
      expect(out.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes every file in manifest.json: size, hash, capture time, page, method, version, original or derived', async () => {
    const stored = storedEvidence();
    const result = await buildBundle(input(stored));
    const { files } = await unzip(result.blob);
    const manifest = JSON.parse(text(files['manifest.json'])) as Manifest;
    expect(manifest).toMatchObject({ format: 'aliproof-evidence-bundle', formatVersion: 1, orderId: ORDER_ID, createdAt: NOW.toISOString(), aliproofVersion: '0.1.0', hashAlgorithm: 'SHA-256' });
    const paths = manifest.files.map((f) => f.path);
    expect(paths.sort()).toEqual(Object.keys(files).filter((n) => n !== 'SHA256SUMS' && n !== 'manifest.json').sort());
    for (const f of manifest.files) {
      expect(f.bytes).toBe(files[f.path].length);
      expect(f.sha256).toBe(sha(files[f.path]));
      expect(f.method).toBeTruthy();
      expect(f.extensionVersion).toBe('0.1.0');
      expect(['original', 'derived', 'generated']).toContain(f.role);
    }
    const originals = manifest.files.filter((f) => f.role === 'original');
    expect(originals).toHaveLength(stored.filter((s) => !s.meta.derivedFrom).length);
    for (const f of originals) {
      const s = stored.find((x) => x.meta.id === f.evidenceId)!;
      expect(f).toMatchObject({ capturedAt: s.meta.capturedAt, pageUrl: s.meta.url, method: s.meta.method, sha256AtCapture: s.meta.sha256, sha256: s.meta.sha256 });
    }
    // every derived file names an original that is in the bundle
    const derived = manifest.files.filter((f) => f.role === 'derived');
    expect(derived.length).toBeGreaterThan(5);
    for (const f of derived) {
      expect(f.derivation, f.path).toBeTruthy();
      if (f.derivedFrom?.path) expect(paths, f.path).toContain(f.derivedFrom.path);
    }
    const redacted = derived.find((f) => f.path.includes('-redacted'))!;
    expect(redacted.derivedFrom!.path).toMatch(/^evidence\/.*chat.*part-1-of-2\.png$/);
    const jpeg = derived.find((f) => f.path.startsWith('for-aliexpress/') && f.path.endsWith('.jpg'))!;
    expect(jpeg.derivedFrom!.path).toMatch(/^evidence\//);
    expect(jpeg.derivation).toMatch(/^JPEG copy for upload: quality/);
  });

  it('keeps every AliExpress JPEG under the limit and cuts tall captures into parts', async () => {
    const limit = 1_000_000;
    const result = await buildBundle(input(storedEvidence(), { jpegMaxBytes: limit }));
    const jpegs = result.files.filter((f) => f.path.startsWith('for-aliexpress/') && f.path.endsWith('.jpg'));
    for (const j of jpegs) expect(j.bytes).toBeLessThanOrEqual(limit);
    // the fake decoder says 1280×9000: three parts of 3000 px per original image (5 originals)
    expect(jpegs).toHaveLength(15);
    expect(jpegs[0].path).toMatch(/-1-of-3\.jpg$/);
    expect(result.stats.jpegs).toBe(15);
  });

  it('writes page text as text in report.html: no script, no event handler, no broken style', async () => {
    const record = caseRecord(HOSTILE, `Cable ${HOSTILE}`);
    const result = await buildBundle(input(storedEvidence({ hostile: true }), { entry: entryOf(record), record, note: `my note ${HOSTILE}` }));
    const { files } = await unzip(result.blob);
    const html = text(files['report.html']);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/<img[^>]+onerror/i);
    expect(html).not.toContain('</style><script>');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'));
    expect(handlers).toEqual([]);
    for (const img of doc.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^data:image\/(png|jpeg);base64,/);
    // the hostile text is there, as text
    const bodyText = doc.body.textContent ?? '';
    expect(bodyText).toContain(HOSTILE);
    expect(bodyText).toContain(`my note ${HOSTILE}`);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.title).not.toBe('pwned');
  });

  it('verify.html runs only its own inline checker, allowed by hash', async () => {
    const result = await buildBundle(input(storedEvidence()));
    const { files } = await unzip(result.blob);
    const html = text(files['verify.html']);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const scripts = doc.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].getAttribute('src')).toBeNull();
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src '${await scriptHash(scripts[0].textContent!)}'`);
    expect(doc.querySelector('input[type=file][webkitdirectory]')).toBeTruthy();
    expect(html).not.toMatch(/fetch\(|XMLHttpRequest|https?:\/\//);
  });

  it('order.json carries the facts, clocks with source/basis/estimated, and no field outside the list', async () => {
    const result = await buildBundle(input(storedEvidence()));
    const { files } = await unzip(result.blob);
    const order = JSON.parse(text(files['order.json']));
    expect(Object.keys(order.facts).every((k) => (EXPORTED_FACT_KEYS as readonly string[]).includes(k))).toBe(true);
    expect(order.facts.orderId).toBe(ORDER_ID);
    expect(order.deadlines.length).toBeGreaterThan(0);
    for (const d of order.deadlines) {
      expect(d).toHaveProperty('source');
      expect(d).toHaveProperty('basis');
      expect(d).toHaveProperty('estimated');
      expect(typeof d.daysLeftAtExport).toBe('number');
    }
    expect(order.deadlines.find((d: { kind: string }) => d.kind === 'not-received')).toMatchObject({ closesOn: '2026-09-16', source: 'rule', basis: 'R-NR-60', estimated: false, rule: { days: 60 } });
    expect(order.firstSeen.shippedOn.firstSeen).toBe('2026-07-19T02:00:00.000Z');
  });

  it('reports progress per capture and gives the page a turn between files', async () => {
    const seen: BundleProgress[] = [];
    let turns = 0;
    await buildBundle(input(storedEvidence(), { onProgress: (p) => seen.push(p), nextTurn: async () => void turns++ }));
    const evidence = seen.filter((p) => p.stage === 'evidence');
    expect(evidence.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(evidence.every((p) => p.total === 7)).toBe(true);
    expect(seen.some((p) => p.stage === 'aliexpress')).toBe(true);
    expect(seen[seen.length - 1].stage).toBe('zip');
    expect(turns).toBeGreaterThan(7);
  });

  it('still makes the bundle when a capture cannot be read, and says which', async () => {
    const stored = storedEvidence();
    const broken = stored[6].meta.id;
    const result = await buildBundle(
      input(stored, {
        readStored: async (m) => {
          if (m.id === broken) throw new Error('This capture is no longer stored.');
          return stored.find((s) => s.meta.id === m.id)!.bytes;
        },
      }),
    );
    expect(result.problems.join('\n')).toMatch(new RegExp(`${broken}.*could not be read.*no longer stored`));
    const { files } = await unzip(result.blob);
    expect(text(files['report.html'])).toContain('no longer stored');
  });

  it('exports bytes that no longer match their capture hash as stored, with a warning', async () => {
    const stored = storedEvidence();
    const tampered = stored[0];
    const changed = new Uint8Array(tampered.bytes);
    changed[20] ^= 0xff;
    const result = await buildBundle(input(stored, { readStored: async (m) => (m.id === tampered.meta.id ? changed : stored.find((s) => s.meta.id === m.id)!.bytes) }));
    const entry = result.files.find((f) => f.evidenceId === tampered.meta.id && f.role === 'original')!;
    expect(entry.sha256).toBe(sha(changed));
    expect(entry.sha256AtCapture).toBe(tampered.meta.sha256);
    expect(result.problems.join('\n')).toMatch(/no longer match the SHA-256 recorded at capture/);
  });

  it('without a JPEG encoder, says the AliExpress folder has no images', async () => {
    const result = await buildBundle(input(storedEvidence(), { jpeg: undefined }));
    expect(result.files.some((f) => f.path.endsWith('.jpg'))).toBe(false);
    expect(result.problems.join('\n')).toMatch(/could not make JPEG copies/);
  });

  it('orders originals by capture time, each followed by its copies', () => {
    const order = exportOrder(storedEvidence().map((s) => s.meta)).map((m) => `${m.kind}:${m.part?.index ?? ''}${m.derivedFrom ? '-copy' : ''}`);
    expect(order).toEqual(['order-detail:', 'tracking:', 'chat:1', 'chat:1-copy', 'chat:2', 'transcript:', 'tracking:']);
  });
});
