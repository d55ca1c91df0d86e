// SHA256SUMS in the exact format GNU `sha256sum -c` reads: "<64 lowercase hex><two spaces><path>\n",
// relative paths with forward slashes, LF line ends, one line per file, SHA256SUMS itself not listed.

export interface SumEntry {
  path: string;
  sha256: string;
}

/** Paths sha256sum would need to escape (backslash, newline, CR) or that point outside the folder. */
export function isPlainRelativePath(path: string): boolean {
  return !!path && !/[\\\n\r]/.test(path) && !path.startsWith('/') && !path.split('/').some((p) => p === '..' || p === '.' || p === '');
}

export function sha256sums(entries: readonly SumEntry[]): string {
  const seen = new Set<string>();
  const lines = [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => {
      if (!/^[0-9a-f]{64}$/.test(e.sha256)) throw new Error(`not a SHA-256: ${e.sha256.slice(0, 80)}`);
      if (!isPlainRelativePath(e.path)) throw new Error(`unsafe file name in the bundle: ${JSON.stringify(e.path)}`);
      if (seen.has(e.path)) throw new Error(`file listed twice: ${e.path}`);
      seen.add(e.path);
      return `${e.sha256}  ${e.path}\n`;
    });
  return lines.join('');
}
