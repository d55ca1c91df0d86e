// Each saved page or payload under tests/fixtures/aliexpress has an expected reading beside it
// (<name>.expected.json: { url?, now, expect }). The whole pipeline (readers, merge, deadline engine)
// must produce at least those facts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../utils/reading';
import { FIXTURE_DIR, fixtureNames, fixtureText, parseHtml } from './helpers/fixtures';

interface Expected {
  url?: string;
  now: string;
  expect: Record<string, unknown>;
}

const names = fixtureNames();

describe('saved AliExpress pages', () => {
  it('cover every page kind, both list label generations, three tracking markups and several locales', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    const kinds = names.map((n) => {
      const e = expectedOf(n);
      return (e?.expect as { kind?: string })?.kind;
    });
    for (const k of ['order-list', 'order-detail', 'tracking', 'chat', 'unknown']) {
      if (k !== 'unknown') expect(kinds, k).toContain(k);
    }
    expect(names.filter((n) => n.endsWith('.json')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(names)('%s has an expected reading', (name) => {
    expect(existsSync(expectedPath(name)), `${name}.expected.json missing`).toBe(true);
  });

  it.each(names.filter((n) => existsSync(expectedPath(n))))('%s reads as expected', (name) => {
    const e = expectedOf(name)!;
    const reading = readInputs([{ content: fixtureText(name), url: e.url, name }], { now: new Date(e.now), parseHtml });
    expect(reading).toMatchObject(e.expect);
  });
});

function expectedPath(name: string) {
  return join(FIXTURE_DIR, name.replace(/\.(html|json)$/, '.expected.json'));
}

function expectedOf(name: string): Expected | undefined {
  const p = expectedPath(name);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Expected) : undefined;
}
