// The build step that memoises html2canvas's CSS parsing (scripts/lib/html2canvas-memo.ts): it must find
// the function it wraps in the html2canvas this project ships, exactly once, and fail loudly otherwise.
// (tests/e2e/capture.test.ts checks that the memoised library draws the same pixels.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { html2canvasParseMemo, memoiseParse } from '../../../scripts/lib/html2canvas-memo';

const dist = (f: string) => readFileSync(join(__dirname, '..', '..', '..', 'node_modules', 'html2canvas', 'dist', f), 'utf8');

describe('memoising html2canvas parse()', () => {
  it.each(['html2canvas.esm.js', 'html2canvas.js'])('wraps parse() of %s once, keeping the original as parseUncached', (file) => {
    const src = dist(file);
    const out = memoiseParse(src);
    expect(out.match(/var parse = function \(context, descriptor, style\)/g)).toHaveLength(1);
    expect(out.match(/var parseUncached = function \(context, descriptor, style\)/g)).toHaveLength(1);
    expect(out.length).toBeGreaterThan(src.length);
  });

  it('refuses a library without exactly one parse() (another html2canvas version)', () => {
    expect(() => memoiseParse('var x = 1;')).toThrow(/not found exactly once/);
    const one = 'var parse = function (context, descriptor, style) {};';
    expect(() => memoiseParse(one + one)).toThrow(/not found exactly once/);
  });

  it('remembers parsed values per html2canvas call, property and value text', () => {
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

  it('is applied by the Vite plugin to html2canvas only', () => {
    const plugin = html2canvasParseMemo();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const src = dist('html2canvas.esm.js');
    expect(transform(src, '/p/node_modules/html2canvas/dist/html2canvas.esm.js')?.code).toContain('var parseUncached = function');
    expect(transform(src, '/p/node_modules/html2canvas/dist/html2canvas.esm.js?v=1')?.code).toContain('var parseUncached = function');
    expect(transform('export const a = 1;', '/p/utils/evidence/capture.ts')).toBeNull();
  });
});
