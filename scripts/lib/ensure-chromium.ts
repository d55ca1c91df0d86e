// Chromium for the demo, the benchmarks and the end-to-end tests: Debian's package, installed on first
// use where that is possible (root with apt-get, as on a fresh Debian/Ubuntu machine or in CI).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './browser';

export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): string {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!process.env.CHROMIUM_PATH && root && apt) {
    log('Chromium is not installed: installing Debian\'s chromium package (apt-get, about 30 s)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
    if (existsSync(path)) return path;
  }
  throw new Error(
    `Chromium was not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}
