// The persisted case store, in extension storage. Writes are queued so two tabs reading pages at the
// same time never overwrite each other's orders.
import { storage } from 'wxt/utils/storage';
import type { PageReading } from '../../utils/types';
import { applyReading, emptyCaseStore, type CaseStore } from '../../utils/cases/case-store';

export const caseStoreItem = storage.defineItem<CaseStore>('local:cases', {
  fallback: emptyCaseStore(),
});

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

export const caseStore = {
  /** Merge a page reading into the stored cases; resolves with the number of orders it named. */
  apply(reading: PageReading, url: string): Promise<number> {
    return serialised(async () => {
      const store = await caseStoreItem.getValue();
      const next = applyReading(store, reading, { url, at: new Date().toISOString() });
      await caseStoreItem.setValue(next);
      return reading.orders.length;
    });
  },
  get: () => caseStoreItem.getValue(),
};
