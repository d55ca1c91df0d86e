// The contract between content scripts and the on-demand capture script (entrypoints/evidence-capture.ts).
import type { RenderRequest, RenderResult } from './capture';
import type { DownloadFile } from './download';

export interface CaptureModule {
  renderCapture(req: RenderRequest): Promise<RenderResult>;
  makeZip(files: DownloadFile[], manifest: Record<string, unknown>): Promise<Blob>;
  downloadName(kind: string, orderId: string | undefined, at: Date): string;
}
/** built file of entrypoints/evidence-capture.ts (listed in web_accessible_resources) */
export const CAPTURE_SCRIPT = '/evidence-capture.js';
/** where that script puts its functions on the content script's global */
export const CAPTURE_GLOBAL = '__aliproofCapture';
