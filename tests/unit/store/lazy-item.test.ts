// Storage items defined on first use: importing them reads nothing; using them migrates and reads as before.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lazyItem } from '@/utils/store/lazy-item';

beforeEach(() => fakeBrowser.reset());

it('reads storage only once used, and then migrates and reads as a plain item', async () => {
  await fakeBrowser.storage.local.set({ counter: 4, counter$: { v: 1 } });
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const item = lazyItem<number>('local:counter', { fallback: 0, version: 2, migrations: { 2: (v: number) => v * 10 } });
  expect(item.fallback).toBe(0);
  expect(item.key).toBe('local:counter');
  await new Promise((r) => setTimeout(r, 10));
  expect(get).not.toHaveBeenCalled();

  expect(await item.getValue()).toBe(40); // v1 -> v2 on first use
  expect(get).toHaveBeenCalled();
  const seen: (number | null)[] = [];
  const unwatch = item.watch((v) => seen.push(v));
  await item.setValue(7);
  expect(await fakeBrowser.storage.local.get(['counter', 'counter$'])).toEqual({ counter: 7, counter$: { v: 2 } });
  expect(seen).toEqual([7]);
  unwatch();
});
