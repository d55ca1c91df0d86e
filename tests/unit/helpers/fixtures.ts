// Loading saved AliExpress pages for tests. HTML is parsed with linkedom, the same parser read-page uses.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';

export const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures', 'aliexpress');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function fixtureDoc(name: string): Document {
  return parseHtml(fixtureText(name));
}

/** Saved pages and payloads (not the expected readings). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR).filter((f) => /\.(html|json)$/.test(f) && !f.endsWith('.expected.json')).sort();
}
