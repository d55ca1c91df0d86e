import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseList } from '@/components/case/CaseList';
import { effectiveOrders } from '@/utils/store/effective';
import { setLanguageSetting } from '@/utils/i18n';
import { facts, NOW, record } from '../store/factories';
import { HOSTILE } from '../bundle/fixtures';

beforeEach(() => act(() => setLanguageSetting('en')));
afterEach(() => act(() => setLanguageSetting('auto')));

function orders() {
  return effectiveOrders(
    {
      far: record(facts('1000000001', { status: 'awaiting-delivery', store: { name: 'Far Store' }, items: [{ title: 'Lamp' }], pageNotes: [{ text: 'Refund if no delivery before Aug 21, 2026' }] })),
      near: record(facts('1000000002', { status: 'awaiting-delivery', store: { name: 'Near Store' }, items: [{ title: 'Cable' }], pageNotes: [{ text: 'Refund if no delivery before Aug 4, 2026' }] })),
      none: record(facts('1000000003', { store: { name: HOSTILE }, items: [{ title: HOSTILE }] })),
    },
    {},
    { now: NOW },
  );
}

describe('the case list', () => {
  it('shows every order nearest deadline first, with clocks, status, evidence count and note', () => {
    render(
      <CaseList
        orders={[...orders()].reverse()}
        now={NOW}
        evidenceIndex={{ '1000000002': [{ id: 'a', kind: 'chat', capturedAt: '2026-07-30T00:00:00Z', bytes: 1, sha256: 'x' }, { id: 'b', kind: 'transcript', capturedAt: '2026-07-30T00:00:00Z', bytes: 1, sha256: 'y' }, { id: 'c', kind: 'chat', capturedAt: '2026-07-30T00:00:00Z', bytes: 1, sha256: 'z', derivedFrom: 'a' }] }}
        notes={{ '1000000002': { text: 'Seller asked me to wait', updatedAt: '2026-07-31T00:00:00Z' } }}
      />,
    );
    const links = screen.getAllByRole('link', { name: /^Open the case of order/ });
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual(['Open the case of order 1000000002', 'Open the case of order 1000000001', 'Open the case of order 1000000003']);
    expect(links[0].getAttribute('href')).toBe('#order=1000000002');
    const row = screen.getByRole('row', { name: /1000000002/ });
    expect(within(row).getByText('2 items')).toBeTruthy(); // the redacted copy is not counted
    expect(within(row).getByText('Seller asked me to wait')).toBeTruthy();
    expect(row.textContent).toContain('not received: Aug 4, 2026 (3 days left)');
    expect(row.textContent).toContain('awaiting delivery');
    expect(row.querySelector('[data-aliproof="badge"]')!.getAttribute('data-days-left')).toBe('3');
  });

  it('filters as the user types, says how many match, and is reachable by its label', async () => {
    const user = userEvent.setup();
    render(<CaseList orders={orders()} now={NOW} evidenceIndex={{}} notes={{}} />);
    const search = screen.getByRole('searchbox', { name: 'Search orders' });
    await user.type(search, 'near');
    expect(screen.getAllByRole('link', { name: /^Open the case/ }).map((l) => l.textContent)).toEqual(['1000000002']);
    expect(screen.getByRole('status').textContent).toBe('1 of 3 orders');
    await user.clear(search);
    await user.type(search, 'lamp');
    expect(screen.getAllByRole('link', { name: /^Open the case/ }).map((l) => l.textContent)).toEqual(['1000000001']);
    await user.clear(search);
    await user.type(search, '0003');
    expect(screen.getAllByRole('link', { name: /^Open the case/ })).toHaveLength(1);
    await user.type(search, 'zzz');
    expect(screen.queryAllByRole('link', { name: /^Open the case/ })).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('No order matches "0003zzz".');
  });

  it('shows a hostile store name and title as text', () => {
    const { container } = render(<CaseList orders={orders()} now={NOW} evidenceIndex={{}} notes={{}} />);
    expect(container.querySelectorAll('script, img')).toHaveLength(0);
    expect(container.textContent).toContain(HOSTILE);
  });

  it('says so when there is no order', () => {
    render(<CaseList orders={[]} now={NOW} evidenceIndex={{}} notes={{}} />);
    expect(screen.getByText(/No orders yet/)).toBeTruthy();
  });
});
