// The read-page command as a user runs it: exit codes and output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function readPage(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'read-page.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('read-page', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-page-'));

  it('reads a page that is not AliExpress as unknown and exits 0', () => {
    const f = join(dir, 'other.html');
    writeFileSync(f, '<html><body><h1>Hello</h1></body></html>');
    const r = readPage(f, '--url', 'https://example.com/');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'unknown', orders: [], problems: [expect.any(String)] });
  });

  it('reads a cut-short JSON payload with a problem, exit 0', () => {
    const f = join(dir, 'cut.json');
    writeFileSync(f, '{"api":"mtop.aliexpress.trade.buyer.order.list","data":{"data":{');
    const r = readPage(f);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).problems[0]).toMatch(/could not be parsed/);
  });

  it('exits non-zero with a message when it cannot read its arguments', () => {
    expect(readPage().code).toBe(2);
    const missing = readPage(join(dir, 'nope.html'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
    expect(readPage(join(dir, 'other.html'), '--now', 'yesterday').code).toBe(2);
    expect(readPage(join(dir, 'other.html'), '--bogus').code).toBe(2);
  });
});
