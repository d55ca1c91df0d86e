// A storage item defined on first use. Defining one reads storage at once (its value, and its version
// to migrate), in every page that imports it: an order page that badges orders would otherwise read and
// parse every item of the extension, the evidence index included, on each load.
import { storage, type WxtStorageItem, type WxtStorageItemOptions } from 'wxt/utils/storage';

export function lazyItem<T>(key: `local:${string}`, options: WxtStorageItemOptions<T> & { fallback: T }): WxtStorageItem<T, any> {
  let item: WxtStorageItem<T, any> | undefined;
  const real = () => (item ??= storage.defineItem<T>(key, options) as WxtStorageItem<T, any>);
  return new Proxy({} as WxtStorageItem<T, any>, {
    get(_target, name) {
      // what the item falls back to is known without storage (stores start from it)
      if (name === 'fallback' || name === 'defaultValue') return options.fallback;
      if (name === 'key') return key;
      const value = (real() as any)[name];
      return typeof value === 'function' ? value.bind(item) : value;
    },
  });
}
