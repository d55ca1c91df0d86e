// The evidence bundle of one order, as one .zip. Inputs are plain values (the effective order, its
// case record, the evidence metadata, a way to read each item's stored bytes, settings, version, now),
// so the whole bundle can be built and checked in unit tests. Layout (inside one folder):
//
//   README.txt            what is where (Korean and English)
//   report.html           the case, printable to PDF (no script)
//   verify.html           re-checks every file against SHA256SUMS, offline
//   order.json            facts, their sources, every clock
//   manifest.json         every file: size, SHA-256, capture time, page, method, version, original/derived
//   SHA256SUMS            `sha256sum -c` format, every file except itself
//   evidence/             original captures, bytes exactly as stored (+ stored redacted copies)
//   transcripts/          chat transcripts as stored (.txt) and their messages as JSON (.json, derived)
//   tracking/             what tracking said at each tracking capture (.json)
//   for-aliexpress/       JPEG copies under the size limit + the dispute description (English)
//   for-card-company/     the chargeback letter (Korean)
//   for-1372-kca/         the facts for the 1372 / 소비자24 consultation (Korean)
import type { CaseRecord } from '../cases/case-store';
import type { EffectiveOrder } from '../store/effective';
import type { EvidenceMeta } from '../evidence/types';
import type { Lang } from '../i18n';
import type { RuleOverrides } from '../deadlines/rules';
import { sha256Hex } from '../evidence/hash';
import { crc32 } from './crc32';
import { trackingHistoryFrom } from '../evidence/evidence-index';
import { transcriptMessages } from '../evidence/transcript';
import { buildTimeline } from '../case/timeline';
import { aliexpressMessage, cardLetterKo, kcaComplaintKo, templateFacts, type TemplateReason } from '../templates';
import { BUNDLE_FORMAT_VERSION, bundleName, PATHS, stamp } from './format';
import { buildManifest, type ManifestFile } from './manifest';
import { evidencePath, UniquePaths } from './names';
import { orderJson } from './order-json';
import { reportHtml, type ReportEvidence, type ReportTranscript } from './report';
import { sha256sums } from './sums';
import { verifyHtml } from './verify-html';
import { aliexpressReadme, derivationText, encodeUnderLimit, planUploadParts, type EncodedPart, type JpegEncoder } from './venues/aliexpress';
import { choosePrepared, type CheckedPart, type PreparedCopies } from './prepared';
import { nextTurn as defaultNextTurn } from './yield';
import { ZipWriter } from './zip';

export interface BundleProgress {
  stage: 'evidence' | 'aliexpress' | 'documents' | 'zip';
  done: number;
  total: number;
}

export interface BundleInput {
  entry: EffectiveOrder;
  record?: CaseRecord;
  /** this order's evidence metadata (with thumbnails), as the repository lists it */
  evidence: readonly EvidenceMeta[];
  /**
   * one item exactly as stored: the stored Blob itself where there is one (it goes into the zip by
   * reference, and to the JPEG encoder, without a copy), else its bytes
   */
  readStored: (meta: EvidenceMeta) => Promise<Blob | Uint8Array>;
  /** the buyer's note, when they chose to put it in the report */
  note?: string;
  /** which situation the letters and the AliExpress description are written for */
  reason: TemplateReason;
  /** the user's language (README first) */
  lang: Lang;
  jpegMaxBytes: number;
  /** without one, the AliExpress JPEG copies not prepared ahead are skipped (and the bundle says so) */
  jpeg?: JpegEncoder;
  /** the AliExpress copies the background prepared for an original (prepared.ts), if any */
  readPrepared?: (meta: EvidenceMeta) => Promise<PreparedCopies | undefined>;
  aliproofVersion: string;
  now: Date;
  /** as Date#getTimezoneOffset; default: the machine's at `now` */
  tzOffsetMinutes?: number;
  timeZone?: string;
  overrides?: RuleOverrides;
  onProgress?: (p: BundleProgress) => void;
  /** gives the page a turn between files (default: a MessageChannel round trip) */
  nextTurn?: () => Promise<void>;
}

