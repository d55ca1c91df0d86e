import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS, IMAGE_HOST_PERMISSIONS, ORDER_PAGE_MATCHES } from './utils/aliexpress/urls';
import { ORDER_PAGE_LOADER } from './components/page/order-page-contract';
import { html2canvasPatches } from './scripts/lib/html2canvas-patches';
import { eagerCompile } from './scripts/lib/eager-compile';

// Permissions are listed and explained in the README ("Permissions"); tests/e2e/manifest.test.ts
// fails on anything beyond that list.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // explicit imports everywhere: easier to read and no name clashes between utils
  imports: false,
  // html2canvas, patched for speed without changing what it draws (scripts/lib/html2canvas-patches.ts);
  // the order-page code compiled whole and once (scripts/lib/eager-compile.ts)
  vite: () => ({ plugins: [html2canvasPatches(), eagerCompile(['order-page.js'])] }),
  hooks: {
    // the order pages' content script is a plain script (entrypoints/order-page-loader.ts): it needs
    // none of WXT's content-script set-up, which cost each order page about 0.3 ms
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), { matches: ORDER_PAGE_MATCHES, js: [ORDER_PAGE_LOADER], run_at: 'document_idle' }];
    },
  },
  manifest: ({ browser }) => ({
    name: 'AliProof',
    description: 'Dispute deadlines, evidence capture and export for AliExpress buyers. Everything stays on your computer.',
    // alarms + notifications: deadline reminders at a fixed local hour (utils/reminders)
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    // the toolbar button: its badge counts the orders that need action; a click opens the case file
    action: { default_title: 'AliProof' },
    // image hosts: the background re-reads the page's own images so captures are not blank (utils/evidence/images.ts)
    host_permissions: [...HOST_PERMISSIONS, ...IMAGE_HOST_PERMISSIONS],
    // loaded by content scripts with import(): the order-page code by its small content script (Chrome
    // keeps the compiled code of imported scripts, not of content scripts), and only when needed the
    // capture code (html2canvas) when the user captures, the sidebar app (React) when the user opens it,
    // the detail and tracking readers on those pages
    web_accessible_resources: [{ resources: ['order-page.js', 'evidence-capture.js', 'sidebar-ui.js', 'order-readers.js'], matches: HOST_PERMISSIONS }],
    // Chrome 148+: runtime messages are structured clones, as they always are in Firefox, so a capture's
    // images travel to the background as bytes rather than base64 (utils/evidence/client.ts bytesTravel;
    // older Chrome ignores the key and keeps JSON, and the capture falls back to data URLs)
    ...(browser === 'firefox' ? {} : { message_serialization: 'structured_clone' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'aliproof@aliproof.app',
              // 140: the first Firefox that reads data_collection_permissions (web-ext lint
              // KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION below that); Firefox for Android reads it from 142
              strict_min_version: '140.0',
              // AliProof collects nothing: everything stays in the browser
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
