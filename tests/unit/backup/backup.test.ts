// Backup and restore: one zip file with every order, setting and capture; a restore into a fresh
// browser gives the same data; merging never duplicates evidence; and every kind of damage (bad
// version, size or hash mismatch, path traversal, bad JSON, wrong shapes) is refused with nothing written.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { createBackup } from '@/utils/backup/create';
import { parseBackup, restoreBackup, type RestoreReport } from '@/utils/backup/restore';
import { MANIFEST_PATH, type BackupManifest } from '@/utils/backup/format';
import { sha256Hex } from '@/utils/evidence/hash';
import { settingsV1toV2 } from '@/utils/migrations/settings';
import { item, memoryTarget, ORDER, pngBytes, sourceBrowser, storageFixture, type MemoryTarget } from './helpers';

const NOW = new Date(2026, 10, 21, 12, 30);

async function makeBackup() {
  const src = await sourceBrowser();
  const result = await createBackup(src, { now: NOW, extensionVersion: '0.1.0' });
  return { src, result };
}

const ok = (r: RestoreReport) => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r;
};

describe('making a backup', () => {
  it('writes one zip: manifest, one JSON per stored item, the evidence bytes as stored, SHA256SUMS', async () => {
    const { src, result } = await makeBackup();
    const files = unzipSync(result.bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'SHA256SUMS',
        'aliproof-backup.json',
        'evidence/ev-chat-1-redacted.png',
        'evidence/ev-chat-1.png',
        'evidence/ev-chat-2.png',
        'evidence/ev-transcript.txt',
        'storage/cases.json',
        'storage/caseNotes.json',
        'storage/checklist.json',
        'storage/reminderLog.json',
        'storage/reminderPrefs.json',
        'storage/settings.json',
        'storage/userFacts.json',
      ].sort(),
    );
    for (const e of src.evidence) expect(files[`evidence/${e.meta.id}.${e.meta.mime === 'text/plain' ? 'txt' : 'png'}`]).toEqual(e.bytes);
    const manifest = JSON.parse(strFromU8(files[MANIFEST_PATH])) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'aliproof-backup', formatVersion: 1, createdAt: NOW.toISOString() });
    expect(manifest.storage.find((s) => s.name === 'settings')).toMatchObject({ version: 2 });
    expect(manifest.storage.find((s) => s.name === 'cases')).toMatchObject({ version: 1 });
    expect(manifest.notIncluded).toEqual([{ what: 'storage "futureThing"', why: 'this version of AliProof does not know its format' }]);
    expect(strFromU8(files.SHA256SUMS)).toContain(`${src.evidence[0].meta.sha256}  evidence/ev-chat-1.png`);
    expect(result).toMatchObject({ orders: 3, evidenceIds: ['ev-chat-1', 'ev-chat-2', 'ev-transcript', 'ev-chat-1-redacted'], fileName: 'aliproof-backup-2026-11-21-1230.zip' });
  });

  it('stores images without recompressing them (zip method "store")', async () => {
    const { result } = await makeBackup();
    const methods: Record<string, number> = {};
    unzipSync(result.bytes, { filter: (f) => ((methods[f.name] = f.compression), false) });
    expect(methods['evidence/ev-chat-1.png']).toBe(0);
    expect(methods['storage/cases.json']).toBe(8);
  });

  it('leaves out an item whose bytes no longer match its hash, and says so', async () => {
    const src = await sourceBrowser();
    src.evidence[1].bytes = src.evidence[1].bytes.slice();
    src.evidence[1].bytes[100] ^= 0xff;
    const result = await createBackup(src, { now: NOW, extensionVersion: '0.1.0' });
    expect(result.evidenceIds).not.toContain('ev-chat-2');
    expect(result.manifest.notIncluded.map((n) => n.what)).toContain('evidence ev-chat-2');
    expect((await parseBackup(result.bytes)).ok).toBe(true); // the rest still restores
  });
});