export interface BundleResult {
  blob: Blob;
  /** the .zip's file name */
  filename: string;
  /** the folder inside the zip */
  folder: string;
  files: ManifestFile[];
  /** SHA256SUMS as written */
  sums: string;
  /** what could not be done, in plain words (English) */
  problems: string[];
  /** `prepared`: originals whose AliExpress copies were taken from the prepared ones */
  stats: { originals: number; copies: number; jpegs: number; prepared: number; bytes: number; ms: number };
}

const errorText = (e: unknown) => String((e as Error)?.message ?? e);

/** Originals in capture order (parts in order), each followed by its stored copies. */
export function exportOrder(metas: readonly EvidenceMeta[]): EvidenceMeta[] {
  // same capture time: images by part number, then the transcript
  const textLast = (m: EvidenceMeta) => (m.kind === 'transcript' ? 1 : 0);
  const byTime = (a: EvidenceMeta, b: EvidenceMeta) =>
    a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : textLast(a) - textLast(b) || (a.part?.index ?? 0) - (b.part?.index ?? 0) || a.id.localeCompare(b.id);
  const ids = new Set(metas.map((m) => m.id));
  const originals = metas.filter((m) => !m.derivedFrom || !ids.has(m.derivedFrom)).sort(byTime);
  const out: EvidenceMeta[] = [];
  const add = (m: EvidenceMeta) => {
    out.push(m);
    for (const c of metas.filter((x) => x.derivedFrom === m.id).sort(byTime)) add(c);
  };
  originals.forEach(add);
  return out;
}

