// The checker inside verify.html. These functions are written into the page with
// Function.prototype.toString(), so the code the unit tests run is the code the user runs. Rules for
// everything in this file: plain function declarations only, no imports, no module-level values, no
// helpers from outside (each function may call only the others below and browser globals). Names may
// be minified by the build: they are written and called under the same (minified) names.
/* eslint-disable */

export interface VerifyFile {
  /** the path as picked: webkitRelativePath, a dropped entry's path, or just the file name */
  rel: string;
}

export interface VerifyRow {
  path: string;
  status: 'intact' | 'changed' | 'missing' | 'extra' | 'conflict';
  expected?: string;
  actual?: string;
  /** index of the picked file, when one was matched */
  file?: number;
}

export interface VerifyPlan {
  /** index of the SHA256SUMS file among the picked files, -1 when there is none */
  sums: number;
  /** expected path -> picked file index (missing paths are absent) */
  matched: Record<string, number>;
  /** picked files that are not in the list (junk such as .DS_Store left out) */
  extra: number[];
}

/** Lines of SHA256SUMS ("<hex>  <path>", also "<hex> *<path>" binary mode). Bad lines are counted. */
export function apParseSums(text: string): { entries: { path: string; sha256: string }[]; bad: number } {
  const entries: { path: string; sha256: string }[] = [];
  let bad = 0;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!m) {
      bad++;
      continue;
    }
    entries.push({ path: m[2], sha256: m[1].toLowerCase() });
  }
  return { entries: entries, bad: bad };
}

/** Files the operating system adds to folders: never reported as extra. */
export function apIsJunk(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1];
  return parts.indexOf('__MACOSX') >= 0 || name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini' || name.indexOf('._') === 0;
}

/**
 * Which picked file is which listed path. The bundle's root is the folder holding SHA256SUMS (the
 * shortest such path, when a parent folder was picked). Without folder paths (files picked one by
 * one), a listed path is matched by its file name when that name is unique in the list.
 */
export function apPlan(files: VerifyFile[], expected: string[]): VerifyPlan {
  let sums = -1;
  for (let i = 0; i < files.length; i++) {
    const rel = files[i].rel.replace(/^\/+/, '');
    const name = rel.split('/').pop();
    if (name === 'SHA256SUMS' && (sums < 0 || rel.length < files[sums].rel.replace(/^\/+/, '').length)) sums = i;
  }
  const root = sums >= 0 ? files[sums].rel.replace(/^\/+/, '').slice(0, -'SHA256SUMS'.length) : '';
  const keyOf: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const rel = files[i].rel.replace(/^\/+/, '');
    keyOf.push(root && rel.indexOf(root) === 0 ? rel.slice(root.length) : rel);
  }
  const byKey: Record<string, number> = {};
  for (let i = 0; i < files.length; i++) if (i !== sums && !(keyOf[i] in byKey)) byKey[keyOf[i]] = i;
  const nameCount: Record<string, number> = {};
  for (const p of expected) {
    const n = p.split('/').pop() as string;
    nameCount[n] = (nameCount[n] || 0) + 1;
  }
  const matched: Record<string, number> = {};
  const used: Record<number, boolean> = {};
  for (const p of expected) {
    if (p in byKey && !used[byKey[p]]) {
      matched[p] = byKey[p];
      used[byKey[p]] = true;
    }
  }
  for (const p of expected) {
    if (p in matched) continue;
    const n = p.split('/').pop() as string;
    if (nameCount[n] !== 1) continue;
    for (let i = 0; i < files.length; i++) {
      if (i === sums || used[i] || keyOf[i].indexOf('/') >= 0) continue;
      if (keyOf[i] === n) {
        matched[p] = i;
        used[i] = true;
        break;
      }
    }
  }
  const extra: number[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i === sums || used[i] || apIsJunk(files[i].rel)) continue;
    // only files inside the bundle's folder count; a picked parent folder may hold other things
    if (root && files[i].rel.replace(/^\/+/, '').indexOf(root) !== 0) continue;
    extra.push(i);
  }
  return { sums: sums, matched: matched, extra: extra };
}

