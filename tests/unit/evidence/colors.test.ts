import { hasModernColor, replaceModernColors, rgbaText } from '@/utils/evidence/colors';

const fake = (fn: string) => (fn.startsWith('bad') ? null : `rgb(${fn.length}, 0, 0)`);

describe('rewriting modern colours for html2canvas 1.4.1', () => {
  it('finds the colour functions html2canvas cannot parse', () => {
    expect(hasModernColor('oklch(0.7 0.15 150)')).toBe(true);
    expect(hasModernColor('color(srgb 0.5 0 0.5)')).toBe(true);
    expect(hasModernColor('rgba(0, 0, 0, 0.5) 0px 1px 2px 0px')).toBe(false);
    expect(hasModernColor('none')).toBe(false);
    expect(hasModernColor('url("https://ae01.alicdn.com/kf/colorful.png")')).toBe(false);
  });

  it('replaces each function, nested color-mix included, and keeps the rest of the value', () => {
    const resolved: string[] = [];
    const out = replaceModernColors('oklch(0.5 0.1 30 / 0.5) 0px 1px 2px 0px, color-mix(in srgb, oklch(0.7 0.1 20) 50%, red) 0px 0px 4px 0px', (fn) => {
      resolved.push(fn);
      return 'rgba(1, 2, 3, 0.5)';
    });
    expect(out).toBe('rgba(1, 2, 3, 0.5) 0px 1px 2px 0px, rgba(1, 2, 3, 0.5) 0px 0px 4px 0px');
    expect(resolved).toEqual(['oklch(0.5 0.1 30 / 0.5)', 'color-mix(in srgb, oklch(0.7 0.1 20) 50%, red)']);
  });

  it('rewrites colours inside gradients and falls back to transparent for colours the browser rejects', () => {
    expect(replaceModernColors('linear-gradient(oklab(0.5 0 0), lab(50 0 0))', fake)).toBe('linear-gradient(rgb(14, 0, 0), rgb(11, 0, 0))');
    expect(replaceModernColors('bad-color(1)', fake)).toBe('bad-color(1)');
    expect(replaceModernColors('color(bad)', (fn) => (fn === 'color(bad)' ? null : fn))).toBe('rgba(0, 0, 0, 0)');
  });

  it('leaves an unbalanced value as it is', () => {
    expect(replaceModernColors('oklch(0.5 0.1', fake)).toBe('oklch(0.5 0.1');
  });

  it('writes opaque pixels as rgb() and others as rgba()', () => {
    expect(rgbaText(1, 2, 3, 255)).toBe('rgb(1, 2, 3)');
    expect(rgbaText(1, 2, 3, 128)).toBe('rgba(1, 2, 3, 0.502)');
    expect(rgbaText(1, 2, 3, 0)).toBe('rgba(1, 2, 3, 0)');
  });
});
