import { isSha256Hex, sha256Hex, toHex } from '@/utils/evidence/hash';
import { base64ToBytes, bytesToBase64, bytesToDataUrl, dataUrlBytes, parseDataUrl } from '@/utils/evidence/data-url';

describe('SHA-256 of evidence bytes', () => {
  it('matches the standard test vectors', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a Blob the same as its bytes', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(await sha256Hex(new Blob([bytes]))).toBe(await sha256Hex(bytes));
  });

  it('recognises a hash', () => {
    expect(isSha256Hex('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')).toBe(true);
    expect(isSha256Hex('BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD')).toBe(false);
    expect(isSha256Hex('abc')).toBe(false);
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });
});

describe('data URLs (how bytes travel in runtime messages)', () => {
  it('round-trips any bytes, large ones included', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7 + 3) % 256);
    const url = bytesToDataUrl(bytes, 'image/png');
    const parsed = parseDataUrl(url)!;
    expect(parsed.mime).toBe('image/png');
    expect(parsed.bytes).toEqual(bytes);
    expect(dataUrlBytes(url)).toBe(bytes.length);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('reads parameters before ;base64 and rejects what is not a base64 data URL', () => {
    expect(parseDataUrl('data:text/plain;charset=utf-8;base64,aGk=')).toEqual({ mime: 'text/plain', bytes: new TextEncoder().encode('hi') });
    expect(parseDataUrl('data:text/plain,hi')).toBeUndefined();
    expect(parseDataUrl('https://ae01.alicdn.com/x.png')).toBeUndefined();
    expect(parseDataUrl('data:image/png;base64,***')).toBeUndefined();
  });
});
