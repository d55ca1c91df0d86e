import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { ConnectedSidebar, Sidebar, type SidebarProps } from '@/components/Sidebar';
import { effectiveOrder, effectiveOrders } from '@/utils/store/effective';
import type { Checklists } from '@/utils/store/items';
import { replaceCases } from '@/utils/cases/case-storage';
import { createAliProofStores, type AliProofStores } from '@/utils/store/stores';
import { applyReading, emptyCaseStore } from '@/utils/cases/case-store';
import { setLanguageSetting } from '@/utils/i18n';
import { IN_TRANSIT, NOW, facts, record } from '../store/factories';

const ORDER_ID = IN_TRANSIT.orderId;

function listOrders() {
  const cases = {
    a: record(facts('1000000001', { status: 'awaiting-delivery', store: { name: 'Far Store' }, pageNotes: [{ text: 'Refund if no delivery before Aug 21, 2026' }] })),
    b: record(facts('1000000002', { status: 'awaiting-delivery', store: { name: 'Near Store' }, pageNotes: [{ text: 'Refund if no delivery before Aug 4, 2026' }] })),
    c: record(facts('1000000003', { status: 'completed', placedOn: '2026-01-05', paidOn: '2026-01-05', deliveredOn: '2026-02-01', completedOn: '2026-02-01' })),
    d: record(facts('1000000004')),
  };
  return effectiveOrders(cases, {}, { now: NOW });
}

function renderSidebar(props: Partial<SidebarProps> = {}) {
  const onClose = vi.fn();
  const utils = render(<Sidebar mode="list" orders={[]} now={NOW} onClose={onClose} {...props} />);
  return { ...utils, onClose, sidebar: screen.getByRole('complementary', { name: 'AliProof' }) };
}

beforeEach(() => act(() => setLanguageSetting('en')));
afterEach(() => act(() => setLanguageSetting('auto')));

