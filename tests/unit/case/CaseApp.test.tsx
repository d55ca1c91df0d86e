import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { CaseApp } from '@/components/case/CaseApp';
import { createCaseMirrors, type CaseMirrors } from '@/components/case/case-stores';
import { replaceCases } from '@/utils/cases/case-storage';
import { createAliProofStores, type AliProofStores } from '@/utils/store/stores';
import { emptyCaseStore } from '@/utils/cases/case-store';
import { setLanguageSetting } from '@/utils/i18n';
import type { Send } from '@/utils/evidence/client';
import { caseRecord, HOSTILE, NOW, ORDER_ID, storedEvidence } from '../bundle/fixtures';

let stores: AliProofStores;
let mirrors: CaseMirrors;
const metas = storedEvidence({ hostile: true }).map((s) => s.meta);
const send: Send = async (msg) => (msg.type === 'list-evidence' ? { ok: true, items: metas } : { ok: false, error: 'not in this test' });

beforeEach(async () => {
  fakeBrowser.reset();
  const store = emptyCaseStore();
  store.cases[ORDER_ID] = caseRecord(HOSTILE, `Cable ${HOSTILE}`);
  await replaceCases(store);
  stores = createAliProofStores();
  mirrors = createCaseMirrors();
  act(() => setLanguageSetting('en'));
  window.location.hash = '';
});
afterEach(() => {
  stores.stop();
  mirrors.notes.stop();
  mirrors.evidenceIndex.stop();
  act(() => setLanguageSetting('auto'));
});

describe('the case page', () => {
  it('lists the orders, opens one case by its link, and goes back', async () => {
    const user = userEvent.setup();
    render(<CaseApp stores={stores} mirrors={mirrors} now={NOW} send={send} />);
    const link = await screen.findByRole('link', { name: `Open the case of order ${ORDER_ID}` });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your orders, nearest deadline first');
    await user.click(link);
    await act(async () => window.dispatchEvent(new HashChangeEvent('hashchange')));
    const h1 = await screen.findByRole('heading', { level: 1, name: `Order ${ORDER_ID}` });
    expect(document.activeElement).toBe(h1);
    for (const name of ['Evidence bundle', 'Clocks, facts and checklist', 'Timeline', 'Your note', 'Messages and letters']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Export evidence bundle (.zip)' }).getAttribute('data-aliproof')).toBe('export-bundle');
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(await within(timeline).findByText(/Tracking captured again: no new event/)).toBeTruthy();
    await user.click(screen.getByRole('link', { name: /All orders/ }));
    await act(async () => window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your orders, nearest deadline first' })).toBeTruthy();
  });

  it('shows hostile page text as text everywhere on the page', async () => {
    window.location.hash = `#order=${ORDER_ID}`;
    const { container } = render(<CaseApp stores={stores} mirrors={mirrors} now={NOW} send={send} />);
    await screen.findByRole('heading', { level: 1, name: `Order ${ORDER_ID}` });
    await within(screen.getByRole('region', { name: 'Timeline' })).findAllByText(/Departed from sorting center/);
    expect(container.querySelectorAll('script')).toHaveLength(0);
    for (const img of container.querySelectorAll('img')) expect(img.getAttribute('src') ?? '').toMatch(/^data:image\//);
    expect(container.textContent).toContain(`Cable ${HOSTILE}`);
    expect(document.title).not.toBe('pwned');
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('saves the note to local:caseNotes', async () => {
    const user = userEvent.setup();
    window.location.hash = `#order=${ORDER_ID}`;
    render(<CaseApp stores={stores} mirrors={mirrors} now={NOW} send={send} />);
    const box = await screen.findByRole('textbox', { name: `Note for order ${ORDER_ID} (only on this computer)` });
    await user.type(box, 'Seller asked me to wait until Aug 20');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Note saved.')).toBeTruthy();
    expect(await storage.getItem('local:caseNotes')).toMatchObject({ [ORDER_ID]: { text: 'Seller asked me to wait until Aug 20' } });
  });

  it('says so when the order is unknown', async () => {
    window.location.hash = '#order=1234567890123';
    render(<CaseApp stores={stores} mirrors={mirrors} now={NOW} send={send} />);
    expect(await screen.findByText(/AliProof has no record of order 1234567890123 yet/)).toBeTruthy();
  });
});
