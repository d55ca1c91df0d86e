// The BUILT extension asks for nothing it does not explain, and runs no code it did not ship: every
// permission and host in both manifests (Chrome and Firefox) is listed with its reason in the README's
// "Permissions" table, nothing matches every site, the Content-Security-Policy is never loosened, only
// scripts (never pages) are web-accessible, and no shipped file evaluates strings or imports remote code.
// Lives in the e2e project because it needs the production builds (global-setup builds Chrome; Firefox
// is built here).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'wxt';
import { ROOT } from './browser';
import { ORDER_PAGE_LOADER } from '../../components/page/order-page-contract';
import { ORDER_PAGE_MATCHES } from '../../utils/aliexpress/urls';

const OUT = {
  chrome: resolve(ROOT, '.output', 'chrome-mv3'),
  firefox: resolve(ROOT, '.output', 'firefox-mv3'),
} as const;
type Target = keyof typeof OUT;

beforeAll(async () => {
  // always rebuilt: the test must see the current wxt.config.ts, not an old build
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ browser: 'firefox', manifestVersion: 3, logLevel: 1 } as Parameters<typeof build>[0]);
  } finally {
    process.env.NODE_ENV = before;
  }
});

const manifest = (t: Target) => JSON.parse(readFileSync(join(OUT[t], 'manifest.json'), 'utf8'));

