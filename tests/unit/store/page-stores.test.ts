// The order pages' own stores: seeded from the background's answer to a save, read raw from storage,
// then kept current from storage changes, and never replacing what they hold with something older.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageStores, type PageStores } from '@/utils/store/page-stores';
import { caseKey, saveCases } from '@/utils/cases/case-storage';
import { DEFAULT_SETTINGS } from '@/utils/store/items';
import { getLanguage, setLanguageSetting } from '@/utils/i18n';
import { facts, IN_TRANSIT, record } from './factories';

const A = IN_TRANSIT;
const B = facts('8200000000000002');
const EARLY = '2026-08-01T00:00:00.000Z';
const LATER = '2026-08-02T00:00:00.000Z';
const fact = (value: string) => ({ deliveredOn: { value, at: EARLY } });

let stores: PageStores;
beforeEach(() => {
  fakeBrowser.reset();
  stores = createPageStores();
});
afterEach(() => {
  stores.stop();
  setLanguageSetting('auto');
});

const held = () => stores.cases.store.getState().value.cases;

it('draws from what a save answered: the orders, their user facts and the settings', () => {
  const a = record(A);
  stores.seed({ cases: { [A.orderId]: a }, userFacts: { [A.orderId]: fact('2026-07-30') }, settings: { ...DEFAULT_SETTINGS, language: 'ko', ruleOverrides: { 'R-AD-15': 7 } } });
  expect(held()[A.orderId]).toBe(a);
  expect(stores.userFacts.store.getState().value[A.orderId]).toEqual(fact('2026-07-30'));
  expect(stores.settings.store.getState().value).toEqual({ language: 'ko', ruleOverrides: { 'R-AD-15': 7 } });
  expect(getLanguage()).toBe('ko');
});

it('keeps a record it holds unless the new one is newer (same record: same object, no redraw)', () => {
  const first = record(A, LATER);
  stores.seed({ cases: { [A.orderId]: first }, userFacts: {}, settings: DEFAULT_SETTINGS });
  const changes = vi.fn();
  stores.cases.store.subscribe(changes);
  stores.seed({ cases: { [A.orderId]: record(A, LATER) }, userFacts: {}, settings: DEFAULT_SETTINGS });
  stores.seed({ cases: { [A.orderId]: record(A, EARLY) }, userFacts: {}, settings: DEFAULT_SETTINGS });
  expect(held()[A.orderId]).toBe(first);
  expect(changes).not.toHaveBeenCalled();
  const newer = record({ ...A, deliveredOn: '2026-08-02' }, '2026-08-03T00:00:00.000Z');
  stores.seed({ cases: { [A.orderId]: newer }, userFacts: {}, settings: DEFAULT_SETTINGS });
  expect(held()[A.orderId]).toBe(newer);
});

it('reads the asked orders, their user facts and the settings from storage, in one read', async () => {
  await saveCases([record(A), record(B)]);
  await fakeBrowser.storage.local.set({ userFacts: { [A.orderId]: fact('2026-07-30'), [B.orderId]: fact('2026-07-31') }, settings: { language: 'en', ruleOverrides: {} } });
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  await stores.load([A.orderId]);
  expect(get).toHaveBeenCalledTimes(1);
  expect(Object.keys(held())).toEqual([A.orderId]);
  expect(stores.userFacts.store.getState().value).toEqual({ [A.orderId]: fact('2026-07-30') });
  expect(getLanguage()).toBe('en');
});

it('reads damaged or missing settings as the defaults', async () => {
  await fakeBrowser.storage.local.set({ settings: { language: 'xx', ruleOverrides: 'no' } });
  await stores.load([]);
  expect(stores.settings.store.getState().value).toEqual({ language: 'auto', ruleOverrides: {} });
});

it('follows storage once asked: changed and removed orders, user facts, settings; and catches up first', async () => {
  stores.seed({ cases: { [A.orderId]: record(A, EARLY) }, userFacts: {}, settings: DEFAULT_SETTINGS });
  // written after the answer the record came with, before following started
  const meanwhile = record({ ...A, deliveredOn: '2026-07-29' }, LATER);
  await saveCases([meanwhile]);
  await stores.follow();
  expect(held()[A.orderId]).toEqual(meanwhile);

  const changes = vi.fn();
  stores.cases.store.subscribe(changes);
  await saveCases([record(B)]);
  expect(held()[B.orderId]).toEqual(record(B));
  await fakeBrowser.storage.local.remove(caseKey(A.orderId));
  expect(held()[A.orderId]).toBeUndefined();
  expect(changes).toHaveBeenCalledTimes(2);
  await fakeBrowser.storage.local.set({ userFacts: { [B.orderId]: fact('2026-08-01') } });
  expect(stores.userFacts.store.getState().value).toEqual({ [B.orderId]: fact('2026-08-01') });
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'ko' } });
  expect(getLanguage()).toBe('ko');

  stores.stop();
  await saveCases([record(A, LATER)]);
  expect(held()[A.orderId]).toBeUndefined(); // no longer following
});
