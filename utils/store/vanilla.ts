// Zustand stores mirrored from extension storage: every tab, page and extension page that starts
// them shows the same state at once. Each store reads its item at start and follows `item.watch`,
// so changes from other tabs and from the background arrive without a reload.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { emptyCaseStore, type CaseRecord, type CaseStore } from '../cases/case-store';
import { loadCases, replaceCases, watchCases } from '../cases/case-storage';
import { setLanguageSetting } from '../i18n/core';
import {
  checklistItem,
  normaliseSettings,
  settingsItem,
  userFactsItem,
  type ChecklistEntry,
  type Checklists,
  type Settings,
  type UserFactKey,
  type UserFacts,
} from './items';
import { evidenceIndexItem } from '../evidence/evidence-index';
import type { EvidenceIndex } from '../evidence/types';

export interface MirrorState<T> {
  value: T;
  /** true once the stored value has been read */
  ready: boolean;
}

export interface Mirror<T> {
  store: StoreApi<MirrorState<T>>;
  /** read the stored value and follow changes; safe to call more than once */
  start(): Promise<void>;
  stop(): void;
  /** read-modify-write against storage (not the local copy), so other tabs' writes are kept */
  update(change: (current: T) => T): Promise<void>;
}

export function mirror<T>(item: WxtStorageItem<T, any>, normalise: (v: T) => T = (v) => v): Mirror<T> {
  const store = createStore<MirrorState<T>>(() => ({ value: normalise(item.fallback), ready: false }));
  let unwatch: (() => void) | undefined;
  let started: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const accept = (v: T | null) => store.setState({ value: normalise(v ?? item.fallback), ready: true });

  return {
    store,
    start() {
      if (started) return started;
      // watch first, so nothing written between the read and the subscription is missed
      unwatch = item.watch((v) => accept(v));
      started = item.getValue().then(accept);
      return started;
    },
    stop() {
      unwatch?.();
      unwatch = undefined;
      started = undefined;
    },
    update(change) {
      const run = queue.then(async () => {
        const next = change(normalise(await item.getValue()));
        store.setState({ value: next, ready: true });
        await item.setValue(next);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

export interface CasesMirror extends Mirror<CaseStore> {
  /**
   * Load just these orders and follow changes, without reading every stored order (pages that badge
   * a few hundred cards need only theirs). `start()` later still loads them all.
   */
  include(orderIds: string[]): Promise<void>;
}

/** The stored orders: one key per order, so a change brings only the orders that changed. */
export function casesMirror(): CasesMirror {
  const store = createStore<MirrorState<CaseStore>>(() => ({ value: emptyCaseStore(), ready: false }));
  let unwatch: (() => void) | undefined;
  let started: Promise<void> | undefined;
  /** orders asked for by include(), and their read */
  const included = new Map<string, Promise<void>>();
  /** reads under way: orders changed while they run are newer than what they return */
  const reads = new Set<Set<string>>();
  const patch = (changed: Record<string, CaseRecord | undefined>, skip?: Set<string>) => {
    const { value, ready } = store.getState();
    const cases = { ...value.cases };
    let any = false;
    for (const [id, rec] of Object.entries(changed)) {
      if (skip?.has(id)) continue;
      any = true;
      if (rec) cases[id] = rec;
      else delete cases[id];
    }
    if (any) store.setState({ value: { ...value, cases }, ready });
  };
  const watch = () => {
    unwatch ??= watchCases((changed) => {
      for (const r of reads) for (const id of Object.keys(changed)) r.add(id);
      patch(changed);
    });
  };
  /** read from storage, then apply all but what changed meanwhile */
  const read = async (orderIds?: string[]) => {
    watch(); // first, so nothing written between the read and the subscription is missed
    const newer = new Set<string>();
    reads.add(newer);
    try {
      const loaded = await loadCases(orderIds);
      if (orderIds) patch(loaded.cases, newer);
      else {
        const cases = { ...store.getState().value.cases };
        for (const id of Object.keys(cases)) if (!newer.has(id) && !loaded.cases[id]) delete cases[id];
        for (const [id, rec] of Object.entries(loaded.cases)) if (!newer.has(id)) cases[id] = rec;
        store.setState({ value: { ...loaded, cases }, ready: true });
      }
    } finally {
      reads.delete(newer);
    }
  };
  return {
    store,
    start() {
      started ??= read();
      return started;
    },
    async include(orderIds) {
      if (started) return started;
      const fresh = [...new Set(orderIds.filter((id) => !included.has(id)))];
      if (fresh.length) {
        const loading = read(fresh);
        for (const id of fresh) included.set(id, loading);
      }
      await Promise.all(orderIds.map((id) => included.get(id)));
    },
    stop() {
      unwatch?.();
      unwatch = undefined;
      started = undefined;
      included.clear();
    },
    async update(change) {
      // the background owns the orders; whole-store writes are for restores and tests
      const next = change(await loadCases());
      store.setState({ value: next, ready: true });
      await replaceCases(next);
    },
  };
}

export function createAliProofStores() {
  const cases = casesMirror();
  const userFacts = mirror<UserFacts>(userFactsItem);
  const checklist = mirror<Checklists>(checklistItem);
  const settings = mirror<Settings>(settingsItem, normaliseSettings);
  // which evidence exists per order (the background keeps this small index beside the evidence database)
  const evidence = mirror<EvidenceIndex>(evidenceIndexItem);
  let unfollowLanguage: (() => void) | undefined;
  /** What badges need besides their orders (cases.include): the user's facts and the settings. */
  const startForBadges = async () => {
    // the UI language follows the setting, in every tab
    unfollowLanguage ??= settings.store.subscribe((s) => setLanguageSetting(s.value.language));
    await Promise.all([userFacts.start(), settings.start()]);
    setLanguageSetting(settings.store.getState().value.language);
  };

  return {
    cases,
    userFacts,
    checklist,
    settings,
    evidence,
    async start() {
      await Promise.all([startForBadges(), cases.start(), checklist.start(), evidence.start()]);
    },
    startForBadges,
    stop() {
      unfollowLanguage?.();
      unfollowLanguage = undefined;
      [cases, userFacts, checklist, settings, evidence].forEach((m) => m.stop());
    },
    /** Save the user's value for a fact (source 'user'); it beats the page from now on. */
    setUserFact(orderId: string, key: UserFactKey, value: string, at: Date = new Date()) {
      return userFacts.update((all) => ({ ...all, [orderId]: { ...all[orderId], [key]: { value, at: at.toISOString() } } }));
    },
    /** Forget the user's value: the page's value shows again. */
    clearUserFact(orderId: string, key: UserFactKey) {
      return userFacts.update((all) => {
        const { [key]: _dropped, ...rest } = all[orderId] ?? {};
        return { ...all, [orderId]: rest };
      });
    },
    setReason(orderId: string, reason: string | undefined) {
      return checklist.update((all) => {
        const entry: ChecklistEntry = { ...(all[orderId] ?? { ticks: {} }) };
        if (reason) entry.reason = reason;
        else delete entry.reason;
        return { ...all, [orderId]: entry };
      });
    },
    setTick(orderId: string, itemId: string, ticked: boolean) {
      return checklist.update((all) => {
        const entry = all[orderId] ?? { ticks: {} };
        return { ...all, [orderId]: { ...entry, ticks: { ...entry.ticks, [itemId]: ticked } } };
      });
    },
    setSettings(patch: Partial<Settings>) {
      return settings.update((s) => normaliseSettings({ ...s, ...patch }));
    },
  };
}

export type AliProofStores = ReturnType<typeof createAliProofStores>;

/** The stores of this page or extension page; call `stores.start()` once when the UI mounts. */
export const stores: AliProofStores = createAliProofStores();

