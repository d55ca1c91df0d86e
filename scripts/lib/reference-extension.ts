// A reference extension for the order-list benchmark: the least any extension built like AliProof can
// cost the page. Its content script loads a module with import(), as AliProof's does, and the module
// puts a plain text "badge" (a shadow root with one span) into the header of each card on screen, the
// other cards' a second later and appended cards' as they come. No reading, storing or messaging: what
// AliProof adds above this figure is its own work.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORDER_PAGE_MATCHES } from '../../utils/aliexpress/urls';

const MANIFEST = {
  manifest_version: 3,
  name: 'Reference: four plain badges',
  version: '1.0',
  permissions: ['storage'], // the bench clears storage between visits
  background: { service_worker: 'background.js' },
  content_scripts: [{ matches: ORDER_PAGE_MATCHES, js: ['loader.js'], run_at: 'document_idle' }],
  web_accessible_resources: [{ resources: ['badges.js'], matches: ['*://*.aliexpress.com/*'] }],
};

const LOADER = `import(chrome.runtime.getURL('badges.js')).then(() => globalThis.__referenceBadges());`;

// the same markers as AliProof's badges (the bench counts <aliproof-badge> elements)
const BADGES = `//# allFunctionsCalledOnLoad
const done = new WeakSet();
function badge(card) {
  if (!card || done.has(card)) return;
  done.add(card);
  const host = document.createElement('aliproof-badge');
  host.style.cssText = 'display:inline-block;vertical-align:middle;margin:0 8px 0 0;';
  const text = document.createElement('span');
  text.textContent = 'D-12 not received';
  host.attachShadow({ mode: 'open' }).append(text);
  (card.querySelector('.order-item-header-right') ?? card).prepend(host);
}
globalThis.__referenceBadges = () => {
  const cards = document.getElementsByClassName('order-item');
  const all = () => { for (let i = 0; i < cards.length; i++) badge(cards.item(i)); };
  for (let i = 0, c = cards.item(0); c && c.getBoundingClientRect().top < innerHeight; c = cards.item(++i)) badge(c);
  setTimeout(() => {
    all();
    new MutationObserver(() => setTimeout(all, 50)).observe(document.body, { childList: true, subtree: true });
  }, 1000);
};
`;

/** Write the reference extension into `dir` (made if missing) and return it. */
export function writeReferenceExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, 'background.js'), '// nothing: a content script alone does the work\n');
  writeFileSync(join(dir, 'loader.js'), LOADER);
  writeFileSync(join(dir, 'badges.js'), BADGES);
  return dir;
}
