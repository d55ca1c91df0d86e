// The sidebar app (React and the sidebar components), loaded by the order-page script with import()
// only when the user opens the sidebar, so pages that only show badges do not load React.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../components/page/SidebarApp';
import { SIDEBAR_GLOBAL, type SidebarModule } from '../components/page/sidebar-contract';
import css from '../components/styles.css?inline';

export default defineUnlistedScript(() => {
  const mod: SidebarModule = {
    mount(container, state, page) {
      // the sidebar's style sheet comes with it (the page script carries only the badge and edge-tab ones)
      const style = document.createElement('style');
      style.textContent = css;
      container.before(style);
      createRoot(container).render(<SidebarApp state={state} page={page} />);
    },
  };
  (globalThis as Record<string, unknown>)[SIDEBAR_GLOBAL] = mod;
});
