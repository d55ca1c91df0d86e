// AliProof's UI inside AliExpress pages: the badges on order cards and the sidebar with its edge tab.
// Each lives in its own shadow root, so the page's styles and AliProof's never mix.
import { createRoot, type Root } from 'react-dom/client';
import { createPortal } from 'react-dom';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OrderFacts } from '../utils/types';
import type { BadgeAnchor } from '../utils/aliexpress/anchors';
import { ConnectedBadge } from './Badge';
import { ConnectedSidebar } from './Sidebar';
import { useI18n } from '../utils/i18n';
import { stores, useStartedStores } from '../utils/store';
import css from './styles.css?inline';

export const BADGE_HOST = 'aliproof-badge';
export const SIDEBAR_HOST = 'aliproof-sidebar';
export const SHORTCUT = { key: 'a', altKey: true, shiftKey: true };

/** True for nodes AliProof itself put into the page (the page watcher ignores them). */
export function isOwnNode(n: Node): boolean {
  const name = (n as Element).localName;
  return name === BADGE_HOST || name === SIDEBAR_HOST;
}

interface Mounted {
  orderId: string;
  mount: HTMLElement;
}

/**
 * One React root renders every badge through portals: adding 20 cards costs 20 small portals, not 20
 * React roots. A card that already has a badge never gets a second one.
 */
export function createBadgeLayer(onOpen: (orderId: string) => void) {
  const mounted = new Map<Element, Mounted>();
  const facts = new Map<string, OrderFacts>();
  let root: Root | undefined;

  function render() {
    root ??= createRoot(document.createElement('div'));
    root.render(
      <>
        {[...mounted.values()].map((m, i) =>
          createPortal(<ConnectedBadge orderId={m.orderId} facts={facts.get(m.orderId)} onOpen={onOpen} />, m.mount, `${m.orderId}-${i}`),
        )}
      </>,
    );
  }

  return {
    /** Badge every anchor that has none yet; returns how many were added. */
    add(anchors: BadgeAnchor[], read: OrderFacts[]): number {
      for (const o of read) facts.set(o.orderId, o);
      let added = 0;
      for (const a of anchors) {
        if (mounted.has(a.card) || a.card.querySelector(BADGE_HOST)) continue;
        const host = document.createElement(BADGE_HOST);
        host.style.cssText = 'display:inline-block;vertical-align:middle;margin:0 8px 0 0;';
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = css;
        const mount = document.createElement('span');
        shadow.append(style, mount);
        a.place.prepend(host);
        mounted.set(a.card, { orderId: a.orderId, mount });
        added++;
      }
      if (added || read.length) render();
      return added;
    },
    /** Forget badges whose cards left the page (SPA navigation). */
    prune() {
      let removed = 0;
      for (const [card] of mounted) {
        if (!card.isConnected) {
          mounted.delete(card);
          removed++;
        }
      }
      if (removed) render();
    },
    count: () => mounted.size,
    destroy() {
      root?.unmount();
      mounted.clear();
    },
  };
}

/** What the sidebar shows: closed, or open on an order or on the list. */
function createSidebarState(initialOrderId?: string) {
  let state = { open: false, orderId: initialOrderId };
  const listeners = new Set<() => void>();
  const set = (next: Partial<typeof state>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l());
  };
  return {
    get: () => state,
    subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
    open: (orderId?: string) => set({ open: true, orderId: orderId ?? initialOrderId }),
    close: () => set({ open: false }),
    toggle: () => (state.open ? set({ open: false }) : set({ open: true, orderId: initialOrderId })),
    setDefaultOrder: (orderId?: string) => {
      initialOrderId = orderId;
      if (!state.open) state = { ...state, orderId };
    },
  };
}

type SidebarState = ReturnType<typeof createSidebarState>;

function SidebarApp({ state, capturedKinds }: { state: SidebarState; capturedKinds?: Record<string, string[]> }) {
  useStartedStores(stores);
  const s = useSyncExternalStore(state.subscribe, state.get);
  const { t } = useI18n();
  const [tabRef, setTabRef] = useState<HTMLButtonElement | null>(null);
  // return focus to the tab when the sidebar closes, so keyboard users keep their place
  useEffect(() => {
    if (!s.open && tabRef && document.activeElement?.localName === SIDEBAR_HOST) tabRef.focus();
  }, [s.open, tabRef]);
  if (!s.open) {
    return (
      <button type="button" ref={setTabRef} className="ap-edge-tab" aria-label={t('sidebar.tab')} title={t('sidebar.tab')} onClick={() => state.open()}>
        AliProof
      </button>
    );
  }
  return <ConnectedSidebar orderId={s.orderId} capturedKinds={capturedKinds} onClose={state.close} />;
}

/** Mount the sidebar (closed, with its edge tab) and the keyboard shortcut. */
export async function mountSidebar(ctx: ContentScriptContext, opts: { orderId?: string }) {
  const state = createSidebarState(opts.orderId);
  const ui = await createShadowRootUi(ctx, {
    name: SIDEBAR_HOST,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      const style = document.createElement('style');
      style.textContent = css;
      container.append(style);
      const mount = document.createElement('div');
      container.append(mount);
      const root = createRoot(mount);
      root.render(<SidebarApp state={state} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey === SHORTCUT.altKey && e.shiftKey === SHORTCUT.shiftKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === SHORTCUT.key) {
      e.preventDefault();
      state.toggle();
    } else if (e.key === 'Escape' && state.get().open) {
      state.close();
    }
  };
  ctx.addEventListener(window, 'keydown', onKey, { capture: true });
  return { ui, open: state.open, close: state.close, setDefaultOrder: state.setDefaultOrder };
}
