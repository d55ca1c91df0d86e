import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Badge } from '@/components/Badge';
import { effectiveOrder } from '@/utils/store/effective';
import { setLanguageSetting } from '@/utils/i18n';
import type { Deadline } from '@/utils/types';
import { NOW, facts, record } from '../store/factories';

const dl = (kind: string, closesOn: string, extra: Partial<Deadline> = {}): Deadline => ({
  kind,
  closesOn,
  source: 'rule',
  estimated: false,
  basis: 'R-NR-60',
  ...extra,
});

function badgeRoot(container: HTMLElement) {
  const root = container.querySelector<HTMLElement>('[data-aliproof="badge"]');
  expect(root).not.toBeNull();
  return root!;
}

beforeEach(() => act(() => setLanguageSetting('en')));
afterEach(() => act(() => setLanguageSetting('auto')));

describe('Badge', () => {
  // NOW = Aug 1, 2026; closing dates written out by hand
  it.each([
    [15, '2026-08-16', 'calm', 'D-15'],
    [14, '2026-08-15', 'warning', 'D-14'],
    [7, '2026-08-08', 'warning', 'D-7'],
    [6, '2026-08-07', 'urgent', 'D-6'],
    [0, '2026-08-01', 'urgent', 'D-day'],
    [-1, '2026-07-31', 'closed', 'closed'],
  ])('%i days left: text, attributes and colour', (left, closesOn, urgency, text) => {
    const { container } = render(<Badge orderId="8200000000000001" order={{ deadlines: [dl('not-received', closesOn)] }} now={NOW} />);
    const root = badgeRoot(container);
    expect(root.dataset.orderId).toBe('8200000000000001');
    expect(root.dataset.closesOn).toBe(closesOn);
    expect(root.dataset.daysLeft).toBe(String(left));
    expect(root.classList.contains(`ap-badge--${urgency}`)).toBe(true);
    expect(root.className.match(/ap-badge--\w+/g)).toEqual([`ap-badge--${urgency}`]);
    const button = screen.getByRole('button');
    expect(button.textContent).toBe(left >= 0 ? `${text}not received` : text);
    expect(button).toBe(screen.getByRole('button', { name: new RegExp(`^${text}`) }));
  });

  it('says the kind of the next deadline in words, and the last safe day in its name', () => {
    render(<Badge orderId="1" order={{ deadlines: [dl('card-chargeback', '2026-11-12'), dl('after-delivery', '2026-08-13')] }} now={NOW} />);
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe(
      'D-12 problem after delivery: AliProof, order 1: 12 days left, last safe day Aug 13, 2026',
    );
  });

  it('"no deadline" without the date attributes when there is no clock', () => {
    const { container } = render(<Badge orderId="1" order={{ deadlines: [] }} now={NOW} />);
    const root = badgeRoot(container);
    expect(root.hasAttribute('data-closes-on')).toBe(false);
    expect(root.hasAttribute('data-days-left')).toBe(false);
    expect(root.classList.contains('ap-badge--none')).toBe(true);
    expect(screen.getByRole('button').textContent).toBe('no deadline');
  });

  it('shows the tooltip on hover and on keyboard focus; Escape hides it', async () => {
    const user = userEvent.setup();
    render(<Badge orderId="1" order={{ deadlines: [dl('not-received', '2026-09-16')] }} now={NOW} />);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.hover(screen.getByRole('button'));
    expect(screen.getByRole('tooltip').textContent).toContain('not received: last safe day Sep 16, 2026 (46 days left)');
    await user.unhover(screen.getByRole('button'));
    expect(screen.queryByRole('tooltip')).toBeNull();

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button'));
    expect(screen.getByRole('tooltip')).toBeTruthy();
    expect(screen.getByRole('button').getAttribute('aria-describedby')).toBe(screen.getByRole('tooltip').id);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('keeps the tooltip in step with the badge: an open one changes at once, a closed one when next shown', async () => {
    const user = userEvent.setup();
    const order = (closesOn: string) => ({ deadlines: [dl('not-received', closesOn)] });
    const { rerender } = render(<Badge orderId="1" order={order('2026-09-16')} now={NOW} />);
    await user.hover(screen.getByRole('button'));
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Sep 16, 2026 (46 days left)');
    rerender(<Badge orderId="1" order={order('2026-09-20')} now={NOW} />);
    expect(screen.getByRole('tooltip')).toBe(tip);
    expect(tip.textContent).toContain('Sep 20, 2026 (50 days left)');
    rerender(<Badge orderId="1" order={order('2026-09-20')} now={NOW} />);
    expect(tip.textContent).toContain('Sep 20, 2026 (50 days left)');

    await user.unhover(screen.getByRole('button'));
    rerender(<Badge orderId="1" order={order('2026-09-25')} now={NOW} />);
    expect(screen.getByRole('button').textContent).toBe('D-55not received');
    await user.hover(screen.getByRole('button'));
    expect(screen.getByRole('tooltip').textContent).toContain('Sep 25, 2026 (55 days left)');
    expect(screen.getByRole('tooltip').textContent).not.toContain('Sep 20');
  });

  it('lists every clock with where its date comes from: page, rule, estimate, the user', async () => {
    const user = userEvent.setup();
    const f = facts('8200000000000007', {
      status: 'completed',
      placedOn: '2026-07-15', // no payment date: the chargeback clock falls back to it (estimate)
      paymentMethod: 'Credit/Debit card',
      pageNotes: [{ text: 'Refund if no delivery before Sep 4, 2026' }],
    });
    const e = effectiveOrder(record(f), { deliveredOn: { value: '2026-07-30', at: '2026-08-01T00:00:00Z' } }, { now: NOW });
    render(<Badge orderId={e.orderId} order={e.order} sources={e.sources} now={NOW} />);
    await user.hover(screen.getByRole('button'));
    const items = within(screen.getByRole('tooltip')).getAllByRole('listitem');
    expect(items).toHaveLength(e.order.deadlines.length);
    const lines = items.map((li) => li.textContent);
    expect(lines).toEqual([
      'problem after delivery: last safe day Aug 14, 2026 (13 days left) — computed from a date you entered (rule R-AD-15)',
      'not as described: last safe day Aug 14, 2026 (13 days left) — computed from a date you entered (rule R-NAD)',
      'not received: last safe day Sep 4, 2026 (34 days left) — read from the page',
      'card chargeback: last safe day Nov 12, 2026 (103 days left) — estimate: a date was missing (rule R-CB-120)',
    ]);
  });

  it('shows the earliest day and a plain rule', async () => {
    const user = userEvent.setup();
    const e = effectiveOrder(
      record(facts('8200000000000008', { status: 'awaiting-delivery', placedOn: '2026-07-15', paidOn: '2026-07-15', shippedOn: '2026-07-18', paymentMethod: 'PayPal' })),
      undefined,
      { now: NOW },
    );
    render(<Badge orderId={e.orderId} order={e.order} sources={e.sources} now={NOW} />);
    await user.hover(screen.getByRole('button'));
    expect(within(screen.getByRole('tooltip')).getAllByRole('listitem')[0].textContent).toBe(
      'not received: last safe day Sep 16, 2026 (46 days left) · earliest day Jul 29, 2026 — computed by rule R-NR-60',
    );
  });

  it('opens the order when clicked', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<Badge orderId="42424242" order={{ deadlines: [] }} now={NOW} onOpen={onOpen} />);
    await user.click(screen.getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith('42424242');
  });

  it('speaks Korean', () => {
    act(() => setLanguageSetting('ko'));
    render(<Badge orderId="1" order={{ deadlines: [dl('not-received', '2026-07-31')] }} now={NOW} />);
    expect(screen.getByRole('button').textContent).toBe('마감');
  });
});
