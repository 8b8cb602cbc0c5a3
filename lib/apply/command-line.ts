/**
 * The one command the browser offers for landing a design: `npx personhog-rpc apply '<link>'
 * --repo .`. A share link is base64url after the `#`, but the origin is whatever the page was
 * served from, so the link is quoted for any text: inside single quotes only `'` is special, and
 * it becomes `'\''` (close, an escaped quote, reopen).
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

export function applyCommandLine(link: string): string {
  return `npx personhog-rpc apply ${shellQuote(link)} --repo .`;
}
