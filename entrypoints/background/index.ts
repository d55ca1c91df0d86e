// Background: wiring only. The background owns the persisted case store.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { Message } from '../../utils/messaging';
import { caseStore } from './case-store';
import { registerEvidenceHandlers } from './evidence-repo';
import { registerUploadPreparation } from './upload-copies';
import { registerReminders } from './reminders';
import { registerCaseHandlers } from './open-case';

export default defineBackground(() => {
  void caseStore.upgrade();
  registerEvidenceHandlers();
  registerUploadPreparation();
  registerReminders();
  registerCaseHandlers();
  browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse: (r: unknown) => void) => {
    const msg = raw as Message;
    if (msg?.type === 'page-read') {
      caseStore
        .apply(msg.reading, msg.url)
        .then((orders) => sendResponse({ ok: true, orders }))
        .catch((e: Error) => sendResponse({ ok: false, error: e.message }));
      return true; // answer asynchronously
    }
    if (msg?.type === 'ping') {
      sendResponse({ ok: true });
      return false;
    }
    return false;
  });
});