describe('Sidebar, list mode', () => {
  it('lists every order by urgency, with id, store, status and badge', async () => {
    const user = userEvent.setup();
    const onOpenOrder = vi.fn();
    const { sidebar } = renderSidebar({ orders: [...listOrders()].reverse(), onOpenOrder });
    expect(within(sidebar).getByRole('heading', { level: 2, name: 'Your orders, nearest deadline first' })).toBeTruthy();
    const open = within(sidebar).getAllByRole('button', { name: /^Open order/ });
    expect(open.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Open order 1000000002',
      'Open order 1000000001',
      'Open order 1000000003',
      'Open order 1000000004',
    ]);
    const rows = sidebar.querySelectorAll<HTMLElement>('.ap-order-row');
    expect(rows[0].textContent).toContain('Near Store');
    expect(rows[0].textContent).toContain('awaiting delivery');
    expect(rows[0].querySelector('[data-aliproof="badge"]')!.getAttribute('data-days-left')).toBe('3');
    await user.click(open[0]);
    expect(onOpenOrder).toHaveBeenCalledWith('1000000002');
  });

  it('says so when there is no order yet', () => {
    renderSidebar();
    expect(screen.getByText(/No orders yet/)).toBeTruthy();
  });

  it('closes with the close button and with Escape', async () => {
    const user = userEvent.setup();
    const { onClose } = renderSidebar({ orders: listOrders(), onOpenOrder: () => {} });
    await user.click(screen.getByRole('button', { name: 'Close AliProof' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    screen.getAllByRole('button', { name: /^Open order/ })[0].focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('switches between Korean and English at once', async () => {
    const user = userEvent.setup();
    renderSidebar({ orders: listOrders(), onOpenOrder: () => {} });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ko');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('기한이 가까운 순서의 주문');
    expect(screen.getAllByRole('button', { name: /^주문 \d+ 열기$/ })).toHaveLength(4);
    expect(screen.getByRole('complementary', { name: 'AliProof' }).getAttribute('lang')).toBe('ko');
    await user.selectOptions(screen.getByRole('combobox', { name: '언어 (Language)' }), 'en');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Your orders, nearest deadline first');
  });
});

describe('Sidebar, order mode', () => {
  const stalled = facts(ORDER_ID, {
    ...IN_TRANSIT,
    tracking: { events: [{ at: '2026-07-20T10:00', text: 'Departed from sorting center' }] },
  });
  const entry = effectiveOrder(record(stalled), undefined, { now: NOW });

  it('shows status, facts with their source, every clock, the next step and tracking alerts', () => {
    renderSidebar({ mode: 'order', orderId: ORDER_ID, orders: [entry], onBack: () => {} });
    expect(screen.getByRole('heading', { level: 2, name: `Order ${ORDER_ID}` })).toBeTruthy();
    expect(screen.getByText('Status: awaiting delivery')).toBeTruthy();

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['not-received', 'card-chargeback']);
    expect(rows[0].textContent).toBe('not receivedJul 29, 2026Sep 16, 202646 days leftcomputed by rule R-NR-60');
    expect(within(table).getByRole('columnheader', { name: 'Last safe day' })).toBeTruthy();

    const next = screen.getByRole('region', { name: 'Next step' });
    expect(next.textContent).toContain('Tracking has not moved for 12 days: message the seller and capture the chat.');
    expect(next.textContent).toContain('Last safe day for a "not received" dispute: Sep 16, 2026 (46 days left).');
    expect(screen.getByRole('region', { name: 'Tracking alerts' }).textContent).toContain('No tracking update for 12 days');

    const factsRegion = screen.getByRole('region', { name: 'Order facts' });
    const shipped = factsRegion.querySelector('[data-fact="shippedOn"]')!;
    expect(shipped.textContent).toContain('Jul 18, 2026');
    expect(shipped.textContent).toContain('from the page');
    expect(factsRegion.querySelector('[data-fact="deliveredOn"]')!.textContent).toContain('not read');

    // a problem is open (stalled), so the "Confirm received" warning shows
    expect(screen.getByRole('region', { name: 'Before you click' }).textContent).toContain('Confirm received');
    const help = screen.getByRole('region', { name: 'Help' });
    expect(within(help).getAllByRole('listitem').map((li) => li.textContent)).toContain(
      'Phone 1877-4816: weekdays 09:00–18:00; no phone help outside these hours.',
    );
    expect(help.textContent).toContain('not confirmed on an AliExpress page');
  });

  it('ticks the checklist from captured evidence and by hand', async () => {
    const user = userEvent.setup();
    const onTick = vi.fn();
    function Stateful() {
      const [checklists, setChecklists] = useState<Checklists>({});
      return (
        <Sidebar
          mode="order"
          orderId={ORDER_ID}
          orders={[entry]}
          now={NOW}
          onClose={() => {}}
          capturedKinds={['chat', 'tracking']}
          checklists={checklists}
          onSetReason={(id, reason) => setChecklists((c) => ({ ...c, [id]: { ...(c[id] ?? { ticks: {} }), reason } }))}
          onTick={(id, item, ticked) => {
            onTick(id, item, ticked);
            setChecklists((c) => ({ ...c, [id]: { ...c[id], ticks: { ...c[id]?.ticks, [item]: ticked } } }));
          }}
        />
      );
    }
    render(<Stateful />);
    const evidence = screen.getByRole('region', { name: 'Evidence checklist' });
    expect((within(evidence).getByRole('combobox', { name: 'Dispute reason' }) as HTMLSelectElement).value).toBe('not-received');
    const chat = within(evidence).getByRole('checkbox', { name: /Chat with the seller/ }) as HTMLInputElement;
    const receipt = within(evidence).getByRole('checkbox', { name: 'Payment receipt' }) as HTMLInputElement;
    expect(chat.checked).toBe(true);
    expect(receipt.checked).toBe(false);
    expect(evidence.textContent).toContain('2 of 4 collected');

    await user.click(receipt);
    expect(onTick).toHaveBeenLastCalledWith(ORDER_ID, 'nr-receipt', true);
    expect(receipt.checked).toBe(true);
    await user.click(chat); // the user's untick beats the capture
    expect(chat.checked).toBe(false);
    expect(evidence.textContent).toContain('2 of 4 collected');

    await user.selectOptions(within(evidence).getByRole('combobox', { name: 'Dispute reason' }), 'not-as-described');
    expect((within(evidence).getByRole('checkbox', { name: /Product page as listed/ }) as HTMLInputElement).checked).toBe(false);
    expect((within(evidence).getByRole('checkbox', { name: /Chat with the seller/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('gives every control an accessible name and reaches them all with Tab', async () => {
    const user = userEvent.setup();
    renderSidebar({ mode: 'order', orderId: ORDER_ID, orders: [entry], onBack: () => {}, onSaveFact: () => {}, onClearFact: () => {}, onTick: () => {}, onSetReason: () => {} });
    for (const role of ['button', 'checkbox', 'combobox', 'textbox'] as const) {
      expect(screen.getAllByRole(role, { name: /\S/ })).toHaveLength(screen.getAllByRole(role).length);
    }
    const controls = [...document.querySelectorAll<HTMLElement>('aside button, aside input, aside select')];
    const reached = new Set<Element>();
    for (let i = 0; i < controls.length + 2; i++) {
      await user.tab();
      reached.add(document.activeElement!);
    }
    expect(controls.filter((c) => !reached.has(c))).toEqual([]);
  });

  it('validates the fix-the-facts form and does not save a bad date', async () => {
    const user = userEvent.setup();
    const onSaveFact = vi.fn();
    renderSidebar({ mode: 'order', orderId: ORDER_ID, orders: [entry], onSaveFact });
    const value = screen.getByRole('textbox', { name: 'New value' });
    await user.type(value, '2026-02-30{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('That date does not exist.');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(value.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    await user.clear(value);
    await user.type(value, '2026-08-09{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('That date is in the future.');
    expect(onSaveFact).not.toHaveBeenCalled();
  });
});

describe('ConnectedSidebar on the stores', () => {
  let stores: AliProofStores;
  beforeEach(async () => {
    fakeBrowser.reset();
    await replaceCases(
      applyReading(emptyCaseStore(), { kind: 'order-detail', orders: [IN_TRANSIT], problems: [] }, { url: 'https://www.aliexpress.com/p/order/detail.html', at: '2026-08-01T00:00:00Z' }),
    );
    stores = createAliProofStores();
  });
  afterEach(() => stores.stop());

  it('the fix form saves a delivery date; the clocks update (R-AD-15 appears)', async () => {
    const user = userEvent.setup();
    render(<ConnectedSidebar orderId={ORDER_ID} stores={stores} now={NOW} onClose={() => {}} />);
    const table = await screen.findByRole('table');
    expect(table.querySelector('[data-kind="after-delivery"]')).toBeNull();
    expect(table.querySelector('[data-kind="not-received"]')).not.toBeNull();

    const fix = screen.getByRole('region', { name: 'Fix the facts' });
    await user.selectOptions(within(fix).getByRole('combobox', { name: 'Fact to fix' }), 'deliveredOn');
    await user.type(within(fix).getByRole('textbox', { name: 'New value' }), '2026-07-30{Enter}');
    expect((await within(fix).findByRole('status')).textContent).toBe('Saved: Delivery date = Jul 30, 2026');

    const row = await screen.findByRole('row', { name: /problem after delivery/ });
    expect(row.textContent).toContain('Aug 14, 2026');
    expect(row.textContent).toContain('computed from a date you entered (rule R-AD-15)');
    expect(screen.getByRole('table').querySelector('[data-kind="not-received"]')).toBeNull();
    const delivered = screen.getByRole('region', { name: 'Order facts' }).querySelector('[data-fact="deliveredOn"]')!;
    expect(delivered.textContent).toContain('you entered');
    expect(await storage.getItem('local:userFacts')).toMatchObject({ [ORDER_ID]: { deliveredOn: { value: '2026-07-30' } } });

    // and back to the page's value
    await user.click(screen.getByRole('button', { name: 'Use the page value for Delivery date' }));
    await vi.waitFor(() => expect(screen.getByRole('table').querySelector('[data-kind="after-delivery"]')).toBeNull());
  });

  it('opens an order from the list, goes back, and persists the language', async () => {
    const user = userEvent.setup();
    render(<ConnectedSidebar stores={stores} now={NOW} onClose={() => {}} />);
    await user.click(await screen.findByRole('button', { name: `Open order ${ORDER_ID}` }));
    expect(screen.getByRole('heading', { level: 2, name: `Order ${ORDER_ID}` })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    await user.click(screen.getByRole('button', { name: /All orders/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ko');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('기한이 가까운 순서의 주문');
    await vi.waitFor(async () => expect(await storage.getItem('local:settings')).toMatchObject({ language: 'ko' }));
  });

  it('the "not received" checkbox saves a user flag and changes the advice', async () => {
    const user = userEvent.setup();
    render(<ConnectedSidebar orderId={ORDER_ID} stores={stores} now={NOW} onClose={() => {}} />);
    await user.click(await screen.findByRole('checkbox', { name: 'I have not received this parcel' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('region', { name: 'Next step' }).textContent).toContain('You report it has not arrived'),
    );
    expect(await storage.getItem('local:userFacts')).toMatchObject({ [ORDER_ID]: { notReceived: { value: 'true' } } });
  });
});

describe('listing links in the evidence section', () => {
  it('links each AliExpress listing of the order with the order in the address, and nothing else', async () => {
    const { render: r, screen: s } = await import('@testing-library/react');
    const { PageEvidence } = await import('@/components/page/PageEvidence');
    const page = { kind: 'order-list' as const };
    r(
      <PageEvidence
        orderId="8212313961591322"
        page={page}
        items={[
          { title: 'USB cable', url: 'https://www.aliexpress.com/item/1005006123456789.html' },
          { title: 'Elsewhere', url: 'https://evil.example/item/1.html' },
          { title: 'No link' },
        ]}
      />,
    );
    const link = s.getByRole('link', { name: /USB cable/ });
    expect(link.getAttribute('href')).toBe('https://www.aliexpress.com/item/1005006123456789.html#aliproof-order=8212313961591322');
    expect(s.queryByRole('link', { name: /Elsewhere/ })).toBeNull();
  });
});
