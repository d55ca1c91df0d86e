// The persisted case store: one storage key per order (utils/cases/case-storage.ts). Writes are queued
// so two tabs reading pages at the same time never overwrite each other's orders.
import type { PageReading } from '../../utils/types';
import type { CaseRecord } from '../../utils/cases/case-store';
import { applyReading } from '../../utils/cases/case-store';
import { loadCases, saveCases, splitLegacyCases } from '../../utils/cases/case-storage';

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

export const caseStore = {
  /** Merge a page reading into the stored cases; resolves with the records of the orders it named. */
  apply(reading: PageReading, url: string): Promise<Record<string, CaseRecord>> {
    return serialised(async () => {
      const ids = [...new Set(reading.orders.map((o) => o.orderId))];
      const before = await loadCases(ids);
      const next = applyReading(before, reading, { url, at: new Date().toISOString() });
      // unchanged orders keep their record object: only the changed ones are written (and sent to tabs)
      await saveCases(ids.map((id) => next.cases[id]).filter((r) => !!r && r !== before.cases[r.orderId]));
      return Object.fromEntries(ids.flatMap((id) => (next.cases[id] ? [[id, next.cases[id]]] : [])));
    });
  },
  /** Orders stored by an older version under one key get a key each (once, at start). */
  upgrade: () => serialised(() => splitLegacyCases()),
  get: () => loadCases(),
};