/** The README "Permissions" table: every `code` token of the first column, with the reason given. */
function documented(): Map<string, string> {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = /^## Permissions\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || /^-+$/.test(cells[1]) || cells[1] === 'Permission') continue;
    for (const m of cells[1].matchAll(/`([^`]+)`/g)) out.set(m[1], cells[2]);
  }
  return out;
}

/** Does documented host pattern `doc` (scheme://host/path) cover match pattern `pat`? */
function covers(doc: string, pat: string): boolean {
  const split = (p: string) => /^(\*|https?|wss?):\/\/([^/]+)(\/.*)$/.exec(p);
  const d = split(doc);
  const p = split(pat);
  if (!d || !p) return false;
  const schemeOk = d[1] === '*' ? ['*', 'http', 'https', 'ws', 'wss'].includes(p[1]) : d[1] === p[1];
  const base = d[2].replace(/^\*\./, '');
  const hostOk = d[2].startsWith('*.') ? p[2] === base || p[2] === d[2] || p[2].endsWith('.' + base) : p[2] === d[2];
  const pathOk = d[3] === '/*' || d[3] === p[3];
  return schemeOk && hostOk && pathOk;
}

const EVERY_SITE = /<all_urls>|\*:\/\/\*\/|https?:\/\/\*\/|file:\/\//;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe.each(['chrome', 'firefox'] as const)('%s manifest', (target) => {
  it('was built', () => {
    expect(existsSync(join(OUT[target], 'manifest.json'))).toBe(true);
  });

  it('asks only for permissions the README explains', () => {
    const doc = documented();
    const m = manifest(target);
    expect(doc.size).toBeGreaterThan(0);
    for (const [token, why] of doc) expect(why.length, `README gives no reason for ${token}`).toBeGreaterThan(10);
    const permissions = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])];
    const hosts = [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    // Firefox MV2-style host entries inside `permissions` count as hosts
    const apiPermissions = permissions.filter((p: string) => !p.includes('://'));
    hosts.push(...permissions.filter((p: string) => p.includes('://')));
    expect(apiPermissions.filter((p: string) => !doc.has(p)), 'permissions missing from the README table').toEqual([]);
    expect(hosts.filter((h: string) => !doc.has(h)), 'host permissions missing from the README table').toEqual([]);
  });

  it('runs and exposes files only on documented hosts, never on every site', () => {
    const m = manifest(target);
    const docHosts = [...documented().keys()].filter((k) => k.includes('://'));
    const matches = [
      ...(m.content_scripts ?? []).flatMap((c: { matches?: string[] }) => c.matches ?? []),
      ...(m.web_accessible_resources ?? []).flatMap((w: { matches?: string[] }) => w.matches ?? []),
    ];
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.filter((p: string) => !docHosts.some((d) => covers(d, p))), 'match patterns outside the documented hosts').toEqual([]);
    // nowhere in the manifest: all sites, all http(s) hosts, local files
    expect(JSON.stringify(m)).not.toMatch(EVERY_SITE);
    for (const c of m.content_scripts ?? []) expect(c.match_about_blank ?? false).toBe(false);
  });

  it('runs the order-page loader on the order list, detail and tracking pages once the page is idle', () => {
    const loaders = (manifest(target).content_scripts ?? []).filter((c: { js?: string[] }) => c.js?.includes(ORDER_PAGE_LOADER));
    expect(loaders).toEqual([{ matches: ORDER_PAGE_MATCHES, js: [ORDER_PAGE_LOADER], run_at: 'document_idle' }]);
    expect(existsSync(join(OUT[target], ORDER_PAGE_LOADER))).toBe(true);
  });

  it('makes only the scripts the content scripts load web-accessible (no extension page can be framed by a site)', () => {
    const resources = (manifest(target).web_accessible_resources ?? []).flatMap((w: { resources: string[] }) => w.resources);
    expect(resources.sort()).toEqual(['evidence-capture.js', 'order-page.js', 'order-readers.js', 'sidebar-ui.js']);
  });

  it('keeps the default Content-Security-Policy and opens no door to other extensions or sites', () => {
    const m = manifest(target);
    const csp = m.content_security_policy;
    if (csp !== undefined) {
      // allowed only if stricter than the default: no eval, no remote or inline script
      for (const policy of Object.values(typeof csp === 'string' ? { extension_pages: csp } : csp) as string[]) {
        expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/);
      }
    }
    expect(m.sandbox).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined(); // no web page or other extension may message AliProof
    expect(m.update_url).toBeUndefined(); // updates come from the store, not a server of ours
    expect(m.background?.scripts ?? [m.background?.service_worker]).toEqual(
      target === 'chrome' ? ['background.js'] : expect.arrayContaining(['background.js']),
    );
  });

  if (target === 'firefox') {
    it('tells Firefox that no data is collected', () => {
      expect(manifest('firefox').browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    });
  }

  it('ships no code that evaluates strings or loads remote code', () => {
    const files = filesUnder(OUT[target]).filter((f) => /\.(m?js|html|css)$/.test(f));
    expect(files.some((f) => f.endsWith('background.js'))).toBe(true);
    const rules: [string, RegExp][] = [
      ['eval(', /(?<![\w$])eval\s*\(/],
      ['new Function(', /\bnew\s+Function\s*\(/],
      ['Function("…")', /(?<![\w$.])Function\s*\(\s*['"`]/],
      ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
      ['import() of a remote address', /\bimport\s*\(\s*['"`](?:https?:)?\/\//],
      ['importScripts() of a remote address', /\bimportScripts\s*\(\s*['"`](?:https?:)?\/\//],
      ['a remote <script src>', /<script[^>]+src\s*=\s*['"]?(?:https?:)?\/\//i],
      ['a remote style sheet or font', /<link[^>]+href\s*=\s*['"]?(?:https?:)?\/\/|@import\s+(?:url\()?\s*['"]?(?:https?:)?\/\/|url\(\s*['"]?https?:\/\//i],
    ];
    const found: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const [what, re] of rules) {
        const m = re.exec(text);
        if (m) found.push(`${relative(OUT[target], f)}: ${what} … ${text.slice(Math.max(0, m.index - 60), m.index + 60)}`);
      }
    }
    // html2canvas 1.4.1 is bundled (evidence-capture.js) and was checked too: it holds none of these. Its
    // XMLHttpRequest code is used only with its `proxy` option, which utils/evidence/capture.ts never sets.
    expect(found).toEqual([]);
  });
});

it('the README documents nothing that neither build asks for (the table stays true)', () => {
  const asked = new Set<string>();
  for (const t of ['chrome', 'firefox'] as const) {
    const m = manifest(t);
    for (const p of [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])]) asked.add(p);
  }
  expect([...documented().keys()].filter((k) => !asked.has(k))).toEqual([]);
});

it('the capture code never asks html2canvas to proxy images through a server', () => {
  const src = readFileSync(resolve(ROOT, 'utils', 'evidence', 'capture.ts'), 'utf8');
  expect(src).toMatch(/useCORS:\s*false/);
  expect(src).not.toMatch(/\bproxy\s*:/);
});
