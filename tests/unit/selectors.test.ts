// Every selector names the saved pages it must match; this proves each one still matches them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SELECTORS } from '../../utils/aliexpress/selectors';
import { FIXTURE_DIR, fixtureDoc } from './helpers/fixtures';

const cases = Object.entries(ALL_SELECTORS).flatMap(([page, record]) =>
  Object.entries(record).map(([name, def]) => ({ id: `${page}.${name}`, def })),
);

describe('selectors', () => {
  it('exist for every page reader', () => {
    for (const page of Object.keys(ALL_SELECTORS)) {
      expect(Object.keys(ALL_SELECTORS[page]).length, page).toBeGreaterThan(0);
    }
  });

  it.each(cases)('$id names at least one fixture, and matches each', ({ id, def }) => {
    expect(def.fixtures.length, `${id} lists no fixture`).toBeGreaterThan(0);
    for (const f of def.fixtures) {
      expect(existsSync(join(FIXTURE_DIR, f)), `${id}: fixture ${f} missing`).toBe(true);
      const matches = fixtureDoc(f).querySelectorAll(def.css).length;
      expect(matches, `${id} (${def.css}) matches nothing in ${f}`).toBeGreaterThan(0);
    }
  });
});