describe('restoring into a fresh browser', () => {
  it('gives the same orders, settings and evidence (bytes, metadata, hashes)', async () => {
    const { src, result } = await makeBackup();
    const target = memoryTarget();
    const report = ok(await restoreBackup(result.bytes, target));
    const total = src.evidence.reduce((n, e) => n + e.bytes.length, 0);
    expect(report.summary).toEqual({ ordersAdded: 3, ordersMerged: 0, evidenceAdded: 4, evidenceBytes: total, settingsRestored: true });
    for (const k of ['cases', 'userFacts', 'checklist', 'caseNotes', 'settings', 'reminderPrefs']) expect(target.storage[k]).toEqual(src.storage[k]);
    // reminders already sent are remembered (none repeats); the other browser's check day is its own
    expect(target.storage.reminderLog).toEqual({ sent: (src.storage.reminderLog as { sent: object }).sent });
    expect(target.storage['settings$']).toEqual({ v: 2 });
    expect(target.storage.futureThing).toBeUndefined();
    for (const e of src.evidence) {
      const got = target.evidence.find((x) => x.meta.id === e.meta.id)!;
      const { thumb, ...meta } = e.meta;
      expect(got.meta).toEqual(meta);
      expect(got.thumb).toBe(thumb);
      expect(got.bytes).toEqual(e.bytes);
      expect(await sha256Hex(got.bytes)).toBe(e.meta.sha256);
    }
    expect(Object.keys(target.storage.evidenceIndex as object)).toEqual([ORDER]);
    expect((target.storage.backupState as { backedUpIds: string[] }).backedUpIds.sort()).toEqual(src.evidence.map((e) => e.meta.id).sort());
    expect(report.skipped).toEqual([]);
    expect(target.writes).toBe(2); // one evidence transaction, one storage write
  });

  it('migrates values saved by an older version (settings v1 -> v2)', async () => {
    const src = await sourceBrowser();
    src.storage.settings = storageFixture('settings-v1');
    delete src.storage.settings$;
    const result = await createBackup(src, { now: NOW, extensionVersion: '0.0.9' });
    expect(result.manifest.storage.find((s) => s.name === 'settings')!.version).toBe(1);
    const target = memoryTarget();
    ok(await restoreBackup(result.bytes, target));
    expect(target.storage.settings).toEqual(settingsV1toV2(storageFixture('settings-v1')));
    expect(target.storage['settings$']).toEqual({ v: 2 });
  });
});

describe('merging with data already here', () => {
  it('restoring the same backup twice adds nothing and duplicates no evidence', async () => {
    const { result } = await makeBackup();
    const target = memoryTarget();
    ok(await restoreBackup(result.bytes, target));
    const again = ok(await restoreBackup(result.bytes, target));
    expect(target.evidence).toHaveLength(4);
    expect(again.summary).toMatchObject({ ordersAdded: 0, ordersMerged: 0, evidenceAdded: 0 });
    expect(again.skipped.map((s) => s.code)).toEqual(['settingsKept', 'sameEvidence', 'sameEvidence', 'sameEvidence', 'sameEvidence']);
  });

  it('the same bytes under another id are the same item: not copied, and copies made from it are linked to the one here', async () => {
    const { src, result } = await makeBackup();
    const twin = await item('here-already', src.evidence[0].bytes); // same bytes as ev-chat-1
    const mine = { ...storageFixture('settings-v2'), language: 'ko' };
    const target = memoryTarget({ settings: mine, settings$: { v: 2 } }, [{ meta: twin.meta, bytes: twin.bytes }]);
    const report = ok(await restoreBackup(result.bytes, target));
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { code: 'sameFile', what: 'ev-chat-1', detail: 'here-already' },
        { code: 'settingsKept', what: 'settings' },
      ]),
    );
    expect(target.evidence.map((e) => e.meta.id).sort()).toEqual(['ev-chat-1-redacted', 'ev-chat-2', 'ev-transcript', 'here-already']);
    expect(target.evidence.find((e) => e.meta.id === 'ev-chat-1-redacted')!.meta.derivedFrom).toBe('here-already');
    expect(target.storage.settings).toEqual(mine); // this browser's own settings stay
  });

  it('this browser\'s own value that cannot be read is left exactly as it is', async () => {
    const { result } = await makeBackup();
    const target = memoryTarget({ settings: { language: 'en' } });
    const report = ok(await restoreBackup(result.bytes, target));
    expect(report.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'keptHere', what: 'settings' })]));
    expect(target.storage.settings).toEqual({ language: 'en' });
  });

  it('an id taken by different bytes here is skipped, and its copies with it', async () => {
    const { result } = await makeBackup();
    const other = await item('ev-chat-1', pngBytes(5_000, 9));
    const target = memoryTarget({}, [{ meta: other.meta, bytes: other.bytes }]);
    const report = ok(await restoreBackup(result.bytes, target));
    expect(report.skipped).toEqual(expect.arrayContaining([{ code: 'idTaken', what: 'ev-chat-1' }]));
    // the redacted copy links to ev-chat-1, which here is a different capture: it is kept linked to it
    expect(target.evidence.filter((e) => e.meta.id === 'ev-chat-1')).toHaveLength(1);
    expect(target.evidence.find((e) => e.meta.id === 'ev-chat-1')!.bytes).toEqual(other.bytes);
  });

  it('orders known on both sides are merged: nothing this browser knows is lost', async () => {
    const { result } = await makeBackup();
    const cases = storageFixture('cases-v1');
    const here = cases.cases[ORDER];
    here.facts.deliveredOn = '2026-11-19';
    here.lastSeen = '2026-11-20T00:00:00.000Z';
    here.sources.push({ kind: 'tracking', url: 'https://www.aliexpress.com/p/tracking/index.html', at: '2026-11-20T00:00:00.000Z' });
    const target = memoryTarget({ cases: { version: 1, cases: { [ORDER]: here } }, userFacts: { [ORDER]: { deliveredOn: { value: '2026-11-18', at: '2026-12-01T00:00:00.000Z' } } } });
    const report = ok(await restoreBackup(result.bytes, target));
    expect(report.summary).toMatchObject({ ordersAdded: 2, ordersMerged: 1 });
    const merged = (target.storage.cases as { cases: Record<string, typeof here> }).cases[ORDER];
    expect(merged.facts.deliveredOn).toBe('2026-11-19');
    expect(merged.sources.at(-1).kind).toBe('tracking');
    // the user's newer correction here beats the older one in the backup
    expect((target.storage.userFacts as Record<string, Record<string, { value: string }>>)[ORDER].deliveredOn.value).toBe('2026-11-18');
  });
});

