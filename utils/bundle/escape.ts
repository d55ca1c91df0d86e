// The one escaping helper of the bundle's HTML. Every value that goes into report.html passes through
// escapeHtml: order titles, store names, page addresses and chat text are written by sellers and pages,
// so they are text, never markup. Safe in element content and in double- or single-quoted attributes.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  // strip C0 control characters other than tab/newline/carriage return: they are not valid in HTML
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** A data: URL of a PNG or JPEG, or undefined: only these may become an <img src> in the report. */
export function safeImageDataUrl(url: unknown): string | undefined {
  return typeof url === 'string' && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/.test(url) ? url : undefined;
}

/** A relative path inside the bundle, safe as an href (no scheme, no "..", no leading slash). */
export function safeRelativeHref(path: string): string | undefined {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) || path.split('/').some((p) => p === '..' || p === '.')) return undefined;
  return path;
}
