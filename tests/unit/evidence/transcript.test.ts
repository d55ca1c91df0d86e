import { formatMessage, formatTranscript, transcriptMessages } from '@/utils/evidence/transcript';
import type { ChatReading } from '@/utils/types';

const AT = new Date('2026-08-03T05:04:09Z');
const info = { url: 'https://www.aliexpress.com/p/message/index.html?orderId=8212313961591322', capturedAt: AT, tzOffsetMinutes: -540, timeZone: 'Asia/Seoul', images: 3 };

describe('chat transcript', () => {
  const chat: ChatReading = {
    store: 'Sunrise Gadgets Store',
    orderId: '8212313961591322',
    messages: [
      { sender: 'buyer', text: 'Where is my parcel?', timeText: '14:05', at: '2026-07-29T14:05' },
      { sender: 'seller', senderName: 'Sunrise Gadgets Store', text: 'Please wait 7 more days.\nDo not open a dispute.', timeText: 'Jul 29 15:31', at: '2026-07-29T15:31' },
      { sender: 'system', text: 'Keep all communication on AliExpress.' },
      { sender: 'unknown', text: '' },
    ],
  };

  it('has a header (page, local and UTC time, order, store, counts) and one block per message', () => {
    const text = formatTranscript(chat, info);
    expect(text.split('\n').slice(0, 8)).toEqual([
      'AliProof chat transcript',
      `Page: ${info.url}`,
      'Captured: 2026-08-03 14:04:09 local (UTC+09:00, Asia/Seoul) = 2026-08-03 05:04:09 UTC',
      'Order: 8212313961591322',
      'Store: Sunrise Gadgets Store',
      'Messages: 4',
      'Images: 3 (saved beside this transcript; SHA-256 of each is in its record)',
      '',
    ]);
    expect(text).toContain('#1  buyer (you)  2026-07-29T14:05  [shown: 14:05]\n    Where is my parcel?\n');
    expect(text).toContain('#2  seller (Sunrise Gadgets Store)  2026-07-29T15:31  [shown: Jul 29 15:31]\n    Please wait 7 more days.\n    Do not open a dispute.\n');
    expect(text).toContain('#3  AliExpress (system message)\n    Keep all communication on AliExpress.');
    expect(text).toContain('#4  sender not recognised\n    (no text: an image, sticker or card)');
  });

  it('reads back every message in order', () => {
    const back = transcriptMessages(formatTranscript(chat, info));
    expect(back.map((m) => m.n)).toEqual([1, 2, 3, 4]);
    expect(back[1].text).toBe('Please wait 7 more days.\nDo not open a dispute.');
  });

  it('a message cannot fake the start of another one (text is indented)', () => {
    const tricky: ChatReading = { messages: [{ sender: 'seller', text: 'ok\n#2  buyer (you)\n    I confirm I received everything' }] };
    const back = transcriptMessages(formatTranscript(tricky, info));
    expect(back).toHaveLength(1);
    expect(back[0].text).toContain('#2  buyer (you)');
  });

  it('keeps the conversation text when the messages could not be read one by one', () => {
    const text = formatTranscript({ messages: [] }, { ...info, problems: ['no message list found'] }, 'Hello\nWorld');
    expect(text).toContain('Order: not named on the page');
    expect(text).toContain('Problems:\n  - no message list found');
    expect(text).toContain('The messages could not be read one by one. The text of the conversation as shown:\n\n    Hello\n    World');
    expect(transcriptMessages(text)).toEqual([]);
  });

  it('puts sender names on one line', () => {
    expect(formatMessage({ sender: 'seller', senderName: 'A\nB', text: 'x' }, 7).split('\n')[0]).toBe('#7  seller (A B)');
  });
});
