// Styles of the capture button and the gallery, carried by the components themselves so they look the
// same in any shadow root (sidebar, chat and product pages). Hex/rgb colours only: html2canvas.
export const EVIDENCE_CSS = `
.ap-capture, .ap-gallery { font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', Roboto, sans-serif; font-size: 14px; line-height: 1.45; color: #1f1f1f; box-sizing: border-box; }
.ap-capture *, .ap-gallery * { box-sizing: border-box; }
.ap-capture { display: flex; flex-direction: column; gap: 6px; max-width: 340px; }
.ap-capture-button, .ap-gallery button { font: inherit; cursor: pointer; border-radius: 6px; }
.ap-capture-button { padding: 8px 14px; border: 1px solid #b91c1c; background: #dc2626; color: #ffffff; font-weight: 600; }
.ap-capture-button:disabled, .ap-capture-button[aria-disabled="true"] { background: #9ca3af; border-color: #6b7280; cursor: progress; }
.ap-capture-button:focus-visible, .ap-gallery button:focus-visible, .ap-gallery textarea:focus-visible, .ap-capture a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.ap-capture-status { margin: 0; padding: 8px 10px; border-radius: 6px; background: #f3f4f6; }
.ap-capture-status--ok { background: #ecfdf5; color: #065f46; }
.ap-capture-status--error { background: #fef2f2; color: #991b1b; }
.ap-capture-small { font-size: 12px; color: #4b5563; margin: 2px 0 0; }
.ap-capture-download { display: inline-block; margin-top: 6px; padding: 6px 12px; border-radius: 6px; background: #1d4ed8; color: #ffffff; text-decoration: none; font-weight: 600; }
.ap-gallery h3 { font-size: 15px; margin: 0 0 8px; }
.ap-gallery-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; }
.ap-gallery-item { border: 1px solid #d1d5db; border-radius: 8px; padding: 6px; background: #ffffff; display: flex; flex-direction: column; gap: 4px; }
.ap-gallery-item--copy { border-style: dashed; }
.ap-gallery-thumb { display: block; width: 100%; padding: 0; border: 1px solid #e5e7eb; background: #f9fafb; min-height: 60px; }
.ap-gallery-thumb img { display: block; width: 100%; height: auto; }
.ap-gallery-text { display: block; padding: 14px 6px; text-align: center; color: #374151; }
.ap-gallery-meta { font-size: 12px; color: #4b5563; overflow-wrap: anywhere; }
.ap-gallery-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.ap-gallery-actions button, .ap-dialog-tools button { padding: 3px 8px; border: 1px solid #9ca3af; background: #ffffff; color: #1f1f1f; }
.ap-gallery-danger { border-color: #b91c1c !important; color: #b91c1c !important; }
.ap-gallery-confirm { font-size: 13px; background: #fef2f2; border-radius: 6px; padding: 6px; }
.ap-dialog-backdrop { position: fixed; inset: 0; background: rgba(17, 24, 39, 0.6); z-index: 2147483647; display: flex; align-items: center; justify-content: center; }
.ap-dialog { background: #ffffff; color: #1f1f1f; border-radius: 10px; width: min(960px, 94vw); max-height: 92vh; display: flex; flex-direction: column; }
.ap-dialog-tools { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid #e5e7eb; }
.ap-dialog-tools h4 { flex: 1; margin: 0; font-size: 14px; }
.ap-dialog-body { overflow: auto; padding: 12px; }
.ap-dialog-body img { max-width: 100%; height: auto; display: block; }
.ap-dialog-body pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace; margin: 0; }
.ap-dialog-note { padding: 8px 12px; border-top: 1px solid #e5e7eb; display: flex; flex-direction: column; gap: 4px; }
.ap-dialog-note textarea { font: inherit; width: 100%; min-height: 56px; }
`;