/**
 * One row per listed file (intact / changed / missing), one per extra file, and a conflict row for
 * every file manifest.json lists with a different SHA-256 than SHA256SUMS.
 */
export function apRows(
  entries: { path: string; sha256: string }[],
  plan: VerifyPlan,
  actual: Record<string, string>,
  files: VerifyFile[],
  manifestHashes: Record<string, string> | null,
): VerifyRow[] {
  const rows: VerifyRow[] = [];
  for (const e of entries) {
    if (!(e.path in plan.matched)) {
      rows.push({ path: e.path, status: 'missing', expected: e.sha256 });
      continue;
    }
    const got = actual[e.path];
    rows.push({ path: e.path, status: got === e.sha256 ? 'intact' : 'changed', expected: e.sha256, actual: got, file: plan.matched[e.path] });
  }
  for (const i of plan.extra) rows.push({ path: files[i].rel, status: 'extra', file: i });
  if (manifestHashes) {
    const listed: Record<string, string> = {};
    for (const e of entries) listed[e.path] = e.sha256;
    for (const p in manifestHashes) {
      if (p in listed && listed[p] !== manifestHashes[p]) rows.push({ path: p, status: 'conflict', expected: listed[p], actual: manifestHashes[p] });
    }
  }
  return rows;
}

/** The overall verdict: every listed file present and unchanged, and the two lists agree. */
export function apVerdict(rows: VerifyRow[], hasList: boolean): 'intact' | 'tampered' | 'no-list' {
  if (!hasList) return 'no-list';
  for (const r of rows) if (r.status === 'changed' || r.status === 'missing' || r.status === 'conflict') return 'tampered';
  return 'intact';
}

export async function apSha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  const bytes = new Uint8Array(digest);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return hex;
}

/** Every file under a dropped folder, with its path (DataTransfer entries API). */
export async function apDroppedFiles(items: DataTransferItemList): Promise<{ rel: string; file: File }[]> {
  const out: { rel: string; file: File }[] = [];
  const walk = async (entry: any): Promise<void> => {
    if (!entry) return;
    if (entry.isFile) {
      const file: File = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ rel: String(entry.fullPath || file.name).replace(/^\/+/, ''), file: file });
      return;
    }
    const reader = entry.createReader();
    for (;;) {
      const batch: any[] = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const child of batch) await walk(child);
    }
  };
  const roots: any[] = [];
  for (let i = 0; i < items.length; i++) {
    const it: any = items[i];
    const entry = it.webkitGetAsEntry ? it.webkitGetAsEntry() : null;
    if (entry) roots.push(entry);
    else if (it.kind === 'file' && it.getAsFile()) out.push({ rel: it.getAsFile().name, file: it.getAsFile() });
  }
  for (const r of roots) await walk(r);
  return out;
}

