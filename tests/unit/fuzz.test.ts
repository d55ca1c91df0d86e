// 1,000 damaged copies of the saved pages (nodes removed, text garbled, HTML or JSON cut short): no
// reader throws, every reading is well formed, and a reading that lost orders says so in `problems`.
import { readInputs } from '../../utils/reading';
import type { PageReading } from '../../utils/types';
import { fixtureNames, fixtureText, parseHtml } from './helpers/fixtures';

const MUTATIONS = 1000;
const NOW = new Date('2026-11-21T12:00:00');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Small deterministic PRNG so a failure can be reproduced from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = ['', '??', '<b>', '&amp;', '\u202e', '🙂🙂', 'NaN', '99999999999999999999', 'Feb 30, 2026', '<script>x</script>', 'Date:', 'Copy'];

function mutateHtml(html: string, rand: () => number): string {
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return html.slice(0, Math.floor(rand() * html.length)); // truncated
  const doc = parseHtml(html);
  const all = Array.from(doc.querySelectorAll('body *'));
  const n = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < n && all.length; i++) {
    const el = all[Math.floor(rand() * all.length)];
    if (kind === 1) el.remove(); // nodes removed
    else if (kind === 2) el.textContent = GARBAGE[Math.floor(rand() * GARBAGE.length)]; // text garbled
    else {
      for (const a of Array.from(el.attributes)) el.setAttribute(a.name, GARBAGE[Math.floor(rand() * GARBAGE.length)]);
    }
  }
  return '<!DOCTYPE html>' + doc.documentElement.outerHTML;
}

function mutateJson(json: string, rand: () => number): string {
  if (rand() < 0.4) return json.slice(0, Math.floor(rand() * json.length));
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  const replacements = [null, 0, -1, '', 'x', [], {}, true, 1e30, 'Feb 30, 2026'];
  const visit = (v: unknown): unknown => {
    if (v && typeof v === 'object') {
      if (rand() < 0.05) return replacements[Math.floor(rand() * replacements.length)];
      for (const k of Object.keys(v)) {
        (v as Record<string, unknown>)[k] = visit((v as Record<string, unknown>)[k]);
        if (rand() < 0.02) delete (v as Record<string, unknown>)[k];
      }
    } else if (rand() < 0.05) return replacements[Math.floor(rand() * replacements.length)];
    return v;
  };
  return JSON.stringify(visit(value));
}

function wellFormed(r: PageReading) {
  expect(['order-list', 'order-detail', 'tracking', 'chat', 'unknown']).toContain(r.kind);
  expect(Array.isArray(r.problems)).toBe(true);
  for (const p of r.problems) expect(typeof p).toBe('string');
  for (const o of r.orders) {
    expect(o.orderId).toMatch(/^\d+$/);
    for (const k of ['placedOn', 'paidOn', 'shippedOn', 'deliveredOn', 'completedOn'] as const) {
      if (o[k] !== undefined) expect(o[k]).toMatch(DATE);
    }
    expect(Array.isArray(o.items)).toBe(true);
    for (const d of o.deadlines) expect(d.closesOn).toMatch(DATE);
    if (o.total) expect(Number.isFinite(o.total.amount)).toBe(true);
    for (const e of o.tracking?.events ?? []) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  }
}

describe('readers under damaged input', () => {
  const names = fixtureNames();
  const originals = new Map(
    names.map((n) => [n, readInputs([{ content: fixtureText(n) }], { now: NOW, parseHtml })]),
  );

  it(`never throw across ${MUTATIONS} mutations and report what they lost`, () => {
    expect(names.length).toBeGreaterThan(0);
    for (let seed = 1; seed <= MUTATIONS; seed++) {
      const rand = rng(seed);
      const name = names[seed % names.length];
      const source = fixtureText(name);
      const mutated = name.endsWith('.json') ? mutateJson(source, rand) : mutateHtml(source, rand);
      let reading: PageReading;
      try {
        reading = readInputs([{ content: mutated }], { now: NOW, parseHtml });
      } catch (e) {
        throw new Error(`seed ${seed} (${name}) threw: ${(e as Error).stack}`);
      }
      wellFormed(reading);
      const before = originals.get(name)!;
      if (reading.orders.length < before.orders.length) {
        expect(reading.problems.length, `seed ${seed} (${name}) lost orders silently`).toBeGreaterThan(0);
      }
    }
  }, 180_000);
});