export async function buildBundle(input: BundleInput): Promise<BundleResult> {
  const started = Date.now();
  const { entry, now } = input;
  const orderId = entry.orderId;
  const tz = input.tzOffsetMinutes ?? now.getTimezoneOffset();
  const turn = input.nextTurn ?? defaultNextTurn;
  const progress = input.onProgress ?? (() => undefined);
  const folder = bundleName(orderId, now);
  const zip = new ZipWriter();
  const paths = new UniquePaths();
  const files: ManifestFile[] = [];
  const problems: string[] = [];
  const version = input.aliproofVersion;

  const generated = async (path: string, text: string, mime: string, description: string, extra: Partial<ManifestFile> = {}) => {
    const taken = paths.take(path);
    const bytes = await zip.addText(`${folder}/${taken}`, text, now, turn);
    files.push({ path: taken, bytes: bytes.length, sha256: await sha256Hex(bytes), mime, role: 'generated', description, method: 'aliproof-export', extensionVersion: version, ...extra });
    return taken;
  };

  const evidence = exportOrder(input.evidence.filter((m) => m.orderId === orderId));
  const imageOriginals = evidence.filter((m) => !m.derivedFrom && m.mime.startsWith('image/'));
  const pathOf = new Map<string, string>();
  const reportEvidence: ReportEvidence[] = [];
  const transcripts: ReportTranscript[] = [];
  let jpegs = 0;
  let jpegSequence = 0;
  let jpegDone = 0;
  let prepared = 0;
  let withoutEncoder = 0;
  const jpegJobs: { meta: EvidenceMeta; path: string; job: Promise<UploadCopies | 'no-encoder'> }[] = [];
  const commitJpeg = async ({ meta, path, job }: (typeof jpegJobs)[number]) => {
    try {
      const copies = await job.catch((e: unknown) => {
        jpegSequence++; // numbered like the others: the names do not shift when one fails
        throw e;
      });
      if (copies === 'no-encoder') withoutEncoder++;
      else {
        const sequence = ++jpegSequence;
        if (copies.prepared) prepared++;
        jpegs += await addUploadCopies(input, meta, copies, path, sequence, zip, folder, paths, files, problems);
      }
    } catch (e) {
      problems.push(`the AliExpress copy of ${path} could not be made: ${errorText(e)}`);
    }
    progress({ stage: 'aliexpress', done: ++jpegDone, total: imageOriginals.length });
    await turn();
  };

  for (const [i, meta] of evidence.entries()) {
    progress({ stage: 'evidence', done: i + 1, total: evidence.length });
    await turn();
    let stored: Blob | Uint8Array;
    let bytes: Uint8Array;
    try {
      stored = await input.readStored(meta);
      bytes = stored instanceof Uint8Array ? stored : new Uint8Array(await stored.arrayBuffer());
    } catch (e) {
      problems.push(`capture ${meta.id} (${meta.kind}, ${meta.capturedAt}) could not be read from AliProof's storage: ${errorText(e)}`);
      continue;
    }
    const sha256 = await sha256Hex(bytes);
    const hashMatches = sha256 === meta.sha256;
    if (!hashMatches) problems.push(`capture ${meta.id} (${meta.kind}, ${meta.capturedAt}): the stored bytes no longer match the SHA-256 recorded at capture; exported as stored`);
    const path = paths.take(evidencePath(meta));
    pathOf.set(meta.id, path);
    const captured = new Date(meta.capturedAt);
    zip.addStored(`${folder}/${path}`, stored, Number.isNaN(captured.getTime()) || captured.getFullYear() < 1980 ? now : captured, crc32(bytes));
    const derivedFromPath = meta.derivedFrom ? pathOf.get(meta.derivedFrom) : undefined;
    files.push({
      path,
      bytes: bytes.length,
      sha256,
      mime: meta.mime,
      role: meta.derivedFrom ? 'derived' : 'original',
      description: meta.derivedFrom ? `stored copy of a capture (${meta.derivation ?? 'derived'})` : `capture: ${meta.kind}${meta.part && meta.part.count > 1 ? ` part ${meta.part.index} of ${meta.part.count}` : ''}, bytes exactly as stored`,
      capturedAt: meta.capturedAt,
      pageUrl: meta.url,
      method: meta.method,
      extensionVersion: meta.extensionVersion,
      evidenceId: meta.id,
      captureId: meta.captureId,
      kind: meta.kind,
      ...(meta.part ? { part: meta.part } : {}),
      ...(meta.derivedFrom ? { derivedFrom: { evidenceId: meta.derivedFrom, ...(derivedFromPath ? { path: derivedFromPath } : {}) }, derivation: meta.derivation ?? 'derived copy' } : {}),
      sha256AtCapture: meta.sha256,
    });
    if (meta.kind === 'transcript') {
      transcripts.push({ path, text: new TextDecoder().decode(bytes), meta, sha256 });
    } else {
      reportEvidence.push({ meta, path, sha256, hashMatches, ...(derivedFromPath ? { derivedFromPath } : {}) });
    }

    // the AliExpress copies: the prepared ones when they are what this export would make, else made from
    // the stored image (the Blob goes to the worker by reference) while the next captures are read,
    // hashed and zipped: decoding and encoding run off the page's thread (workers, see jpeg.ts), so the
    // two overlap. Copies enter the zip in capture order.
    if (!meta.derivedFrom && meta.mime.startsWith('image/')) {
      const job = uploadCopies(input, meta, stored, sha256);
      job.catch(() => undefined); // handled when its turn comes
      jpegJobs.push({ meta, path, job });
      if (jpegJobs.length >= JPEG_IN_FLIGHT) await commitJpeg(jpegJobs.shift()!);
    }
  }
  while (jpegJobs.length) await commitJpeg(jpegJobs.shift()!);
  if (withoutEncoder) {
    problems.push(
      withoutEncoder === imageOriginals.length
        ? 'this browser could not make JPEG copies: the for-aliexpress folder has no images (the originals are in evidence/)'
        : `this browser could not make JPEG copies: ${withoutEncoder} of ${imageOriginals.length} images have none in the for-aliexpress folder (the originals are in evidence/)`,
    );
  }

  progress({ stage: 'documents', done: 0, total: 1 });
  await turn();

  // transcripts as JSON (derived from the stored text)
  for (const tr of transcripts) {
    const json = {
      format: 'aliproof-transcript',
      formatVersion: BUNDLE_FORMAT_VERSION,
      orderId,
      derivedFrom: { path: tr.path, evidenceId: tr.meta.id, sha256: tr.sha256 },
      capturedAt: tr.meta.capturedAt,
      pageUrl: tr.meta.url,
      messages: transcriptMessages(tr.text),
    };
    await generated(tr.path.replace(/\.txt$/, '.json'), JSON.stringify(json, null, 2) + '\n', 'application/json', 'the transcript\'s messages as JSON (derived from the .txt beside it)', {
      role: 'derived',
      derivedFrom: { path: tr.path, evidenceId: tr.meta.id },
      derivation: 'messages parsed from the stored transcript text',
      capturedAt: tr.meta.capturedAt,
      pageUrl: tr.meta.url,
    });
  }

  // what tracking said at each tracking capture
  const history = trackingHistoryFrom([...evidence], orderId);
  const trackingFiles: { entry: (typeof history)[number]; path: string }[] = [];
  for (const h of history) {
    const image = pathOf.get(h.evidenceId);
    const json = { format: 'aliproof-tracking-snapshot', formatVersion: BUNDLE_FORMAT_VERSION, orderId, capturedAt: h.capturedAt, capture: { evidenceId: h.evidenceId, captureId: h.captureId, ...(image ? { path: image } : {}) }, snapshot: h.snapshot };
    const path = await generated(`${PATHS.tracking}${stamp(new Date(h.capturedAt))}-${h.captureId.slice(0, 8)}.json`, JSON.stringify(json, null, 2) + '\n', 'application/json', 'what the tracking page said at this capture', {
      role: 'derived',
      derivedFrom: { evidenceId: h.evidenceId, ...(image ? { path: image } : {}) },
      derivation: 'tracking facts read from the page at capture time',
      capturedAt: h.capturedAt,
    });
    trackingFiles.push({ entry: h, path });
  }

  await generated(PATHS.order, JSON.stringify(orderJson({ entry, record: input.record, now, aliproofVersion: version, overrides: input.overrides }), null, 2) + '\n', 'application/json', 'the order\'s facts, their sources and every dispute clock');

  const timeline = buildTimeline({ entry, record: input.record, evidence, now, tzOffsetMinutes: tz });
  const facts = templateFacts(entry, evidence, now);
  const originals = evidence.filter((m) => !m.derivedFrom);
  const attachments = [
    `증거 보고서: ${PATHS.report} (브라우저에서 열어 PDF로 인쇄할 수 있음)`,
    `주문 정보: ${PATHS.order}`,
    ...transcripts.map((tr) => `판매자와의 대화 기록: ${tr.path}`),
    `캡처 원본 ${originals.length}개: ${PATHS.evidence} 폴더 (각 파일의 SHA-256은 ${PATHS.sums}와 ${PATHS.manifest}에 있음)`,
  ];
  const letterInput = { facts, reason: input.reason, timeline, tzOffsetMinutes: tz, attachments };
  const card = cardLetterKo(letterInput);
  const kca = kcaComplaintKo(letterInput);
  const ali = aliexpressMessage(input.reason, facts);
  await generated(`${PATHS.card}chargeback-letter-ko.txt`, `${card.text}\n\n---\n${card.explanation.ko}\n${card.explanation.en}\n`, 'text/plain', 'chargeback letter draft for the card company (Korean)');
  await generated(`${PATHS.kca}consultation-facts-ko.txt`, `${kca.text}\n\n---\n${kca.explanation.ko}\n${kca.explanation.en}\n`, 'text/plain', 'the facts the 1372 / 소비자24 consultation asks for (Korean)');
  await generated(`${PATHS.aliexpress}dispute-description-en.txt`, `${ali.text}\n`, 'text/plain', 'the dispute description for AliExpress (English)');
  await generated(`${PATHS.aliexpress}README.txt`, aliexpressReadme(input.jpegMaxBytes, jpegs), 'text/plain', 'what the AliExpress folder holds');

  const report = reportHtml({
    entry,
    record: input.record,
    timeline,
    evidence: reportEvidence,
    transcripts,
    trackingHistory: trackingFiles,
    note: input.note,
    now,
    tzOffsetMinutes: tz,
    timeZone: input.timeZone,
    aliproofVersion: version,
    jpegMaxBytes: input.jpegMaxBytes,
    packs: { aliexpress: true, card: true, kca: true },
    problems,
  });
  await generated(PATHS.report, report, 'text/html', 'the report: facts, clocks, timeline, tracking, transcripts and every capture (Korean and English; no script)');
  await generated(PATHS.verify, await verifyHtml(), 'text/html', 'offline checker: open it and pick this folder to re-check every SHA-256');
  await generated(PATHS.readme, readme(orderId, now, version, input.lang), 'text/plain', 'what is where in this bundle');

  progress({ stage: 'zip', done: 0, total: 1 });
  await turn();
  const manifest = buildManifest({ orderId, createdAt: now, aliproofVersion: version }, files, problems);
  await generated(PATHS.manifest, JSON.stringify(manifest, null, 2) + '\n', 'application/json', 'this list');
  const sums = sha256sums(files);
  await zip.addText(`${folder}/${PATHS.sums}`, sums, now, turn);
  const blob = await zip.finish();
  return {
    blob,
    filename: `${folder}.zip`,
    folder,
    files,
    sums,
    problems,
    stats: { originals: originals.length, copies: evidence.length - originals.length, jpegs, prepared, bytes: blob.size, ms: Date.now() - started },
  };
}

