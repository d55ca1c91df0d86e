import { apIsJunk, apParseSums, apPlan, apRows, apVerdict, verifierScript } from '@/utils/bundle/verify-core';

const H = (c: string) => c.repeat(64);
const SUMS = `${H('a')}  evidence/a.png\n${H('b')}  manifest.json\n${H('c')}  report.html\n`;

describe('the checker of verify.html', () => {
  it('reads sha256sum lines (text and binary mode) and counts bad lines', () => {
    const { entries, bad } = apParseSums(`${SUMS}${H('d').toUpperCase()} *x y.txt\nnot a line\n\r\n`);
    expect(entries).toEqual([
      { path: 'evidence/a.png', sha256: H('a') },
      { path: 'manifest.json', sha256: H('b') },
      { path: 'report.html', sha256: H('c') },
      { path: 'x y.txt', sha256: H('d') },
    ]);
    expect(bad).toBe(1);
  });

  const expected = ['evidence/a.png', 'manifest.json', 'report.html'];
  const picked = (root: string, names: string[]) => names.map((n) => ({ rel: `${root}${n}` }));

  it('matches a picked folder by its paths, wherever the folder sits', () => {
    const files = picked('aliproof-1-x/', ['SHA256SUMS', 'evidence/a.png', 'manifest.json', 'report.html', '.DS_Store', 'notes.txt']);
    const plan = apPlan(files, expected);
    expect(plan.sums).toBe(0);
    expect(plan.matched).toEqual({ 'evidence/a.png': 1, 'manifest.json': 2, 'report.html': 3 });
    expect(plan.extra).toEqual([5]); // .DS_Store is junk, notes.txt is extra
    // a parent folder picked: the bundle's root is where SHA256SUMS is
    const parent = apPlan(picked('Downloads/aliproof-1-x/', ['SHA256SUMS', 'evidence/a.png', 'manifest.json', 'report.html']).concat([{ rel: 'Downloads/other.pdf' }]), expected);
    expect(Object.keys(parent.matched)).toHaveLength(3);
    expect(parent.extra).toEqual([]);
  });

  it('matches files picked one by one (no folders) by unique names', () => {
    const files = [{ rel: 'SHA256SUMS' }, { rel: 'a.png' }, { rel: 'report.html' }];
    const plan = apPlan(files, expected);
    expect(plan.matched).toEqual({ 'evidence/a.png': 1, 'report.html': 2 });
  });

  it('calls each file intact, changed, missing or extra, and flags lists that disagree', () => {
    const files = picked('', ['SHA256SUMS', 'evidence/a.png', 'manifest.json', 'extra.bin']);
    const plan = apPlan(files, expected);
    const { entries } = apParseSums(SUMS);
    const rows = apRows(entries, plan, { 'evidence/a.png': H('a'), 'manifest.json': H('9') }, files, { 'evidence/a.png': H('e') });
    expect(rows.map((r) => [r.path, r.status])).toEqual([
      ['evidence/a.png', 'intact'],
      ['manifest.json', 'changed'],
      ['report.html', 'missing'],
      ['extra.bin', 'extra'],
      ['evidence/a.png', 'conflict'],
    ]);
    expect(apVerdict(rows, true)).toBe('tampered');
    expect(apVerdict(rows.filter((r) => r.status === 'intact' || r.status === 'extra'), true)).toBe('intact');
    expect(apVerdict([], false)).toBe('no-list');
  });

  it('knows the files operating systems add to folders', () => {
    expect(['.DS_Store', 'x/Thumbs.db', '__MACOSX/a', 'desktop.ini', 'evidence/._a.png'].every(apIsJunk)).toBe(true);
    expect(apIsJunk('evidence/a.png')).toBe(false);
  });

  it('is written into the page as valid, self-contained script', () => {
    const script = verifierScript();
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/\bimport\b|require\(|fetch\(|XMLHttpRequest|innerHTML/);
    expect(script.trim().endsWith('();')).toBe(true);
  });
});
