// On-demand capture code (html2canvas and the renderer), loaded by a content script with import() only
// when the user presses a capture button (utils/evidence/client.ts loadCaptureModule). Keeping it out of
// the content scripts keeps ~200 kB off every AliExpress page load.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { renderCapture } from '../utils/evidence/capture';
import { downloadName, makeZip } from '../utils/evidence/download';
import { CAPTURE_GLOBAL, type CaptureModule } from '../utils/evidence/module';

export default defineUnlistedScript(() => {
  const mod: CaptureModule = { renderCapture, makeZip, downloadName };
  (globalThis as Record<string, unknown>)[CAPTURE_GLOBAL] = mod;
});
