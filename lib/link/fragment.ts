/**
 * The fragment of what was pasted or navigated to: what follows the first "#", a bare "v=…"
 * fragment as it is, and "" for a URL without one.
 */
export function fragmentOf(hashOrUrl: string): string {
  const text = hashOrUrl.trim();
  const hash = text.indexOf("#");
  if (hash >= 0) return text.slice(hash + 1);
  return /^[a-z][a-z\d+.-]*:|^\//i.test(text) ? "" : text;
}
