// Background: wiring only. The background owns the persisted case store.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { BadgeInputs, Message } from '../../utils/messaging';
import type { CaseRecord } from '../../utils/cases/case-store';
import { normaliseSettings, settingsItem, userFactsItem } from '../../utils/store/items';
import { caseStore } from './case-store';
import { registerEvidenceHandlers } from './evidence-repo';
import { registerUploadPreparation } from './upload-copies';
import { registerReminders } from './reminders';
import { registerCaseHandlers } from './open-case';

/** The saved orders with what else their badges need (the user's facts for them, the settings). */
async function badgeInputs(cases: Record<string, CaseRecord>): Promise<BadgeInputs> {
  const [facts, settings] = await Promise.all([userFactsItem.getValue(), settingsItem.getValue()]);
  const userFacts = Object.fromEntries(Object.keys(cases).flatMap((id) => (facts?.[id] ? [[id, facts[id]]] : [])));
  return { cases, userFacts, settings: normaliseSettings(settings) };
}

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
        .then(async (cases) => sendResponse({ ok: true, orders: msg.reading.orders.length, badges: await badgeInputs(cases) }))
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
