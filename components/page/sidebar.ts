// The sidebar on AliExpress pages: a small tab on the page edge (always there, plain DOM) and the
// sidebar itself, a React app loaded only when the user opens it, in the same shadow root.
import type { PageLifetime } from './page-lifetime';
import { languageStore, t } from '../../utils/i18n/page';
import { loadScriptModule } from '../../utils/load-script';
import badgeCss from '../badge.css?inline';
import edgeCss from '../edge-tab.css?inline';
import { createSidebarState, SIDEBAR_GLOBAL, SIDEBAR_SCRIPT, type PageContext, type SidebarModule } from './sidebar-contract';

export const SIDEBAR_HOST = 'aliproof-sidebar';
export const SHORTCUT = { key: 'a', altKey: true, shiftKey: true };

/** Alt+Shift+A, the key that opens and closes the sidebar. */
export const isShortcut = (e: KeyboardEvent) =>
  e.altKey === SHORTCUT.altKey && e.shiftKey === SHORTCUT.shiftKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === SHORTCUT.key;

/** Mount the edge tab and the keyboard shortcut; the sidebar app loads on first open. */
export async function mountSidebar(life: PageLifetime, opts: { orderId?: string; page: PageContext }) {
  const state = createSidebarState(opts.orderId);
  let loading: Promise<void> | undefined;

  // a host element with its own shadow root at the end of <body>: the page's styles stay out
  const host = document.createElement(SIDEBAR_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = badgeCss + edgeCss;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ap-edge-tab';
  button.textContent = 'AliProof';
  const label = () => {
    button.setAttribute('aria-label', t('sidebar.tab'));
    button.title = t('sidebar.tab');
  };
  label();
  const unfollowLanguage = languageStore.subscribe(label);
  button.addEventListener('click', () => state.open());
  const tab = button;
  const app = document.createElement('div');
  const noticeBox = document.createElement('div');
  shadow.append(style, button, noticeBox, app);
  document.body.append(host);
  life.onEnd(() => {
    unfollowLanguage();
    host.remove();
  });

  const showError = (e: unknown) => {
    const p = document.createElement('p');
    p.className = 'ap-error ap-edge-error';
    p.setAttribute('role', 'alert');
    p.textContent = `AliProof: ${e instanceof Error ? e.message : String(e)}`;
    app.replaceChildren(p);
    loading = undefined; // let the next open try again
  };

  state.subscribe(() => {
    const { open } = state.get();
    tab.hidden = open;
    if (open && !loading) {
      const target = app;
      loading = loadScriptModule<SidebarModule>(SIDEBAR_SCRIPT, SIDEBAR_GLOBAL, 'the sidebar')
        .then((mod) => mod.mount(target, state, opts.page))
        .catch(showError);
    }
    // give focus back to the tab when the sidebar closes, so keyboard users keep their place
    if (!open && host.contains(document.activeElement)) tab.focus();
  });

  const onKey = (e: KeyboardEvent) => {
    if (isShortcut(e)) {
      e.preventDefault();
      state.toggle();
    } else if (e.key === 'Escape' && state.get().open) {
      state.close();
    }
  };
  life.listen(window, 'keydown', onKey, { capture: true });
  /** A message the user must see (e.g. orders that could not be saved), beside the edge tab. */
  const notice = (text: string) => {
    const box = document.createElement('div');
    box.className = 'ap-edge-notice';
    box.setAttribute('role', 'alert');
    const p = document.createElement('p');
    p.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', t('page.noticeClose'));
    close.addEventListener('click', () => box.remove());
    box.append(p, close);
    noticeBox.replaceChildren(box);
  };
  return { open: state.open, close: state.close, setDefaultOrder: state.setDefaultOrder, notice };
}
