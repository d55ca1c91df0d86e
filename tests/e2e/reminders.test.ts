// Reminders in real Chromium with the built extension: the background's daily check shows a real
// notification for an order whose last safe day is near, sets the toolbar badge, remembers what it
// sent (a second check shows nothing new) and schedules the next check at 09:00 local. (Chrome has no
// API to click a notification; the click handler is covered by tests/unit/reminders.)
import { launchWithExtension, type ExtensionBrowser } from './browser';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

const ORDER = '8200000000000001';

it('notifies, counts on the badge, does not repeat, and schedules the next check', async () => {
  // an order shipped 57 days ago: R-NR-60 leaves 3 days (the engine counts in the browser's local zone)
  await b.worker.evaluate(async (orderId) => {
    const d = new Date();
    d.setDate(d.getDate() - 57);
    const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const at = new Date().toISOString();
    const facts = { orderId, status: 'awaiting-delivery', shippedOn: ymd, items: [{ title: 'USB-C cable' }], pageNotes: [], deadlines: [] };
    await (globalThis as any).chrome.storage.local.set({
      cases: { version: 1, cases: { [orderId]: { orderId, facts, seen: {}, firstSeen: at, lastSeen: at, sources: [] } } },
    });
  }, ORDER);
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  const check = () => page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'reminders-check' }));
  expect(await check()).toEqual({ ok: true });

  const shown = await b.worker.evaluate(() => (globalThis as any).chrome.notifications.getAll());
  expect(Object.keys(shown)).toEqual([`aliproof-order:${ORDER}`]);
  expect(await b.worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('1');
  const log = await b.worker.evaluate(() => (globalThis as any).chrome.storage.local.get('reminderLog'));
  // D-3 was notified; D-7, crossed at the same time, is settled with it (one reminder, not two)
  expect(Object.keys(log.reminderLog.sent).map((k) => k.replace(/\|\d{4}-\d{2}-\d{2}\|/, '|date|')).sort()).toEqual([`${ORDER}|not-received|date|3`, `${ORDER}|not-received|date|7`]);

  // a second check (a restart, the alarm) shows nothing new
  await b.worker.evaluate(() => (globalThis as any).chrome.notifications.clear(`aliproof-order:8200000000000001`));
  expect(await check()).toEqual({ ok: true });
  expect(Object.keys(await b.worker.evaluate(() => (globalThis as any).chrome.notifications.getAll()))).toEqual([]);

  // the daily check is scheduled at 09:00 local
  const alarm = await b.worker.evaluate(() => (globalThis as any).chrome.alarms.get('aliproof-reminders'));
  const when = new Date(alarm.scheduledTime);
  expect([when.getHours(), when.getMinutes()]).toEqual([9, 0]);
});
