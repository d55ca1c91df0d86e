// verify.html: re-checks every file of the unpacked bundle against SHA256SUMS, offline, in any modern
// browser. Its only script is the checker of verify-core.ts; the Content-Security-Policy allows exactly
// that script (by its hash) and no network at all, so the page can only read the files the user picks.
import { bytesToBase64 } from '../evidence/data-url';
import { verifierScript } from './verify-core';

export async function scriptHash(script: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  return `sha256-${bytesToBase64(new Uint8Array(digest))}`;
}

const STYLE = `
body { font: 15px/1.5 -apple-system, BlinkMacSystemFont, 'Segoe UI', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', Roboto, sans-serif; color: #1f1f1f; margin: 0 auto; max-width: 960px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 8px; }
.pick { display: flex; flex-wrap: wrap; gap: 16px; margin: 16px 0; }
.pick label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
#drop { border: 2px dashed #6b7280; border-radius: 10px; padding: 24px; text-align: center; color: #374151; }
#drop.over { background: #eff6ff; border-color: #2563eb; }
#verdict { margin: 16px 0; padding: 12px 14px; border-radius: 8px; font-weight: 700; background: #f3f4f6; }
#verdict[data-verdict='intact'] { background: #ecfdf5; color: #065f46; }
#verdict[data-verdict='tampered'], #verdict[data-verdict='no-list'], #verdict[data-verdict='error'] { background: #fef2f2; color: #991b1b; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 13px; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th:nth-child(1) { width: 45%; } th:nth-child(2) { width: 20%; }
tr[data-status='changed'] td, tr[data-status='missing'] td, tr[data-status='conflict'] td { color: #991b1b; font-weight: 700; }
tr[data-status='extra'] td { color: #6b7280; }
.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
`;

export async function verifyHtml(): Promise<string> {
  const script = verifierScript();
  // the script is inlined: it must not be able to close its own element
  if (/<\/script|<!--/i.test(script)) throw new Error('the checker script cannot be inlined safely');
  const csp = `default-src 'none'; script-src '${await scriptHash(script)}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AliProof 증거 묶음 확인 · Evidence bundle check</title>
<style>${STYLE}</style>
</head>
<body>
<h1>AliProof 증거 묶음 확인 · Evidence bundle check</h1>
<p>압축을 푼 AliProof 폴더(이 파일이 들어 있는 폴더)를 고르세요. 모든 파일의 SHA-256을 이 컴퓨터에서 다시 계산해 SHA256SUMS와 비교합니다. 아무것도 인터넷으로 보내지 않습니다.</p>
<p lang="en">Pick the unzipped AliProof folder (the folder this file is in). Every file's SHA-256 is computed again on this computer and compared with SHA256SUMS. Nothing is sent anywhere.</p>
<div class="pick">
<label for="folder">폴더 선택 · Choose the folder<input id="folder" type="file" webkitdirectory directory multiple></label>
<label for="files">또는 모든 파일 선택 · or choose all its files<input id="files" type="file" multiple></label>
</div>
<div id="drop">폴더를 여기에 끌어다 놓으세요 · Or drop the folder here</div>
<p id="verdict" role="status" aria-live="polite" data-verdict="waiting">폴더를 고르면 결과가 여기에 나옵니다. · The result appears here.</p>
<p id="progress" aria-live="off"></p>
<table>
<thead><tr><th scope="col">파일 · File</th><th scope="col">결과 · Result</th><th scope="col">SHA-256 (목록 · listed ≠ 실제 · actual)</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<script>${script}</script>
</body>
</html>
`;
}
