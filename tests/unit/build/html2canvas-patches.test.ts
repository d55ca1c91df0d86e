// The build-time patches of html2canvas (scripts/lib/html2canvas-patches.ts): each must find its piece
// of the html2canvas this project ships exactly once, fail loudly otherwise, and behave as described.
// (tests/e2e/capture.test.ts checks that the patched library draws the same pixels.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { html2canvasPatches, memoiseParse, patchHtml2canvas, readyAtLoad } from '../../../scripts/lib/html2canvas-patches';

const dist = (f: string) => readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'html2canvas', 'dist', f), 'utf8');

describe('patching html2canvas', () => {
  it.each(['html2canvas.esm.js', 'html2canvas.js'])('applies every patch to %s exactly once', (file) => {
    const src = dist(file);
    const out = patchHtml2canvas(src);
    expect(out.match(/var parse = function \(context, descriptor, style\)/g)).toHaveLength(1);
    expect(out.match(/var parseUncached = function \(context, descriptor, style\)/g)).toHaveLength(1);
    expect(out.match(/var interval = setInterval\(function \(\) \{/g)).toHaveLength(1);
    expect(out.match(/documentClone\.readyState === 'complete'\) \{\s*resolve\(iframe\);\s*return;/g)).toHaveLength(1);
  });

  it('refuses a library without exactly one of each piece (another html2canvas version)', () => {
    expect(() => memoiseParse('var x = 1;')).toThrow(/parse\(\) was not found exactly once/);
    const one = 'var parse = function (context, descriptor, style) {};';
    expect(() => memoiseParse(one + one)).toThrow(/not found exactly once/);
    expect(() => readyAtLoad('var x = 1;')).toThrow(/interval was not found exactly once/);
  });

  it('parse() remembers parsed values per html2canvas call, property and value text', () => {
    const src = `var calls = 0;
var parse = function (context, descriptor, style) {
    calls++;
    return { value: String(style), name: descriptor.name };
};
return { parse: parse, calls: function () { return calls; } };`;
    const lib = new Function(memoiseParse(src))() as { parse: (c: unknown, d: object, s: unknown) => unknown; calls: () => number };
    const color = { name: 'color', initialValue: 'black' };
    const width = { name: 'width', initialValue: '0px' };
    const call1 = {};
    const call2 = {};
    const a = lib.parse(call1, color, 'red');
    expect(lib.parse(call1, color, 'red')).toBe(a);
    expect(lib.calls()).toBe(1);
    expect(lib.parse(call1, color, null)).toEqual({ value: 'black', name: 'color' }); // the initial value
    expect(lib.parse(call1, width, 'red')).toEqual({ value: 'red', name: 'width' });
    expect(lib.parse(call2, color, 'red')).not.toBe(a); // another call parses afresh
    expect(lib.calls()).toBe(4);
    expect(lib.parse(undefined, color, 'red')).toEqual(a); // no context: not remembered
    expect(lib.calls()).toBe(5);
  });

  it("the clone's iframe is ready at its load event when it is, and is still polled when it is not", async () => {
    // html2canvas's own iframeLoader, patched, run against a fake iframe
    const src = dist('html2canvas.esm.js');
    const start = src.indexOf('var iframeLoader = function (iframe) {');
    const end = src.indexOf('\n};\n', start) + 4;
    expect(start).toBeGreaterThan(0);
    const iframeLoader = new Function(`${readyAtLoad(src.slice(start, end))}\nreturn iframeLoader;`)() as (f: object) => Promise<unknown>;
    vi.useFakeTimers();
    try {
      const fake = (ready: boolean) => {
        const doc = { body: { childNodes: ready ? [1] : [] }, readyState: ready ? 'complete' : 'interactive' };
        const win: { document: typeof doc; onload?: () => void } = { document: doc };
        const iframe: { contentWindow: typeof win; onload?: () => void } = { contentWindow: win };
        return { doc, win, iframe };
      };
      const ready = fake(true);
      let resolved = false;
      void iframeLoader(ready.iframe).then(() => (resolved = true));
      ready.win.onload!();
      await Promise.resolve();
      expect(resolved).toBe(true); // no 50 ms wait
      const late = fake(false);
      let lateResolved = false;
      void iframeLoader(late.iframe).then(() => (lateResolved = true));
      late.win.onload!();
      await vi.advanceTimersByTimeAsync(120);
      expect(lateResolved).toBe(false);
      late.doc.body.childNodes.push(1);
      late.doc.readyState = 'complete';
      await vi.advanceTimersByTimeAsync(60);
      expect(lateResolved).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is applied by the Vite plugin to html2canvas only', () => {
    const plugin = html2canvasPatches();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const src = dist('html2canvas.esm.js');
    expect(transform(src, '/p/node_modules/html2canvas/dist/html2canvas.esm.js')?.code).toBe(patchHtml2canvas(src));
    expect(transform(src, '/p/node_modules/html2canvas/dist/html2canvas.esm.js?v=1')?.code).toContain('var parseUncached = function');
    expect(transform('export const a = 1;', '/p/utils/evidence/capture.ts')).toBeNull();
  });
});
