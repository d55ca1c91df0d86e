// Where the case store lives: one storage.local key per order ("case:<orderId>"). Saving the orders
// of one page rewrites those orders only, and every open page hears of those orders only: with one
// key for all orders, each save sent the whole store (megabytes for a heavy buyer) to every tab.
import { browser } from 'wxt/browser';
import { CASE_STORE_VERSION, emptyCaseStore, type CaseRecord, type CaseStore } from './case-store';

export const CASE_PREFIX = 'case:';
/** the logical item name (backups, migrations) and where the store lived before it was split */
export const CASES_KEY = 'cases';
/** format version record, in WXT's `<key>$` style so backups read it like every other item's */
export const CASES_META_KEY = 'cases$';

export const caseKey = (orderId: string) => `${CASE_PREFIX}${orderId}`;
const isCaseKey = (k: string) => k.startsWith(CASE_PREFIX);

function isRecord(v: unknown): v is CaseRecord {
  return !!v && typeof v === 'object' && typeof (v as CaseRecord).orderId === 'string' && !!(v as CaseRecord).facts;
}

/** The case store held in a storage snapshot (per-order keys, or the older single key). */
export function casesFromStorage(all: Record<string, unknown>): CaseStore {
  const store = emptyCaseStore();
  const legacy = all[CASES_KEY] as CaseStore | undefined;
  for (const [id, rec] of Object.entries(legacy?.cases ?? {})) if (isRecord(rec)) store.cases[id] = rec;
  for (const [k, v] of Object.entries(all)) if (isCaseKey(k) && isRecord(v)) store.cases[v.orderId] = v;
  return store;
}

/** A storage snapshot as backups see it: the orders folded into one `cases` value. */
export function foldCases(all: Record<string, unknown>): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(all).filter(([k]) => !isCaseKey(k)));
  return { ...rest, [CASES_KEY]: casesFromStorage(all), [CASES_META_KEY]: { v: CASE_STORE_VERSION } };
}

/** Values to write, with a folded `cases` value split back into per-order keys. */
export function unfoldCases(values: Record<string, unknown>): Record<string, unknown> {
  if (!(CASES_KEY in values)) return values;
  const { [CASES_KEY]: folded, ...rest } = values;
  const out: Record<string, unknown> = { ...rest };
  for (const rec of Object.values((folded as CaseStore | undefined)?.cases ?? {})) if (isRecord(rec)) out[caseKey(rec.orderId)] = rec;
  return out;
}

/** Every stored order, or just these orders. */
export async function loadCases(orderIds?: string[]): Promise<CaseStore> {
  const keys = orderIds ? orderIds.map(caseKey) : null;
  if (keys && !keys.length) return emptyCaseStore();
  const got = (await browser.storage.local.get(keys)) as Record<string, unknown>;
  return casesFromStorage(got);
}

export async function saveCases(records: CaseRecord[]): Promise<void> {
  if (!records.length) return;
  await browser.storage.local.set(Object.fromEntries(records.map((r) => [caseKey(r.orderId), r])));
}

/** Replace every stored order with these (tests, restore of a whole store). */
export async function replaceCases(store: CaseStore): Promise<void> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const stale = Object.keys(all).filter((k) => (isCaseKey(k) && !store.cases[k.slice(CASE_PREFIX.length)]) || k === CASES_KEY);
  if (stale.length) await browser.storage.local.remove(stale);
  await saveCases(Object.values(store.cases));
}

/** Follow changes to stored orders: called with the orders that changed (undefined = removed). */
export function watchCases(onChange: (changed: Record<string, CaseRecord | undefined>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed: Record<string, CaseRecord | undefined> = {};
    let any = false;
    for (const [k, c] of Object.entries(changes)) {
      if (!isCaseKey(k)) continue;
      changed[k.slice(CASE_PREFIX.length)] = isRecord(c.newValue) ? c.newValue : undefined;
      any = true;
    }
    if (any) onChange(changed);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Stores written before orders had a key each: split them once (the background does this at start). */
export async function splitLegacyCases(): Promise<number> {
  const got = (await browser.storage.local.get(CASES_KEY)) as Record<string, unknown>;
  if (!got[CASES_KEY]) return 0;
  const store = casesFromStorage(got);
  const existing = await loadCases(Object.keys(store.cases));
  // an order saved under its own key since is newer than the legacy copy
  const toWrite = Object.values(store.cases).filter((r) => !existing.cases[r.orderId]);
  await saveCases(toWrite);
  await browser.storage.local.remove([CASES_KEY]);
  await browser.storage.local.set({ [CASES_META_KEY]: { v: CASE_STORE_VERSION } });
  return toWrite.length;
}
