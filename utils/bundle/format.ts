// Bundle format constants and names. Bump BUNDLE_FORMAT_VERSION when the layout or a file's shape changes.
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_FORMAT = 'aliproof-evidence-bundle';

export const PATHS = {
  report: 'report.html',
  verify: 'verify.html',
  order: 'order.json',
  manifest: 'manifest.json',
  sums: 'SHA256SUMS',
  readme: 'README.txt',
  evidence: 'evidence/',
  tracking: 'tracking/',
  transcripts: 'transcripts/',
  aliexpress: 'for-aliexpress/',
  card: 'for-card-company/',
  kca: 'for-1372-kca/',
} as const;

/** Default largest JPEG for the AliExpress upload pack. */
export const DEFAULT_JPEG_MAX_BYTES = 2 * 1024 * 1024;

/** 'YYYYMMDD-HHMMSSZ' in UTC, for file and folder names. */
export function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z').replace('T', '-');
}

/** The bundle's folder (inside the zip) and the .zip name. */
export function bundleName(orderId: string, at: Date): string {
  return `aliproof-${orderId.replace(/\D/g, '') || 'order'}-${stamp(at)}`;
}
