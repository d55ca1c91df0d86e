import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaptureButton } from '@/components/CaptureButton';
import { setLanguageSetting } from '@/utils/i18n';
import type { CaptureOutcome, CaptureProgress } from '@/utils/evidence/client';

beforeEach(() => act(() => setLanguageSetting('en')));
afterEach(() => act(() => setLanguageSetting('auto')));

const saved: CaptureOutcome = {
  ok: true,
  kind: 'chat',
  parts: 3,
  messages: 300,
  problems: [],
  saved: [{ derivedFrom: 'x' } as never],
};

describe('CaptureButton', () => {
  it('one click: shows progress, then what was saved', async () => {
    let report!: (p: CaptureProgress) => void;
    let finish!: (o: CaptureOutcome) => void;
    const capture = vi.fn((onProgress: (p: CaptureProgress) => void) => {
      report = onProgress;
      return new Promise<CaptureOutcome>((r) => (finish = r));
    });
    render(<CaptureButton label="Capture this chat" capture={capture} />);
    const button = screen.getByRole('button', { name: 'Capture this chat' });
    await userEvent.click(button);
    expect(capture).toHaveBeenCalledTimes(1);
    expect((button as HTMLButtonElement).disabled).toBe(true);
    act(() => report({ stage: 'rendering', done: 1, total: 3 }));
    expect(screen.getByRole('status').textContent).toBe('Capturing image 2 of 3…');
    act(() => report({ stage: 'saving' }));
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await act(async () => finish(saved));
    expect(screen.getByRole('status').textContent).toContain('Saved 3 images and a transcript of 300 messages.');
    expect(screen.getByRole('status').textContent).toContain('A copy with personal details hidden was saved too.');
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('a failed save: plain words and a download link the user clicks', async () => {
    const blob = new Blob(['zip']);
    const outcome: CaptureOutcome = {
      ok: false,
      kind: 'chat',
      parts: 3,
      problems: ['1 image(s) could not be re-read'],
      saved: [],
      error: 'Your browser has no room left for AliProof evidence (storage quota exceeded). Nothing was saved.',
      errorCode: 'quota',
      download: { filename: 'aliproof-chat-1.zip', blob },
    };
    render(<CaptureButton label="Capture this chat" capture={async () => outcome} />);
    await userEvent.click(screen.getByRole('button'));
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Not saved: your browser has no room left for AliProof evidence.');
    expect(status.textContent).toContain('Note: 1 image(s) could not be re-read');
    const link = screen.getByRole('link', { name: 'Download the capture (.zip)' });
    expect(link.getAttribute('download')).toBe('aliproof-chat-1.zip');
    expect(link.getAttribute('href')).toMatch(/^blob:/);
  });

  it('pick mode cancelled with Escape; an unexpected throw is shown, not swallowed', async () => {
    const { unmount } = render(<CaptureButton label="Capture" capture={async () => ({ ok: false, cancelled: true, kind: 'chat', parts: 0, saved: [], problems: [] })} />);
    await userEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('status').textContent).toBe('Capture cancelled: nothing was picked.');
    unmount();
    render(<CaptureButton label="Capture" capture={() => Promise.reject(new Error('boom'))} />);
    await userEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('status').textContent).toContain('The capture could not be made.');
    expect(screen.getByRole('status').textContent).toContain('boom');
  });

  it('speaks Korean', async () => {
    act(() => setLanguageSetting('ko'));
    render(<CaptureButton label="이 채팅 캡처" capture={async () => saved} />);
    await userEvent.click(screen.getByRole('button', { name: '이 채팅 캡처' }));
    expect(screen.getByRole('status').textContent).toContain('이미지 3장과 메시지 300개의 대화 기록을 저장했습니다.');
  });
});
