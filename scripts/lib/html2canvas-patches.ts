// Build-time patches of html2canvas 1.4.1 (bundled into evidence-capture.js only), each applied to a
// piece of its source that must occur exactly once (another html2canvas version fails the build).
// Neither changes what is drawn; tests/e2e/capture.test.ts compares the patched library's pixels with
// the unmodified library's.
//
// memoiseParse: for every element it draws, html2canvas reads some 70 computed CSS properties and runs
// each value through its own CSS tokenizer and parser, although most values repeat from element to
// element: for a 300-message chat that is about 2,000 elements and ~130 ms of parsing. The patched
// parse() remembers each result for the duration of one html2canvas call (its Context), by property and
// value text, so each distinct value is parsed once per call. html2canvas treats parsed values as
// read-only (it copies before reordering, and replaces rather than changes a property), so sharing
// them draws the same image.
//
// readyAtLoad: html2canvas waits for its cloned document in an iframe, and after the iframe's load
// event checked "body has children and readyState is complete" only on a 50 ms interval, so every
// capture waited 50 ms for nothing (both are true when load fires). The patched loader checks once at
// load and keeps the interval for anything else.
import type { Plugin } from 'vite';

/** `code` with `find` (which must occur exactly once) replaced by `replace`. */
function replaceOnce(code: string, find: string, replace: string, what: string): string {
  const at = code.indexOf(find);
  if (at < 0 || code.indexOf(find, at + 1) >= 0) {
    throw new Error(`html2canvas-patches: ${what} was not found exactly once; check the patch against this html2canvas version`);
  }
  return code.slice(0, at) + replace + code.slice(at + find.length);
}

const PARSE = 'var parse = function (context, descriptor, style) {';
const MEMO = `var parseMemo = new WeakMap();
var parse = function (context, descriptor, style) {
    var value = style !== null && typeof style !== 'undefined' ? style.toString() : descriptor.initialValue;
    if (!context || typeof context !== 'object') return parseUncached(context, descriptor, value);
    var byDescriptor = parseMemo.get(context);
    if (!byDescriptor) parseMemo.set(context, (byDescriptor = new Map()));
    var byValue = byDescriptor.get(descriptor);
    if (!byValue) byDescriptor.set(descriptor, (byValue = new Map()));
    if (byValue.has(value)) return byValue.get(value);
    var parsed = parseUncached(context, descriptor, value);
    byValue.set(value, parsed);
    return parsed;
};
var parseUncached = function (context, descriptor, style) {`;

/** html2canvas's source with parse() memoised per call. */
export function memoiseParse(code: string): string {
  return replaceOnce(code, PARSE, MEMO, 'parse()');
}

const POLL = 'var interval = setInterval(function () {';
const READY_AT_LOAD = `if (documentClone.body && documentClone.body.childNodes.length > 0 && documentClone.readyState === 'complete') {
                resolve(iframe);
                return;
            }
            ${POLL}`;

/** html2canvas's source with the cloned document's readiness checked at load, before the 50 ms interval. */
export function readyAtLoad(code: string): string {
  return replaceOnce(code, POLL, READY_AT_LOAD, "iframeLoader's interval");
}

/** Every patch, in order. */
export const patchHtml2canvas = (code: string): string => readyAtLoad(memoiseParse(code));

const HTML2CANVAS = /[\\/]node_modules[\\/]html2canvas[\\/]dist[\\/]html2canvas(\.esm)?\.js$/;

/** The Vite plugin (wxt.config.ts): applies the patches to html2canvas wherever it is bundled. */
export function html2canvasPatches(): Plugin {
  return {
    name: 'aliproof:html2canvas-patches',
    transform(code, id) {
      if (!HTML2CANVAS.test(id.split('?')[0])) return null;
      return { code: patchHtml2canvas(code), map: null };
    },
  };
}
