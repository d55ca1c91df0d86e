// Every stored format migrates from a saved example of each of its earlier versions (and its
// current one) to a value of the current shape; settings v1 -> v2 is checked field by field, both
// as a pure function and through WXT storage (the `settings$` version record).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EVIDENCE_META, FORMAT_NAMES, FORMATS, migrateValue, type StoredFormat } from '@/utils/migrations/registry';
import { settingsV1toV2 } from '@/utils/migrations/settings';
import { DEFAULT_SETTINGS, normaliseSettings, settingsItem } from '@/utils/store/items';

const DIR = resolve(__dirname, '..', '..', 'fixtures', 'storage');
const fixturePath = (name: string, v: number) => resolve(DIR, `${name}-v${v}.json`);
const fixture = (name: string, v: number) => JSON.parse(readFileSync(fixturePath(name, v), 'utf8'));

const ALL: [string, StoredFormat][] = [...FORMAT_NAMES.map((n) => [n, FORMATS[n]] as [string, StoredFormat]), ['evidenceMeta', EVIDENCE_META]];
const CASES = ALL.flatMap(([name, f]) => Array.from({ length: f.version }, (_, i) => ({ name, f, v: i + 1 })));

describe('every stored format', () => {
  it.each(ALL)('%s has a saved example of every version up to the current one', (name, f) => {
    const missing = Array.from({ length: f.version }, (_, i) => i + 1).filter((v) => !existsSync(fixturePath(name, v)));
    expect(missing).toEqual([]);
  });

  it.each(CASES)('$name v$v: migrates from the saved example to the current shape', ({ name, f, v }) => {
    const result = migrateValue(f, fixture(name, v), v);
    expect(result).toMatchObject({ ok: true });
  });

  it.each(ALL)('%s refuses a version newer than this AliProof knows', (name, f) => {
    const result = migrateValue(f, fixture(name, f.version), f.version + 1);
    expect(result.ok).toBe(false);
  });

  it('refuses values of the wrong shape', () => {
    expect(migrateValue(FORMATS.settings, { language: 'fr' }, 2)).toMatchObject({ ok: false });
    expect(migrateValue(FORMATS.cases, { version: 1, cases: { '123456': { orderId: '999999' } } }, 1)).toMatchObject({ ok: false });
    expect(migrateValue(FORMATS.userFacts, { '1234567': { __proto__x: { value: '1', at: 'x' } } }, 1)).toMatchObject({ ok: false });
    expect(migrateValue(FORMATS.reminderLog, { sent: { 'not a key': '2026-01-01T00:00:00Z' } }, 1)).toMatchObject({ ok: false });
  });
});

describe('settings v1 -> v2', () => {
  it('adds the reminder settings and redaction with their v2 defaults, keeping every v1 value', () => {
    const v1 = fixture('settings', 1);
    expect(settingsV1toV2(v1)).toEqual({
      language: 'ko',
      stallDays: 12,
      ruleOverrides: { 'R-AD-15': 7 },
      redactByDefault: true,
      reminderDays: [7, 3, 1, 0],
      reminderHour: 9,
      warnDays: 14,
    });
  });

  it('the v2 result is what the app reads (normaliseSettings changes nothing)', () => {
    const v2 = settingsV1toV2(fixture('settings', 1));
    expect(normaliseSettings(v2 as never)).toEqual(v2);
  });

  it('keeps a redactByDefault an early writer already stored', () => {
    expect(settingsV1toV2({ ...fixture('settings', 1), redactByDefault: false })).toMatchObject({ redactByDefault: false });
  });

  describe('through WXT storage', () => {
    beforeEach(() => fakeBrowser.reset());

    it('migrates a stored v1 value and records version 2', async () => {
      await fakeBrowser.storage.local.set({ settings: fixture('settings', 1), settings$: { v: 1 } });
      await settingsItem.migrate();
      expect(await settingsItem.getValue()).toEqual(settingsV1toV2(fixture('settings', 1)));
      expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
    });

    it('treats a value stored without a version record as v1', async () => {
      await fakeBrowser.storage.local.set({ settings: fixture('settings', 1) });
      await settingsItem.migrate();
      expect(await settingsItem.getValue()).toMatchObject({ reminderDays: [7, 3, 1, 0], language: 'ko' });
    });

    it('a fresh browser gets the defaults, and the first write records version 2', async () => {
      await settingsItem.migrate();
      expect(normaliseSettings(await settingsItem.getValue())).toEqual(DEFAULT_SETTINGS);
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, stallDays: 5 });
      expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
    });
  });
});
