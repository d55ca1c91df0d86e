import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { caseKey, casesFromStorage, foldCases, loadCases, replaceCases, saveCases, splitLegacyCases, unfoldCases, watchCases } from '../../../utils/cases/case-storage';
import { applyReading, emptyCaseStore, type CaseRecord } from '../../../utils/cases/case-store';
import { emptyOrder } from '../../../utils/types';

const record = (id: string, placedOn = '2026-07-15'): CaseRecord =>
  applyReading(emptyCaseStore(), { kind: 'order-list', orders: [{ ...emptyOrder(id), placedOn }], problems: [] }, { url: 'u', at: '2026-07-16T00:00:00.000Z' }).cases[id];

beforeEach(() => fakeBrowser.reset());

describe('one storage key per order', () => {
  it('saves and loads orders by their own keys, all or some', async () => {
    await saveCases([record('1111111111'), record('2222222222')]);
    expect(Object.keys(await browser.storage.local.get(null)).sort()).toEqual([caseKey('1111111111'), caseKey('2222222222')]);
    expect(Object.keys((await loadCases()).cases).sort()).toEqual(['1111111111', '2222222222']);
    expect(Object.keys((await loadCases(['2222222222'])).cases)).toEqual(['2222222222']);
    expect((await loadCases([])).cases).toEqual({});
  });

  it('tells watchers only about the orders that changed', async () => {
    await saveCases([record('1111111111'), record('2222222222')]);
    const heard: string[][] = [];
    const stop = watchCases((changed) => heard.push(Object.keys(changed)));
    await saveCases([record('2222222222', '2026-07-20')]);
    await browser.storage.local.set({ settings: { language: 'ko' } });
    stop();
    expect(heard).toEqual([['2222222222']]);
  });

  it('folds orders into one value for backups and splits them back', () => {
    const a = record('1111111111');
    const folded = foldCases({ [caseKey(a.orderId)]: a, settings: { x: 1 } });
    expect(folded).toEqual({ settings: { x: 1 }, cases: { version: 1, cases: { [a.orderId]: a } }, cases$: { v: 1 } });
    expect(unfoldCases({ cases: folded.cases, settings: { x: 1 } })).toEqual({ settings: { x: 1 }, [caseKey(a.orderId)]: a });
    expect(unfoldCases({ settings: 1 })).toEqual({ settings: 1 });
  });

  it('replaces the whole store, dropping orders it no longer has', async () => {
    await saveCases([record('1111111111'), record('2222222222')]);
    await replaceCases({ version: 1, cases: { '3333333333': record('3333333333') } });
    expect(Object.keys((await loadCases()).cases)).toEqual(['3333333333']);
  });

  it('splits a store written by an older version under one key, keeping newer per-order copies', async () => {
    const old = record('1111111111', '2026-01-01');
    const newer = record('1111111111', '2026-02-02');
    await browser.storage.local.set({ cases: { version: 1, cases: { [old.orderId]: old, '2222222222': record('2222222222') } } });
    await saveCases([newer]);
    expect(await splitLegacyCases()).toBe(1);
    const all = await browser.storage.local.get(null);
    expect(all.cases).toBeUndefined();
    expect(casesFromStorage(all).cases['1111111111'].facts.placedOn).toBe('2026-02-02');
    expect(Object.keys(casesFromStorage(all).cases).sort()).toEqual(['1111111111', '2222222222']);
    expect(await splitLegacyCases()).toBe(0);
  });
});
