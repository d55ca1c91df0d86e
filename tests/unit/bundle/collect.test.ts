import { unzipSync } from 'fflate';
import { dataUrlBytes, exportCaseBundle, ExportError } from '@/utils/bundle/collect';
import { bytesToDataUrl } from '@/utils/evidence/data-url';
import type { Send } from '@/utils/evidence/client';
import { caseRecord, entryOf, NOW, ORDER_ID, storedEvidence } from './fixtures';

describe('collecting the evidence from the background', () => {
  const stored = storedEvidence();
  const send: Send = async (msg) => {
    if (msg.type === 'list-evidence') return { ok: true, items: stored.map((s) => s.meta) };
    if (msg.type === 'get-evidence') {
      const s = stored.find((x) => x.meta.id === msg.id)!;
      return { ok: true, meta: s.meta, dataUrl: bytesToDataUrl(s.bytes, s.meta.mime) };
    }
    return { ok: false, error: 'unexpected' };
  };

  it('lists the order\'s captures, reads each one\'s bytes, and builds the bundle', async () => {
    const record = caseRecord();
    const stages: string[] = [];
    const result = await exportCaseBundle({ entry: entryOf(record), record, reason: 'not-received', lang: 'en', jpegMaxBytes: 2e6, send, now: NOW, onProgress: (p) => stages.push(p.stage) });
    expect(stages[0]).toBe('listing');
    const files = unzipSync(new Uint8Array(await result.blob.arrayBuffer()));
    for (const s of stored) {
      const f = result.files.find((x) => x.evidenceId === s.meta.id && x.role !== 'generated' && !x.path.endsWith('.jpg'))!;
      expect(Array.from(files[`${result.folder}/${f.path}`])).toEqual(Array.from(s.bytes));
    }
    expect(result.folder).toContain(ORDER_ID);
  });

  it('says what failed when the list cannot be read', async () => {
    const failing: Send = async () => ({ ok: false, error: "AliProof's background did not answer within 60 seconds" });
    const err = await exportCaseBundle({ entry: entryOf(caseRecord()), reason: 'damaged', lang: 'en', jpegMaxBytes: 2e6, send: failing, now: NOW }).catch((e) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect(err.message).toBe("the list of captures could not be read (AliProof's background did not answer within 60 seconds)");
  });

  it('decodes data URLs and refuses anything else', () => {
    expect(Array.from(dataUrlBytes('data:image/png;base64,AQID'))).toEqual([1, 2, 3]);
    expect(Array.from(dataUrlBytes('data:text/plain;charset=utf-8;base64,aGk='))).toEqual([104, 105]);
    expect(() => dataUrlBytes('data:image/png,AQID')).toThrow(/unreadable/);
    expect(() => dataUrlBytes('https://example.com/x.png')).toThrow(/unreadable/);
    expect(() => dataUrlBytes('data:image/png;base64,@@@')).toThrow(/unreadable/);
  });
});
