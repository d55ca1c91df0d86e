// Builds the extension once before the end-to-end tests, as a user would get it (production build).
import { build } from 'wxt';
import { ensureChromium } from '../../scripts/lib/ensure-chromium';

export default async function setup() {
  ensureChromium();
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // React's JSX runtime must match the production build
  try {
    await build({ browser: 'chrome', manifestVersion: 3, logLevel: 1 } as Parameters<typeof build>[0]);
  } finally {
    process.env.NODE_ENV = before;
  }
}
