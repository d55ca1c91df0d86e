import { isPlainRelativePath, sha256sums } from '@/utils/bundle/sums';
import { escapeHtml, safeImageDataUrl, safeRelativeHref } from '@/utils/bundle/escape';
import { evidencePath, UniquePaths } from '@/utils/bundle/names';
import { HOSTILE, storedEvidence } from './fixtures';

const H = (c: string) => c.repeat(64);

describe('SHA256SUMS', () => {
  it('is "<hex>  <path>" per line, sorted, LF-terminated', () => {
    expect(sha256sums([{ path: 'report.html', sha256: H('b') }, { path: 'evidence/x.png', sha256: H('a') }])).toBe(`${H('a')}  evidence/x.png\n${H('b')}  report.html\n`);
  });

  it('refuses names sha256sum would escape or that leave the folder, and duplicates', () => {
    for (const bad of ['a\\b', 'a\nb', '/abs', '../up', 'a/../b', 'a//b']) {
      expect(isPlainRelativePath(bad), bad).toBe(false);
      expect(() => sha256sums([{ path: bad, sha256: H('a') }])).toThrow();
    }
    expect(() => sha256sums([{ path: 'a', sha256: H('a') }, { path: 'a', sha256: H('a') }])).toThrow(/twice/);
    expect(() => sha256sums([{ path: 'a', sha256: 'xyz' }])).toThrow(/SHA-256/);
  });
});

describe('escapeHtml', () => {
  it('turns markup into text for content and attributes', () => {
    const out = escapeHtml(HOSTILE);
    expect(out).not.toMatch(/[<>"'`]/);
    expect(out).toContain('&lt;/style&gt;&lt;script&gt;');
    const doc = new DOMParser().parseFromString(`<p title="${out}">${out}</p>`, 'text/html');
    expect(doc.querySelector('p')!.textContent).toBe(HOSTILE);
    expect(doc.querySelector('p')!.getAttribute('title')).toBe(HOSTILE);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
  });

  it('drops control characters and prints nothing for null/undefined', () => {
    expect(escapeHtml('a\u0000b\u0007c\nd')).toBe('abc\nd');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
  });

  it('lets only PNG/JPEG data URLs and plain relative paths into attributes', () => {
    expect(safeImageDataUrl('data:image/jpeg;base64,/9j/4A==')).toBeDefined();
    expect(safeImageDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
    expect(safeImageDataUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeImageDataUrl('data:image/png;base64,AAA" onerror="x')).toBeUndefined();
    expect(safeRelativeHref('evidence/a.png')).toBe('evidence/a.png');
    expect(safeRelativeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeRelativeHref('../x')).toBeUndefined();
  });
});

describe('file names', () => {
  it('are ASCII, sortable by capture time and unique', () => {
    const metas = storedEvidence().map((s) => s.meta);
    const paths = metas.map(evidencePath);
    for (const p of paths) expect(p).toMatch(/^(evidence|transcripts)\/\d{8}-\d{6}Z-[a-z-]+-[0-9a-f]{8}[a-z0-9-]*\.(png|txt)$/);
    expect(paths[0]).toMatch(/chat-00000000-part-1-of-2\.png$/);
    expect(paths[2]).toMatch(/part-1-of-2-redacted\.png$/);
    expect(paths[3]).toMatch(/^transcripts\/.*chat-transcript/);
    const u = new UniquePaths();
    expect([u.take('a/x.png'), u.take('a/x.png'), u.take('a/x.png'), u.take('b')]).toEqual(['a/x.png', 'a/x-2.png', 'a/x-3.png', 'b']);
  });
});
