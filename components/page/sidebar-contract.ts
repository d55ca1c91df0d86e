// The contract between the always-on page script and the sidebar app it loads on demand
// (entrypoints/sidebar-ui.tsx, listed in web_accessible_resources).
import type { PageContext } from './PageEvidence';

export type { PageContext };

export interface SidebarState {
  get(): { open: boolean; orderId?: string };
  subscribe(listener: () => void): () => void;
  open(orderId?: string): void;
  close(): void;
  toggle(): void;
  setDefaultOrder(orderId?: string): void;
}

export interface SidebarModule {
  /** render the sidebar app into `container`; it follows `state` (open or closed, which order) */
  mount(container: HTMLElement, state: SidebarState, page: PageContext): void;
}

export const SIDEBAR_SCRIPT = '/sidebar-ui.js';
export const SIDEBAR_GLOBAL = '__aliproofSidebar';

export function createSidebarState(defaultOrderId?: string): SidebarState {
  let state: { open: boolean; orderId?: string } = { open: false, orderId: defaultOrderId };
  const listeners = new Set<() => void>();
  const set = (next: Partial<typeof state>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l());
  };
  return {
    get: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    open: (orderId) => set({ open: true, orderId: orderId ?? defaultOrderId }),
    close: () => set({ open: false }),
    toggle: () => (state.open ? set({ open: false }) : set({ open: true, orderId: defaultOrderId })),
    setDefaultOrder: (orderId) => {
      defaultOrderId = orderId;
      if (!state.open) state = { ...state, orderId };
    },
  };
}