// ------------------------------------------------------------------------------------------------

type Files = Record<string, Uint8Array>;
async function corrupt(change: (files: Files, manifest: BackupManifest) => void | Promise<void>, rewriteManifest = true): Promise<Uint8Array> {
  const { result } = await makeBackup();
  const files = unzipSync(result.bytes) as Files;
  const manifest = JSON.parse(strFromU8(files[MANIFEST_PATH])) as BackupManifest;
  await change(files, manifest);
  if (rewriteManifest) files[MANIFEST_PATH] = strToU8(JSON.stringify(manifest));
  return zipSync(files as Zippable);
}

async function expectRefused(file: Uint8Array, code: string, path?: string) {
  const existing = { cases: storageFixture('cases-v1'), settings: { language: 'ko' } };
  const before = await item('mine', pngBytes(1000, 7));
  const target: MemoryTarget = memoryTarget(existing, [before]);
  const report = await restoreBackup(file, target);
  expect(report.ok).toBe(false);
  if (!report.ok) {
    expect(report.error.code).toBe(code);
    if (path) expect(report.error.path).toBe(path);
  }
  // nothing written, nothing changed
  expect(target.writes).toBe(0);
  expect(target.storage).toEqual(existing);
  expect(target.evidence.map((e) => e.meta.id)).toEqual(['mine']);
}

