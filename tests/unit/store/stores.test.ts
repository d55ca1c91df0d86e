import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createAliProofStores, type AliProofStores } from '@/utils/store/stores';
import { DEFAULT_SETTINGS } from '@/utils/store/items';
import { replaceCases } from '@/utils/cases/case-storage';
import { applyReading, emptyCaseStore } from '@/utils/cases/case-store';
import { getLanguage, setLanguageSetting } from '@/utils/i18n';
import { IN_TRANSIT } from './factories';

let opened: AliProofStores[] = [];
async function open(): Promise<AliProofStores> {
  const s = createAliProofStores();
  opened.push(s);
  await s.start();
  return s;
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  opened.forEach((s) => s.stop());
  opened = [];
  setLanguageSetting('auto');
});

describe('stores mirrored from extension storage', () => {
  it('start from the stored values, with defaults when nothing is stored', async () => {
    await storage.setItem('local:userFacts', { '8200000000000001': { deliveredOn: { value: '2026-07-30', at: 'x' } } });
    const s = await open();
    expect(s.userFacts.store.getState()).toMatchObject({ ready: true, value: { '8200000000000001': { deliveredOn: { value: '2026-07-30' } } } });
    expect(s.settings.store.getState().value).toEqual(DEFAULT_SETTINGS);
    expect(s.cases.store.getState().value).toEqual(emptyCaseStore());
  });

  it("a write in one store instance (one tab) is seen by another", async () => {
    const a = await open();
    const b = await open();
    await a.setUserFact('8200000000000001', 'deliveredOn', '2026-07-30', new Date('2026-08-01T01:00:00Z'));
    await vi.waitFor(() =>
      expect(b.userFacts.store.getState().value['8200000000000001']?.deliveredOn).toEqual({ value: '2026-07-30', at: '2026-08-01T01:00:00.000Z' }),
    );
    await b.setTick('8200000000000001', 'nr-chat', true);
    await b.setReason('8200000000000001', 'not-received');
    await vi.waitFor(() => expect(a.checklist.store.getState().value['8200000000000001']).toEqual({ reason: 'not-received', ticks: { 'nr-chat': true } }));
    await a.clearUserFact('8200000000000001', 'deliveredOn');
    await vi.waitFor(() => expect(b.userFacts.store.getState().value['8200000000000001']).toEqual({}));
  });

  it("follows the background's case store", async () => {
    const s = await open();
    const next = applyReading(emptyCaseStore(), { kind: 'order-detail', orders: [IN_TRANSIT], problems: [] }, { url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8200000000000001', at: '2026-08-01T00:00:00Z' });
    await replaceCases(next);
    await vi.waitFor(() => expect(Object.keys(s.cases.store.getState().value.cases)).toEqual(['8200000000000001']));
  });

  it('keeps both of two quick writes (read-modify-write is queued)', async () => {
    const s = await open();
    await Promise.all([s.setUserFact('1000000001', 'placedOn', '2026-07-01'), s.setUserFact('1000000002', 'placedOn', '2026-07-02')]);
    const stored = await storage.getItem<Record<string, unknown>>('local:userFacts');
    expect(Object.keys(stored!).sort()).toEqual(['1000000001', '1000000002']);
  });

  it('completes partial settings and drives the UI language, also when another tab changes it', async () => {
    await storage.setItem('local:settings', { language: 'ko' });
    const a = await open();
    expect(a.settings.store.getState().value).toEqual({ ...DEFAULT_SETTINGS, language: 'ko' });
    expect(getLanguage()).toBe('ko');
    const b = await open();
    await b.setSettings({ language: 'en', stallDays: 7 });
    await vi.waitFor(() => expect(a.settings.store.getState().value).toMatchObject({ language: 'en', stallDays: 7 }));
    expect(getLanguage()).toBe('en');
    await b.setSettings({ stallDays: -3 });
    expect(b.settings.store.getState().value.stallDays).toBe(DEFAULT_SETTINGS.stallDays);
  });
});

describe('the orders a page needs', () => {
  const read = (ids: string[], status: 'awaiting-delivery' | 'completed' = 'awaiting-delivery') =>
    applyReading(emptyCaseStore(), { kind: 'order-list', orders: ids.map((id) => ({ ...IN_TRANSIT, orderId: id, status })), problems: [] }, { url: 'u', at: '2026-07-20T00:00:00.000Z' });

  it('loads only the orders asked for, follows changes, and start() still loads every order', async () => {
    await replaceCases(read(['8200000000000001', '8200000000000002', '8200000000000003']));
    const s = createAliProofStores();
    opened.push(s);
    await s.cases.include(['8200000000000002']);
    expect(Object.keys(s.cases.store.getState().value.cases)).toEqual(['8200000000000002']);

    // a save from the background arrives without asking
    await replaceCases(read(['8200000000000001', '8200000000000002', '8200000000000003'], 'completed'));
    await vi.waitFor(() => expect(s.cases.store.getState().value.cases['8200000000000002'].facts.status).toBe('completed'));

    await s.start();
    expect(Object.keys(s.cases.store.getState().value.cases).sort()).toEqual(['8200000000000001', '8200000000000002', '8200000000000003']);
    expect(s.cases.store.getState().ready).toBe(true);
  });
});
