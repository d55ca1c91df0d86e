// React hooks over the stores in ./vanilla (the always-on page script uses those without React).
import { useStore } from 'zustand';
import { useEffect, useMemo, useState } from 'react';
import { stores, type AliProofStores, type Mirror } from './vanilla';
import { effectiveOrders, type EffectiveOrder } from './effective';

export * from './vanilla';

// --- React hooks ------------------------------------------------------------------------------

export function useMirror<T>(m: Mirror<T>): T {
  return useStore(m.store, (s) => s.value);
}

export const useCases = (s: AliProofStores = stores) => useMirror(s.cases);
export const useUserFacts = (s: AliProofStores = stores) => useMirror(s.userFacts);
export const useChecklists = (s: AliProofStores = stores) => useMirror(s.checklist);
export const useSettings = (s: AliProofStores = stores) => useMirror(s.settings);
export const useEvidenceIndex = (s: AliProofStores = stores) => useMirror(s.evidence);

/** Starts the stores while a component is mounted (the same stores may be started by several). */
export function useStartedStores(s: AliProofStores = stores): void {
  useEffect(() => {
    void s.start();
  }, [s]);
}

/** "now", refreshed every minute so days-left changes at midnight without a reload. */
export function useNow(fixed?: Date): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return;
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, [fixed]);
  return fixed ?? now;
}

/** Every stored order with the user's facts and clocks, nearest deadline first. */
export function useEffectiveOrders(now: Date, s: AliProofStores = stores): EffectiveOrder[] {
  const cases = useCases(s);
  const userFacts = useUserFacts(s);
  const settings = useSettings(s);
  return useMemo(
    () => effectiveOrders(cases.cases, userFacts, { now, overrides: settings.ruleOverrides }),
    [cases, userFacts, settings.ruleOverrides, now],
  );
}
