import { unzipSync } from 'fflate';
import { downloadName, makeZip } from '@/utils/evidence/download';

describe('the download offered when a save fails', () => {
  it('is one zip with every file and a listing of their hashes', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const txt = new Blob(['AliProof chat transcript\n'], { type: 'text/plain' });
    const zip = await makeZip(
      [
        { name: 'chat-part-1-of-1.png', blob: png, sha256: 'a'.repeat(64) },
        { name: 'transcript.txt', blob: txt, sha256: 'b'.repeat(64) },
      ],
      { kind: 'chat', saveError: 'no room left' },
    );
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['capture.json', 'chat-part-1-of-1.png', 'transcript.txt']);
    expect(Array.from(files['chat-part-1-of-1.png'])).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const listing = JSON.parse(new TextDecoder().decode(files['capture.json']));
    expect(listing.saveError).toBe('no room left');
    expect(listing.files).toEqual([
      { name: 'chat-part-1-of-1.png', bytes: 4, sha256: 'a'.repeat(64) },
      { name: 'transcript.txt', bytes: 25, sha256: 'b'.repeat(64) },
    ]);
  });

  it('is named after the kind, the order and the UTC time', () => {
    expect(downloadName('chat', '8212313961591322', new Date('2026-08-03T05:04:09.123Z'))).toBe('aliproof-chat-8212313961591322-20260803-050409Z.zip');
    expect(downloadName('product-page', undefined, new Date('2026-08-03T05:04:09Z'))).toBe('aliproof-product-page-20260803-050409Z.zip');
  });
});