describe('a damaged backup is refused and nothing is written', () => {
  it('not a zip', async () => expectRefused(pngBytes(5000, 4), 'notZip'));
  it('a zip without the manifest', async () => expectRefused(zipSync({ 'README.txt': strToU8('hi') }), 'noManifest'));

  it('a newer format version', async () =>
    expectRefused(await corrupt((_, m) => void (m.formatVersion = 2)), 'newerFormat', MANIFEST_PATH));
  it('a format version that is not one', async () =>
    expectRefused(await corrupt((_, m) => void ((m as { formatVersion: unknown }).formatVersion = '1')), 'badShape', MANIFEST_PATH));
  it('not an AliProof backup', async () =>
    expectRefused(await corrupt((_, m) => void ((m as { format: string }).format = 'other-app')), 'notBackup'));

  it('one byte changed in an evidence file (hash mismatch)', async () =>
    expectRefused(await corrupt((f) => void (f['evidence/ev-chat-2.png'][5000] ^= 0x01), false), 'hashMismatch', 'evidence/ev-chat-2.png'));
  it('the manifest edited: a recorded hash changed', async () =>
    expectRefused(await corrupt((_, m) => void (m.evidence[0].meta.sha256 = 'f'.repeat(64))), 'hashMismatch', 'evidence/ev-chat-1.png'));
  it('a storage file edited (its hash no longer matches)', async () =>
    expectRefused(await corrupt((f) => void (f['storage/settings.json'] = strToU8(strFromU8(f['storage/settings.json']).replace('"en"', '"ko"'))), false), 'hashMismatch', 'storage/settings.json'));

  it('an evidence file truncated (size mismatch)', async () =>
    expectRefused(await corrupt((f) => void (f['evidence/ev-chat-1.png'] = f['evidence/ev-chat-1.png'].slice(0, 1000)), false), 'sizeMismatch', 'evidence/ev-chat-1.png'));
  it('the manifest edited: a recorded size changed', async () =>
    expectRefused(await corrupt((_, m) => void (m.storage[0].bytes += 1)), 'sizeMismatch'));
  it('an evidence file missing', async () =>
    expectRefused(await corrupt((f) => void delete f['evidence/ev-transcript.txt'], false), 'missingFile', 'evidence/ev-transcript.txt'));

  it.each(['../x', '../../etc/passwd', '/etc/passwd', 'evidence/../x.png', 'evidence\\x.png', 'C:/x.png', 'storage/../../x.json'])(
    'a file named %j (path traversal)',
    async (name) => expectRefused(await corrupt((f) => void (f[name] = strToU8('x')), false), 'badPath', name),
  );
  it('the manifest pointing outside the backup', async () =>
    expectRefused(await corrupt((_, m) => void (m.evidence[0].path = '../ev-chat-1.png')), 'badPath', '../ev-chat-1.png'));
  it('the manifest naming the same file twice', async () =>
    expectRefused(await corrupt((_, m) => void m.evidence.push(m.evidence[0])), 'duplicatePath'));

  it('a manifest that is not JSON', async () =>
    expectRefused(await corrupt((f) => void (f[MANIFEST_PATH] = strToU8('{"format": "aliproof-backup",')), false), 'badJson', MANIFEST_PATH));
  it('a storage file that is not JSON (with a matching hash)', async () =>
    expectRefused(
      await corrupt(async (f, m) => {
        const bad = strToU8('{"language": ');
        f['storage/settings.json'] = bad;
        Object.assign(m.storage.find((s) => s.name === 'settings')!, { bytes: bad.length, sha256: await sha256Hex(bad) });
      }),
      'badJson',
      'storage/settings.json',
    ));
  it('a storage value of the wrong shape (with a matching hash)', async () =>
    expectRefused(
      await corrupt(async (f, m) => {
        const bad = strToU8(JSON.stringify({ ...storageFixture('settings-v2'), language: 'fr' }));
        f['storage/settings.json'] = bad;
        Object.assign(m.storage.find((s) => s.name === 'settings')!, { bytes: bad.length, sha256: await sha256Hex(bad) });
      }),
      'badShape',
      'storage/settings.json',
    ));
  it('evidence metadata of the wrong shape', async () =>
    expectRefused(await corrupt((_, m) => void ((m.evidence[0].meta as { kind: string }).kind = 'screenshot-of-anything')), 'badShape'));
  it('an order filed under another order number', async () =>
    expectRefused(
      await corrupt(async (f, m) => {
        const cases = JSON.parse(strFromU8(f['storage/cases.json']));
        cases.cases['1111111111'] = cases.cases[ORDER];
        const bad = strToU8(JSON.stringify(cases));
        f['storage/cases.json'] = bad;
        Object.assign(m.storage.find((s) => s.name === 'cases')!, { bytes: bad.length, sha256: await sha256Hex(bad) });
      }),
      'badShape',
      'storage/cases.json',
    ));

  it('not enough room in storage.local for the orders', async () => {
    const { result } = await makeBackup();
    const target = memoryTarget({}, [], undefined, 1_000);
    const report = await restoreBackup(result.bytes, target);
    expect(report).toMatchObject({ ok: false, error: { code: 'quota' } });
    expect(target.writes).toBe(0);
  });

  it('not enough room for the evidence', async () => {
    const { result } = await makeBackup();
    const target = memoryTarget({}, [], 100_000);
    const report = await restoreBackup(result.bytes, target);
    expect(report).toMatchObject({ ok: false, error: { code: 'quota' } });
    expect(target.writes).toBe(0);
  });
});

describe('what a valid backup may hold that this version skips (and says so)', () => {
  it('an item from a newer version, an unknown item, an extra file', async () => {
    const file = await corrupt(async (f, m) => {
      m.storage.find((s) => s.name === 'reminderPrefs')!.version = 9;
      const extra = strToU8('{}');
      f['storage/shinyNewThing.json'] = extra;
      m.storage.push({ name: 'shinyNewThing', path: 'storage/shinyNewThing.json', version: 1, bytes: extra.length, sha256: await sha256Hex(extra) });
      f['evidence/not-listed.png'] = pngBytes(100, 5);
    });
    const target = memoryTarget();
    const report = ok(await restoreBackup(file, target));
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { code: 'newerItem', what: 'reminderPrefs', detail: 'version 9' },
        { code: 'unknownItem', what: 'shinyNewThing' },
        { code: 'extraFile', what: 'evidence/not-listed.png' },
      ]),
    );
    expect(target.storage.reminderPrefs).toBeUndefined();
    expect(target.evidence).toHaveLength(4);
  });
});