/**
 * AliExpress copies being made at once: two keep the browser's decoder and encoder busy while the page
 * zips; each holds one decoded image (width × height × 4 bytes).
 */
const JPEG_IN_FLIGHT = 2;

interface UploadCopies {
  img: { width: number; height: number };
  /** one per part; undefined when no encoding fit under the limit */
  parts: (EncodedPart | CheckedPart | undefined)[];
  /** taken from the prepared copies (made by that AliProof version) */
  prepared?: { extensionVersion: string };
}

/**
 * One original's copies: the prepared ones when they are exactly what this export would make and their
 * bytes are still those recorded, else made now (or 'no-encoder' when they cannot be).
 */
async function uploadCopies(input: BundleInput, meta: EvidenceMeta, stored: Blob | Uint8Array, sha256: string): Promise<UploadCopies | 'no-encoder'> {
  const ready = choosePrepared(await input.readPrepared?.(meta).catch(() => undefined), sha256, input.jpegMaxBytes);
  if (ready && (await intact(ready.parts))) return { img: { width: ready.width, height: ready.height }, parts: ready.parts, prepared: { extensionVersion: ready.extensionVersion } };
  if (!input.jpeg) return 'no-encoder';
  return encodeUploadCopies(input.jpeg, meta, stored, input.jpegMaxBytes);
}

