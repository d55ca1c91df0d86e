import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Gallery, galleryOrder } from '@/components/Gallery';
import { setLanguageSetting } from '@/utils/i18n';
import { bytesToDataUrl } from '@/utils/evidence/data-url';
import type { Send } from '@/utils/evidence/client';
import type { EvidenceMessage, EvidenceMeta } from '@/utils/evidence/types';

beforeEach(() => act(() => setLanguageSetting('en')));
afterEach(() => act(() => setLanguageSetting('auto')));

const ORDER = '8212313961591322';
const meta = (id: string, over: Partial<EvidenceMeta> = {}): EvidenceMeta => ({
  id,
  captureId: 'c1',
  kind: 'chat',
  orderId: ORDER,
  url: 'https://www.aliexpress.com/p/message/index.html',
  title: 'Messages',
  capturedAt: '2026-08-03T05:04:09.000Z',
  method: 'html2canvas-1.4.1+rgb-colours',
  bytes: 3,
  mime: 'image/png',
  sha256: 'ab'.repeat(32),
  extensionVersion: '0.1.0',
  part: { index: 1, count: 2 },
  thumb: 'data:image/jpeg;base64,AA==',
  ...over,
});

function fakeBackground(initial: EvidenceMeta[]) {
  let items = [...initial];
  const sent: EvidenceMessage[] = [];
  const send: Send = async (m) => {
    sent.push(m);
    switch (m.type) {
      case 'list-evidence':
        return { ok: true, items: items.filter((i) => i.orderId === m.orderId) };
      case 'get-evidence': {
        const found = items.find((i) => i.id === m.id)!;
        const bytes = found.mime === 'text/plain' ? new TextEncoder().encode('#1  seller\n    <b>not html</b>') : new Uint8Array([1, 2, 3]);
        return { ok: true, meta: found, dataUrl: bytesToDataUrl(bytes, found.mime) };
      }
      case 'update-note': {
        items = items.map((i) => (i.id === m.id ? { ...i, note: m.note } : i));
        return { ok: true, meta: items.find((i) => i.id === m.id) };
      }
      case 'delete-evidence': {
        const gone = [m.id, ...items.filter((i) => i.derivedFrom === m.id).map((i) => i.id)];
        items = items.filter((i) => !gone.includes(i.id));
        return { ok: true, deleted: gone };
      }
      default:
        return { ok: false, error: 'unexpected' };
    }
  };
  return { send, sent };
}

const ITEMS = [
  meta('p1'),
  meta('p2', { part: { index: 2, count: 2 } }),
  meta('r1', { derivedFrom: 'p1', capturedAt: '2026-08-03T05:04:09.000Z' }),
  meta('t', { kind: 'transcript', mime: 'text/plain', messages: 300, thumb: undefined, part: undefined }),
];

describe('Gallery', () => {
  it('lists an order’s captures with copies after their original', async () => {
    expect(galleryOrder(ITEMS).map((i) => i.id)).toEqual(['p1', 'r1', 'p2', 't']);
    const bg = fakeBackground(ITEMS);
    render(<Gallery orderId={ORDER} send={bg.send} />);
    const buttons = await screen.findAllByRole('button', { name: /^Open / });
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Open Seller chat · part 1 of 2 full size',
      'Open Seller chat · part 1 of 2 · redacted copy full size',
      'Open Seller chat · part 2 of 2 full size',
      'Open Chat transcript · 300 messages full size',
    ]);
    expect(screen.getAllByText(/SHA-256 abababababab…/)).toHaveLength(4);
  });

  it('says when there is nothing yet, and when the list cannot be loaded', async () => {
    render(<Gallery orderId="1111111111" send={fakeBackground(ITEMS).send} />);
    expect(await screen.findByText('No captures for this order yet.')).toBeTruthy();
    render(<Gallery orderId={ORDER} send={async () => ({ ok: false, error: 'store closed' })} />);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The evidence could not be loaded: store closed');
  });

  it('opens full size in a dialog; Escape closes it and focus returns to the thumbnail', async () => {
    const bg = fakeBackground(ITEMS);
    render(<Gallery orderId={ORDER} send={bg.send} />);
    const thumb = (await screen.findAllByRole('button', { name: /^Open Seller chat · part 2/ }))[0];
    await userEvent.click(thumb);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBe(document.activeElement);
    await waitFor(() => expect(within(dialog).getByRole('img').getAttribute('src')).toBe('data:image/png;base64,AQID'));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(thumb));
  });

  it('shows a transcript as text (never as HTML) and saves a note', async () => {
    const bg = fakeBackground(ITEMS);
    render(<Gallery orderId={ORDER} send={bg.send} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Open Chat transcript/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.querySelector('pre')!.textContent).toContain('<b>not html</b>'));
    expect(dialog.querySelector('b')).toBeNull();
    await userEvent.type(within(dialog).getByLabelText('Note'), 'seller promised a refund');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save note' }));
    expect(await within(dialog).findByText('Note saved.')).toBeTruthy();
    expect(bg.sent).toContainEqual({ type: 'update-note', id: 't', note: 'seller promised a refund' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('“seller promised a refund”')).toBeTruthy();
  });

  it('Tab stays inside the dialog', async () => {
    render(<Gallery orderId={ORDER} send={fakeBackground(ITEMS).send} />);
    await userEvent.click((await screen.findAllByRole('button', { name: /^Open / }))[0]);
    const dialog = await screen.findByRole('dialog');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const save = within(dialog).getByRole('button', { name: 'Save note' });
    save.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(close);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(save);
  });

  it('deletes only after confirmation, with its redacted copy; "Keep it" is the focused choice', async () => {
    const bg = fakeBackground(ITEMS);
    render(<Gallery orderId={ORDER} send={bg.send} />);
    await screen.findAllByRole('button', { name: /^Open / });
    const first = document.querySelector('[data-evidence-id="p1"]') as HTMLElement;
    await userEvent.click(within(first).getByRole('button', { name: 'Delete' }));
    expect(within(first).getByText('Delete this capture and its redacted copy for good? It cannot be undone.')).toBeTruthy();
    expect(document.activeElement).toBe(within(first).getByRole('button', { name: 'Keep it' }));
    await userEvent.keyboard('{Enter}'); // keeps it
    expect(bg.sent.some((m) => m.type === 'delete-evidence')).toBe(false);
    await userEvent.click(within(first).getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(first).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Open / })).toHaveLength(2));
    expect(bg.sent).toContainEqual({ type: 'delete-evidence', id: 'p1' });
    expect(screen.getByText('Deleted.')).toBeTruthy();
  });

  it('speaks Korean', async () => {
    act(() => setLanguageSetting('ko'));
    render(<Gallery orderId={ORDER} send={fakeBackground(ITEMS).send} />);
    expect(await screen.findByRole('heading', { name: '증거' })).toBeTruthy();
    expect((await screen.findAllByRole('button', { name: /판매자 채팅/ })).length).toBeGreaterThan(0);
  });
});
