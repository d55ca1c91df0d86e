import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TemplatesPanel } from '@/components/case/TemplatesPanel';
import { ExportPanel, progressPercent } from '@/components/case/ExportPanel';
import { templateFacts } from '@/utils/templates';
import { buildTimeline } from '@/utils/case/timeline';
import { setLanguageSetting } from '@/utils/i18n';
import { copyText } from '@/utils/case/clipboard';
import type { ExportOptions } from '@/utils/bundle/collect';
import type { BundleResult } from '@/utils/bundle/build';
import { caseRecord, entryOf, NOW, storedEvidence } from '../bundle/fixtures';

const rec = caseRecord();
const entry = entryOf(rec);
const evidence = storedEvidence().map((s) => s.meta);
const facts = templateFacts(entry, evidence, NOW);
const timeline = buildTimeline({ entry, record: rec, evidence, now: NOW });

afterEach(() => act(() => setLanguageSetting('auto')));

describe('messages and letters', () => {
  it('copies a message with one click and says so', async () => {
    act(() => setLanguageSetting('en'));
    const user = userEvent.setup();
    const copied: string[] = [];
    render(<TemplatesPanel facts={facts} timeline={timeline} reason="not-received" copy={async (s) => (copied.push(s), true)} />);
    const card = screen.getByRole('article', { name: 'To the seller: item not received' });
    await user.click(within(card).getByRole('button', { name: 'Copy: To the seller: item not received' }));
    expect(copied[0]).toMatch(/^Hello Sunny Gadgets Store,/);
    expect(within(card).getByRole('status').textContent).toBe('Copied.');
    expect((within(card).getByRole('textbox', { name: 'Text (English)' }) as HTMLTextAreaElement).value).toBe(copied[0]);
    // the Korean letters are there too
    expect(screen.getByRole('article', { name: 'Card company: chargeback letter (Korean)' })).toBeTruthy();
    expect(screen.getByRole('article', { name: '1372 / KCA consultation: the facts to enter (Korean)' })).toBeTruthy();
  });

  it('shows a Korean explanation beside each English text for a Korean user', async () => {
    act(() => setLanguageSetting('ko'));
    const user = userEvent.setup();
    render(<TemplatesPanel facts={facts} timeline={timeline} reason="not-received" copy={async () => false} />);
    const card = screen.getByRole('article', { name: '판매자에게: 상품 미수령' });
    expect((within(card).getByRole('textbox', { name: '보낼 글 (영어)' }) as HTMLTextAreaElement).value).toMatch(/^Hello/);
    expect(within(card).getByRole('complementary', { name: '설명' }).textContent).toMatch(/판매자에게 보내는 영어 메시지/);
    await user.click(within(card).getByRole('button', { name: '복사: 판매자에게: 상품 미수령' }));
    expect(within(card).getByRole('status').textContent).toMatch(/복사하지 못했습니다/);
    // another situation
    await user.selectOptions(screen.getByRole('combobox', { name: '상황' }), 'damaged');
    expect(screen.getByRole('article', { name: '판매자에게: 파손되어 도착' })).toBeTruthy();
  });

  it('falls back to a selected textarea when the Clipboard API is missing', async () => {
    const exec = vi.fn(() => true);
    const doc = document as Document & { execCommand: typeof exec };
    const before = doc.execCommand;
    doc.execCommand = exec;
    const clip = Object.getOwnPropertyDescriptor(window.navigator, 'clipboard');
    Object.defineProperty(window.navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      expect(await copyText('hello')).toBe(true);
      expect(exec).toHaveBeenCalledWith('copy');
      expect(document.querySelector('textarea')).toBeNull(); // cleaned up
    } finally {
      doc.execCommand = before;
      if (clip) Object.defineProperty(window.navigator, 'clipboard', clip);
    }
  });
});

describe('the export panel', () => {
  beforeEach(() => act(() => setLanguageSetting('en')));

  it('shows a labelled progress bar with text while exporting, then what was saved', async () => {
    const user = userEvent.setup();
    let report!: ExportOptions['onProgress'];
    let finish!: (r: BundleResult) => void;
    const exporter = vi.fn((opts: ExportOptions) => {
      report = opts.onProgress;
      return new Promise<BundleResult>((r) => (finish = r));
    });
    const save = vi.fn();
    render(<ExportPanel entry={entry} record={rec} reason="not-received" note="my note" exporter={exporter} save={save} />);
    const button = screen.getByRole('button', { name: 'Export evidence bundle (.zip)' });
    expect(button.getAttribute('data-aliproof')).toBe('export-bundle');
    await user.click(button);
    act(() => report!({ stage: 'evidence', done: 3, total: 20 }));
    const bar = screen.getByRole('progressbar', { name: 'Export progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(progressPercent({ stage: 'evidence', done: 3, total: 20 })));
    expect(bar.getAttribute('aria-valuetext')).toBe('Adding capture 3 of 20…');
    expect(screen.getByText('Adding capture 3 of 20…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Exporting…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(exporter.mock.calls[0][0]).toMatchObject({ note: 'my note', jpegMaxBytes: 2 * 1024 * 1024, reason: 'not-received', lang: 'en' });
    const blob = new Blob(['zip']);
    await act(async () => finish({ blob, filename: 'aliproof-x.zip', folder: 'aliproof-x', files: new Array(9), sums: '', problems: [], stats: { originals: 1, copies: 0, jpegs: 1, prepared: 0, bytes: 3, ms: 1 } }));
    expect(save).toHaveBeenCalledWith(blob, 'aliproof-x.zip');
    expect(screen.getByRole('status').textContent).toBe('Saved aliproof-x.zip (1 kB). 10 files, every one listed with its SHA-256.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says in plain words what failed', async () => {
    const user = userEvent.setup();
    const exporter = vi.fn(async () => {
      throw new Error('the list of captures could not be read (AliProof\'s background did not answer)');
    });
    render(<ExportPanel entry={entry} reason="not-received" exporter={exporter} save={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Export evidence bundle (.zip)' }));
    expect((await screen.findByRole('alert')).textContent).toBe("The bundle was not made: the list of captures could not be read (AliProof's background did not answer)");
    expect((screen.getByRole('button', { name: 'Export evidence bundle (.zip)' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('refuses a size limit it cannot meet', async () => {
    const user = userEvent.setup();
    render(<ExportPanel entry={entry} reason="not-received" exporter={vi.fn()} save={vi.fn()} />);
    const input = screen.getByRole('spinbutton', { name: 'Largest image for AliExpress (MB)' });
    await user.clear(input);
    await user.type(input, '0.05');
    expect(screen.getByText('Enter a size between 0.2 and 50 MB.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export evidence bundle (.zip)' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
