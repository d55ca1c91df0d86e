// Parts of AliProof a content script loads only when they are needed: web-accessible scripts that put
// their module on a global (the capture tool, the sidebar app, the detail and tracking readers). The
// always-on script stays small: it is compiled on every order page the buyer opens.
import { browser } from 'wxt/browser';

/** Load `script` into this content script once and return the module it puts on `global`. */
export async function loadScriptModule<T>(script: string, global: string, what: string): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  // typically AliProof was updated or reloaded after this page was opened
  const failed = () => new Error(`${what} could not be loaded (reload this page and try again)`);
  if (!g[global]) {
    try {
      await import(/* @vite-ignore */ (browser.runtime.getURL as (p: string) => string)(script));
    } catch {
      throw failed();
    }
  }
  const mod = g[global] as T | undefined;
  if (!mod) throw failed();
  return mod;
}