/** The page: wire the folder picker, the file picker and the drop zone to the check. */
export function apVerifierMain(): void {
  const $ = (id: string) => document.getElementById(id) as HTMLElement;
  const verdictEl = $('verdict');
  const progressEl = $('progress');
  const tbody = $('rows');
  const TEXT: Record<string, string> = {
    intact: '그대로 · intact',
    changed: '변경됨 · CHANGED',
    missing: '없음 · MISSING',
    extra: '목록에 없는 파일 · extra (not in the list)',
    conflict: '두 목록이 다름 · lists disagree',
  };
  const say = (verdict: string, text: string) => {
    verdictEl.setAttribute('data-verdict', verdict);
    verdictEl.textContent = text;
  };
  const cell = (tr: HTMLElement, text: string, cls?: string) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
  };

  async function check(picked: { rel: string; file: File }[]): Promise<void> {
    tbody.textContent = '';
    say('checking', '확인하는 중… · Checking…');
    if (!window.crypto || !crypto.subtle) {
      say('error', '이 브라우저는 여기서 SHA-256을 계산할 수 없습니다. "sha256sum -c SHA256SUMS"를 사용하세요. · This browser cannot compute SHA-256 here: use "sha256sum -c SHA256SUMS".');
      return;
    }
    const files = picked.map((p) => ({ rel: p.rel }));
    const first = apPlan(files, []);
    if (first.sums < 0) {
      say('no-list', 'SHA256SUMS 파일이 없습니다. 압축을 푼 AliProof 폴더 전체를 고르세요. · No SHA256SUMS file: pick the whole unzipped AliProof folder.');
      return;
    }
    const listText = await picked[first.sums].file.text();
    const parsed = apParseSums(listText);
    const plan = apPlan(files, parsed.entries.map((e) => e.path));
    const actual: Record<string, string> = {};
    let done = 0;
    const paths = Object.keys(plan.matched);
    for (const p of paths) {
      progressEl.textContent = `${++done} / ${paths.length}`;
      actual[p] = await apSha256(picked[plan.matched[p]].file);
    }
    let manifestHashes: Record<string, string> | null = null;
    if ('manifest.json' in plan.matched && actual['manifest.json'] === parsed.entries.filter((e) => e.path === 'manifest.json')[0].sha256) {
      try {
        const m = JSON.parse(await picked[plan.matched['manifest.json']].file.text());
        manifestHashes = {};
        for (const f of m.files || []) if (f && typeof f.path === 'string' && typeof f.sha256 === 'string') manifestHashes[f.path] = f.sha256;
      } catch (e) {
        manifestHashes = null;
      }
    }
    const rows = apRows(parsed.entries, plan, actual, files, manifestHashes);
    // problems first, so a changed file is not lost among hundreds of intact ones
    const rank: Record<string, number> = { changed: 0, missing: 1, conflict: 2, extra: 3, intact: 4 };
    const shown = rows.slice().sort((a, b) => rank[a.status] - rank[b.status]);
    for (const r of shown) {
      const tr = document.createElement('tr');
      tr.setAttribute('data-status', r.status);
      tr.setAttribute('data-path', r.path);
      cell(tr, r.path, 'path');
      cell(tr, TEXT[r.status], 'status');
      cell(tr, r.status === 'intact' || r.status === 'extra' ? '' : `${r.expected || ''}${r.actual ? ` ≠ ${r.actual}` : ''}`, 'hash');
      tbody.appendChild(tr);
    }
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    const verdict = apVerdict(rows, true);
    const extra = count('extra') ? ` 목록에 없는 파일 ${count('extra')}개는 확인 대상이 아닙니다. · ${count('extra')} extra file(s) are not part of the bundle.` : '';
    const bad = parsed.bad ? ` SHA256SUMS의 읽을 수 없는 줄 ${parsed.bad}개. · ${parsed.bad} unreadable line(s) in SHA256SUMS.` : '';
    if (verdict === 'intact' && !parsed.bad) {
      say('intact', `모든 파일 ${count('intact')}개가 그대로입니다. · All ${count('intact')} files are intact.${extra}`);
    } else {
      say(
        'tampered',
        `주의: 변경된 파일 ${count('changed')}개, 없는 파일 ${count('missing')}개, 목록 불일치 ${count('conflict')}개. · WARNING: ${count('changed')} changed, ${count('missing')} missing, ${count('conflict')} listed differently.${bad}${extra}`,
      );
    }
    progressEl.textContent = '';
  }

  const fromInput = (input: HTMLInputElement) => {
    const list = input.files ? Array.prototype.slice.call(input.files) : [];
    return list.map((f: File) => ({ rel: (f as any).webkitRelativePath || f.name, file: f }));
  };
  const run = (p: Promise<void>) =>
    p.catch((e) => say('error', `확인하지 못했습니다 · The check failed: ${e && e.message ? e.message : e}`));
  $('folder').addEventListener('change', (e) => run(check(fromInput(e.target as HTMLInputElement))));
  $('files').addEventListener('change', (e) => run(check(fromInput(e.target as HTMLInputElement))));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const dt = (e as DragEvent).dataTransfer;
    if (dt) run(apDroppedFiles(dt.items).then(check));
  });
}

/** The checker's source, ready for an inline <script>: every function above, then the call. */
export function verifierScript(): string {
  const fns = [apParseSums, apIsJunk, apPlan, apRows, apVerdict, apSha256, apDroppedFiles, apVerifierMain];
  return `'use strict';\n${fns.map((f) => f.toString()).join('\n')}\n${apVerifierMain.name}();\n`;
}
