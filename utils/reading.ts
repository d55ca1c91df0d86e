// From saved or live pages to the final reading: read each input, merge orders by orderId in the order
// given, then compute every order's deadlines. Used by read-page, the tests and the extension.
import type { PageReading, ReadContext } from './types';
import { readSaved } from './aliexpress';
import { mergeOrders } from './orders/merge';
import { withDeadlines } from './deadlines/engine';
import type { RuleOverrides } from './deadlines/rules';

export interface SavedInput {
  /** file contents: HTML or a JSON(P) payload */
  content: string;
  /** the page address, when known (else read from the file) */
  url?: string;
  /** a name for problems ("list.html: …") */
  name?: string;
}

export interface ReadOptions {
  now: Date;
  parseHtml: (html: string) => Document;
  overrides?: RuleOverrides;
}

export function readInputs(inputs: SavedInput[], opts: ReadOptions): PageReading {
  const readings = inputs.map((input) => {
    const r = readSaved(input.content, { url: input.url, now: opts.now } satisfies ReadContext, opts.parseHtml);
    const prefix = inputs.length > 1 && input.name ? `${input.name}: ` : '';
    return { ...r, problems: r.problems.map((p) => prefix + p) };
  });
  return finishReading(readings, opts);
}

/** Merge several readings (in order) and add deadlines. */
export function finishReading(readings: PageReading[], opts: { now: Date; overrides?: RuleOverrides }): PageReading {
  const problems = readings.flatMap((r) => r.problems);
  const merged = mergeOrders(...readings.map((r) => r.orders));
  const orders = merged.map((o) => {
    const { order, problems: p } = withDeadlines(o, { now: opts.now, overrides: opts.overrides });
    problems.push(...p.map((x) => `order ${o.orderId}: ${x}`));
    return order;
  });
  const last = readings[readings.length - 1];
  const chat = [...readings].reverse().find((r) => r.chat)?.chat;
  return { kind: last?.kind ?? 'unknown', orders, problems: [...new Set(problems)], ...(chat ? { chat } : {}) };
}
