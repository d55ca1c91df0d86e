// When to remind about backups: evidence in no backup whose oldest item is 7 days old or more.
import { backupNeeded, notBackedUp } from '@/utils/backup/state';

const entry = (id: string, capturedAt: string) => ({ id, kind: 'chat' as const, capturedAt, bytes: 1, sha256: 'a'.repeat(64) });
const index = { '1234567': [entry('a', '2026-08-01T00:00:00.000Z'), entry('b', '2026-08-05T00:00:00.000Z')], 'no-order': [entry('c', '2026-08-06T00:00:00.000Z')] };

it('counts captures in no backup, and reminds once the oldest is 7 days old', () => {
  expect(notBackedUp(index, { backedUpIds: ['a'] })).toBe(2);
  expect(backupNeeded(index, { backedUpIds: ['a'] }, new Date('2026-08-11T23:59:00Z'))).toBeUndefined();
  expect(backupNeeded(index, { backedUpIds: ['a'] }, new Date('2026-08-12T00:00:00Z'))).toEqual({ count: 2, oldest: '2026-08-05T00:00:00.000Z' });
  expect(backupNeeded(index, { backedUpIds: ['a', 'b', 'c'] }, new Date('2026-09-01T00:00:00Z'))).toBeUndefined();
  expect(backupNeeded({}, { backedUpIds: [] }, new Date())).toBeUndefined();
});
