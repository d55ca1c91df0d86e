// html2canvas 1.4.1 only understands rgb()/hsl()/hex colours and throws on the CSS Color 4 functions
// that browsers now return from getComputedStyle (oklch(), oklab(), lab(), color(srgb …) for
// color-mix()). Before rendering we rewrite those computed values in the CLONE as rgba(), resolved by
// the browser itself through a 1×1 canvas, so the capture shows the colours the user saw.

/** The colour properties html2canvas parses (CSSParsedDeclaration in 1.4.1). */
export const COLOR_PROPERTIES = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'box-shadow',
  'text-shadow',
  'text-decoration-color',
  'list-style-image',
  '-webkit-text-stroke-color',
  'outline-color',
] as const;

const MODERN_FN = /(?<![\w-])(oklch|oklab|lab|lch|color|color-mix|hwb|light-dark)\(/gi;

/** true when a computed value holds a colour function html2canvas 1.4.1 cannot parse */
export function hasModernColor(value: string): boolean {
  MODERN_FN.lastIndex = 0;
  return MODERN_FN.test(value);
}

/**
 * Replace every modern colour function in `value` (balanced parentheses, nested color-mix included) by
 * what `resolve` returns for it. Values `resolve` cannot handle (null) are replaced by `fallback`.
 */
export function replaceModernColors(value: string, resolve: (fn: string) => string | null, fallback = 'rgba(0, 0, 0, 0)'): string {
  let out = '';
  let i = 0;
  MODERN_FN.lastIndex = 0;
  for (let m = MODERN_FN.exec(value); m; m = MODERN_FN.exec(value)) {
    const start = m.index;
    let depth = 0;
    let end = -1;
    for (let j = start + m[0].length - 1; j < value.length; j++) {
      if (value[j] === '(') depth++;
      else if (value[j] === ')' && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end < 0) break; // unbalanced: leave the rest as it is
    out += value.slice(i, start) + (resolve(value.slice(start, end)) ?? fallback);
    i = end;
    MODERN_FN.lastIndex = end;
  }
  return out + value.slice(i);
}

/** rgba() text for a pixel read from a canvas (unpremultiplied RGBA bytes). */
export function rgbaText(r: number, g: number, b: number, a255: number): string {
  const a = Math.round((a255 / 255) * 1000) / 1000;
  return a >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`;
}

/** A resolver that lets the browser paint the colour on a 1×1 canvas and reads the pixel back. */
export function canvasColorResolver(doc: Document): (fn: string) => string | null {
  const canvas = doc.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const cache = new Map<string, string | null>();
  return (fn) => {
    if (!ctx) return null;
    if (cache.has(fn)) return cache.get(fn)!;
    let result: string | null = null;
    // an unparsable colour leaves fillStyle unchanged: detect that with two different sentinels
    ctx.fillStyle = '#010203';
    ctx.fillStyle = fn;
    const first = ctx.fillStyle;
    ctx.fillStyle = '#040506';
    ctx.fillStyle = fn;
    if (first === ctx.fillStyle) {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      result = rgbaText(d[0], d[1], d[2], d[3]);
    }
    cache.set(fn, result);
    return result;
  };
}

/**
 * Rewrite modern colours in every element of a cloned document as inline !important rgba() values.
 * Returns how many property values were rewritten (for the capture's log/measurements).
 */
export function sanitiseColors(doc: Document): number {
  const view = doc.defaultView;
  if (!view) return 0;
  const resolve = canvasColorResolver(doc);
  let changed = 0;
  const elements = [doc.documentElement, ...Array.from(doc.querySelectorAll('*'))];
  for (const el of elements) {
    const style = (el as HTMLElement).style;
    if (!style) continue;
    const computed = view.getComputedStyle(el);
    for (const prop of COLOR_PROPERTIES) {
      const value = computed.getPropertyValue(prop);
      if (!value || !hasModernColor(value)) continue;
      style.setProperty(prop, replaceModernColors(value, resolve), 'important');
      changed++;
    }
  }
  return changed;
}
