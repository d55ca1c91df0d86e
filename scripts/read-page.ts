// npm run --silent read-page -- FILE... [--url URL] [--now ISO]
// Reads saved AliExpress pages (HTML) or payloads (JSON) and prints one PageReading as JSON.
// Exit 0 whenever a reading was printed (problems included); 2 when the arguments could not be read.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DOMParser } from 'linkedom';
import { readInputs, type SavedInput } from '../utils/reading';

const USAGE = 'usage: npm run --silent read-page -- FILE... [--url URL] [--now ISO]';

function fail(message: string): never {
  process.stderr.write(`read-page: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let url: string | undefined;
  let now: Date | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url' || a === '--now') {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      if (a === '--url') url = v;
      else {
        now = new Date(v);
        if (Number.isNaN(now.getTime())) fail(`--now "${v}" is not a date (use ISO, e.g. 2026-11-21T12:00:00)`);
      }
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (!files.length) fail('no file given');
  if (url && files.length > 1) fail('--url gives the address of a single file');
  return { files, url, now: now ?? new Date() };
}

const { files, url, now } = parseArgs(process.argv.slice(2));
const inputs: SavedInput[] = files.map((f) => {
  let content: string;
  try {
    content = readFileSync(f, 'utf8');
  } catch (e) {
    fail(`cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return { content, url, name: basename(f) };
});
const reading = readInputs(inputs, {
  now,
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document,
});
process.stdout.write(JSON.stringify(reading, null, 2) + '\n');
