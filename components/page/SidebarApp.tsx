// The sidebar app inside AliExpress pages: shown while the page's sidebar state is open.
import { useSyncExternalStore } from 'react';
import { ConnectedSidebar } from '../Sidebar';
import { stores, useStartedStores } from '../../utils/store';
import type { SidebarState } from './sidebar-contract';
import { PageEvidence, type PageContext } from './PageEvidence';

export function SidebarApp({ state, page }: { state: SidebarState; page: PageContext }) {
  useStartedStores(stores);
  const s = useSyncExternalStore(state.subscribe, state.get);
  if (!s.open) return null;
  return (
    <ConnectedSidebar orderId={s.orderId} onClose={state.close} renderEvidence={(orderId, items) => <PageEvidence orderId={orderId} page={page} items={items} />} />
  );
}
