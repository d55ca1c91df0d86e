// The pure parts: typed thresholds, the next local check time, start-up catch-up, the sent log.
import { localDay, nextCheckTime, pruneSent, sentKey, shouldCheckNow, badgeText } from '@/utils/reminders/plan';
import { parseReminderDays, validReminderDays } from '@/utils/reminders/settings';
import { reminderText } from '@/utils/reminders/text';

describe('reminder days typed by the user', () => {
  it.each([
    ['7, 3, 1, 0', [7, 3, 1, 0]],
    ['0 1 3 7', [7, 3, 1, 0]],
    ['D-7, D-3', [7, 3]],
    ['14，7、3', [14, 7, 3]],
    ['3, 3, 1', [3, 1]],
  ])('%s -> %j', (text, days) => expect(parseReminderDays(text)).toEqual({ days }));

  it.each([
    ['', 'empty'],
    [' , ', 'empty'],
    ['7, soon', 'notNumber'],
    ['-1', 'notNumber'],
    ['1.5', 'notNumber'],
    ['61', 'range'],
    ['1 2 3 4 5 6 7 8 9', 'tooMany'],
  ])('%j is refused (%s)', (text, error) => expect(parseReminderDays(text)).toEqual({ error }));

  it('stored lists are checked too', () => {
    expect(validReminderDays([0, 7])).toEqual([7, 0]);
    expect(validReminderDays([])).toBeUndefined();
    expect(validReminderDays(['7'])).toBeUndefined();
    expect(validReminderDays('7')).toBeUndefined();
  });
});

describe('scheduling', () => {
  it('the next check is today at the hour if it is still ahead, else tomorrow', () => {
    expect(nextCheckTime(new Date(2026, 7, 1, 8, 59), 9)).toEqual(new Date(2026, 7, 1, 9));
    expect(nextCheckTime(new Date(2026, 7, 1, 9, 0), 9)).toEqual(new Date(2026, 7, 2, 9));
    expect(nextCheckTime(new Date(2026, 11, 31, 23, 0), 9)).toEqual(new Date(2027, 0, 1, 9));
  });

  it('catches up at start-up only after the hour and only once a day', () => {
    const now = new Date(2026, 7, 1, 10);
    expect(shouldCheckNow(now, 9, undefined)).toBe(true);
    expect(shouldCheckNow(now, 9, '2026-07-31')).toBe(true);
    expect(shouldCheckNow(now, 9, localDay(now))).toBe(false);
    expect(shouldCheckNow(now, 11, undefined)).toBe(false);
  });

  it('forgets reminders of clocks closed long ago', () => {
    const sent = { [sentKey('1234567', { kind: 'paypal', closesOn: '2026-01-01' }, 3)]: 'x', [sentKey('1234567', { kind: 'paypal', closesOn: '2026-07-30' }, 3)]: 'y' };
    expect(Object.values(pruneSent(sent, new Date(2026, 7, 1)))).toEqual(['y']);
  });

  it('badge text', () => {
    expect([badgeText(0), badgeText(3), badgeText(120)]).toEqual(['', '3', '99+']);
  });
});

describe('notification text', () => {
  const due = { orderId: '8200000000000001', label: 'USB-C cable', keys: [], clocks: [{ kind: 'not-received', closesOn: '2026-08-10', daysLeft: 3, threshold: 3, estimated: true }] };
  it('names the order, the clock, the date and whether it is an estimate, in both languages', () => {
    expect(reminderText(due, 'en')).toEqual({
      title: 'D-3: order 8200000000000001',
      message: 'USB-C cable\nnot received: last safe day Aug 10, 2026 (3 days left) (estimate)\nClick to open the order in AliProof.',
    });
    expect(reminderText(due, 'ko').title).toBe('D-3: 주문 8200000000000001');
    expect(reminderText(due, 'ko').message).toContain('(추정)');
  });
});