/** Every prepared part still holds the bytes whose SHA-256 and CRC-32 were recorded. */
async function intact(parts: readonly (CheckedPart | undefined)[]): Promise<boolean> {
  for (const p of parts) {
    if (!p) continue;
    const bytes = new Uint8Array(await p.jpeg.arrayBuffer());
    if (bytes.length !== p.jpeg.size || crc32(bytes) !== p.crc32 || (await sha256Hex(bytes)) !== p.sha256) return false;
  }
  return true;
}

/** Decode one original and encode its upload parts (no zip, no shared state: may run alongside other work). */
async function encodeUploadCopies(jpeg: JpegEncoder, meta: EvidenceMeta, image: Blob | Uint8Array, maxBytes: number): Promise<UploadCopies> {
  const img = await jpeg.decode(image, meta.mime);
  try {
    const parts: (EncodedPart | undefined)[] = [];
    for (const rect of planUploadParts(img.width, img.height)) parts.push(await encodeUnderLimit(img, rect, maxBytes));
    return { img: { width: img.width, height: img.height }, parts };
  } finally {
    img.close();
  }
}

/** Put one original's JPEG copies into the zip and the manifest; returns how many files were added. */
async function addUploadCopies(
  input: BundleInput,
  meta: EvidenceMeta,
  copies: UploadCopies,
  originalPath: string,
  sequence: number,
  zip: ZipWriter,
  folder: string,
  paths: UniquePaths,
  files: ManifestFile[],
  problems: string[],
): Promise<number> {
  const { img, parts } = copies;
  const base = originalPath.replace(/^evidence\//, '').replace(/\.\w+$/, '');
  let added = 0;
  for (const [k, encoded] of parts.entries()) {
    if (!encoded) {
      problems.push(`${originalPath}: no JPEG under ${input.jpegMaxBytes} bytes could be made (part ${k + 1} of ${parts.length})`);
      continue;
    }
    const suffix = parts.length > 1 ? `-${k + 1}-of-${parts.length}` : '';
    const path = paths.take(`${PATHS.aliexpress}${String(sequence).padStart(2, '0')}-${base}${suffix}.jpg`);
    // prepared copies were read and checked already; fresh ones are read once here, to hash them
    let sums: { sha256: string; crc32: number };
    if ('sha256' in encoded) sums = encoded;
    else {
      const bytes = new Uint8Array(await encoded.jpeg.arrayBuffer());
      sums = { sha256: await sha256Hex(bytes), crc32: crc32(bytes) };
    }
    zip.addStored(`${folder}/${path}`, encoded.jpeg, input.now, sums.crc32);
    files.push({
      path,
      bytes: encoded.jpeg.size,
      sha256: sums.sha256,
      mime: 'image/jpeg',
      role: 'derived',
      description: 'JPEG copy for the AliExpress dispute upload',
      capturedAt: meta.capturedAt,
      pageUrl: meta.url,
      method: `canvas-jpeg q=${encoded.quality.toFixed(2)} scale=${encoded.scale.toFixed(2)}`,
      extensionVersion: copies.prepared?.extensionVersion ?? input.aliproofVersion,
      evidenceId: meta.id,
      captureId: meta.captureId,
      kind: meta.kind,
      derivedFrom: { path: originalPath, evidenceId: meta.id },
      derivation: derivationText(encoded, img, k + 1, parts.length),
    });
    added++;
  }
  return added;
}

function readme(orderId: string, now: Date, version: string, lang: Lang): string {
  const ko = [
    `AliProof 증거 묶음 — 주문 ${orderId}`,
    `만든 때: ${now.toISOString()} (UTC), AliProof ${version}, 형식 ${BUNDLE_FORMAT_VERSION}`,
    '',
    `${PATHS.report}: 보고서 (브라우저에서 열고 PDF로 인쇄)`,
    `${PATHS.verify}: 파일이 바뀌지 않았는지 확인 (열고 이 폴더 선택)`,
    `${PATHS.evidence}: 캡처 원본 (저장된 그대로)`,
    `${PATHS.transcripts}: 채팅 기록`,
    `${PATHS.tracking}: 캡처할 때의 배송 추적 내용`,
    `${PATHS.aliexpress}: 알리익스프레스 분쟁에 올릴 JPEG 사본과 영어 설명`,
    `${PATHS.card}: 카드사 이의제기(차지백) 신청서`,
    `${PATHS.kca}: 1372·소비자24 상담 신청 내용`,
    `${PATHS.manifest}, ${PATHS.sums}: 모든 파일의 SHA-256 (sha256sum -c ${PATHS.sums})`,
  ];
  const en = [
    `AliProof evidence bundle — order ${orderId}`,
    `Made ${now.toISOString()} (UTC), AliProof ${version}, format ${BUNDLE_FORMAT_VERSION}`,
    '',
    `${PATHS.report}: the report (open it in a browser; print to PDF)`,
    `${PATHS.verify}: check that no file changed (open it and pick this folder)`,
    `${PATHS.evidence}: the original captures, exactly as stored`,
    `${PATHS.transcripts}: chat transcripts`,
    `${PATHS.tracking}: what tracking said at each capture`,
    `${PATHS.aliexpress}: JPEG copies and an English description for the AliExpress dispute`,
    `${PATHS.card}: chargeback letter for a Korean card company`,
    `${PATHS.kca}: the facts for a 1372 / 소비자24 consultation (Korea)`,
    `${PATHS.manifest}, ${PATHS.sums}: the SHA-256 of every file (sha256sum -c ${PATHS.sums})`,
  ];
  return [...(lang === 'ko' ? [ko, en] : [en, ko]).flatMap((b) => [...b, '']), ''].join('\n');
}
