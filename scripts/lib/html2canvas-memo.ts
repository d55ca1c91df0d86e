// A build step for html2canvas 1.4.1 (bundled into evidence-capture.js only). For every element it
// draws, html2canvas reads some 70 computed CSS properties and runs each value through its own CSS
// tokenizer and parser, although most values repeat from element to element: for a 300-message chat
// that is about 2,000 elements and ~130 ms of parsing. memoiseParse makes its internal parse() remember
// each result for the duration of one html2canvas call (its Context), by property and value text, so
// each distinct value is parsed once per call. html2canvas treats parsed values as read-only (it copies
// before reordering, and replaces rather than changes a property), so sharing them draws the same image;
// tests/e2e/capture.test.ts compares its pixels with the unmodified library's.
import type { Plugin } from 'vite';

const ORIGINAL = 'var parse = function (context, descriptor, style) {';

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

/** html2canvas's source with parse() memoised; throws unless parse() is found exactly once. */
export function memoiseParse(code: string): string {
  const at = code.indexOf(ORIGINAL);
  if (at < 0 || code.indexOf(ORIGINAL, at + 1) >= 0) {
    throw new Error('html2canvas-memo: parse() was not found exactly once; check the memo against this html2canvas version');
  }
  return code.slice(0, at) + MEMO + code.slice(at + ORIGINAL.length);
}

const HTML2CANVAS = /[\\/]node_modules[\\/]html2canvas[\\/]dist[\\/]html2canvas(\.esm)?\.js$/;

/** The Vite plugin (wxt.config.ts): applies memoiseParse to html2canvas wherever it is bundled. */
export function html2canvasParseMemo(): Plugin {
  return {
    name: 'aliproof:html2canvas-parse-memo',
    transform(code, id) {
      if (!HTML2CANVAS.test(id.split('?')[0])) return null;
      return { code: memoiseParse(code), map: null };
    },
  };
}
