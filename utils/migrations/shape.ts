// Tiny shape checks for stored JSON (no schema library): each returns the first problem in plain
// words, or undefined. Used by the migration registry and by backup restore, which must refuse a
// file whose JSON does not have the shape this version of AliProof writes.

export type Check = (v: unknown, path: string) => string | undefined;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (path: string, what: string) => `${path} ${what}`;

export const str: Check = (v, p) => (typeof v === 'string' ? undefined : fail(p, 'is not text'));
export const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : fail(p, 'is not true/false'));
export const int =
  (min = -Infinity, max = Infinity): Check =>
  (v, p) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : fail(p, `is not a whole number from ${min} to ${max}`);
export const oneOf =
  (...values: readonly unknown[]): Check =>
  (v, p) =>
    values.includes(v) ? undefined : fail(p, `is not one of ${values.map(String).join(', ')}`);
export const matches =
  (re: RegExp, what: string): Check =>
  (v, p) =>
    typeof v === 'string' && re.test(v) ? undefined : fail(p, `is not ${what}`);
export const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p);
export const arrayOf =
  (check: Check, max = 100_000): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'is not a list');
    if (v.length > max) return fail(p, `has more than ${max} entries`);
    for (let i = 0; i < v.length; i++) {
      const e = check(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return undefined;
  };
/** An object whose keys match `key` and whose values pass `check`. */
export const recordOf =
  (check: Check, key?: { re: RegExp; what: string }): Check =>
  (v, p) => {
    if (!isRecord(v)) return fail(p, 'is not an object');
    for (const [k, e] of Object.entries(v)) {
      if (key && !key.re.test(k)) return fail(`${p}.${k}`, `: the name is not ${key.what}`);
      const err = check(e, `${p}.${k}`);
      if (err) return err;
    }
    return undefined;
  };
/** An object with these fields (extra fields are allowed: newer writers may add some). */
export const object =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isRecord(v)) return fail(p, 'is not an object');
    for (const [k, check] of Object.entries(fields)) {
      const err = check(v[k], `${p}.${k}`);
      if (err) return err;
    }
    return undefined;
  };
export const anyJson: Check = () => undefined;

export const YMD = /^\d{4}-\d{2}-\d{2}$/;
export const ORDER_ID = /^\d{6,}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
