/** The two pages a share link opens: the same fragment on the workbench and the review view. */

/** Where `npm start` serves the app (the README's run command): the CLI's default origin. */
export const LOCAL_ORIGIN = "http://localhost:3000";

export interface ShareUrls {
  readonly workbench: string;
  readonly review: string;
}

/** `fragment` must come from encodeDesignLink (`#v=4&z=…`), never from a link as received. */
export function shareUrls(origin: string, fragment: string): ShareUrls {
  return { workbench: `${origin}/wizard${fragment}`, review: `${origin}/review${fragment}` };
}

const MAX_ORIGIN_LENGTH = 2000;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = /^[0-9A-Fa-f]$/;

/** A host name (letters, digits, hyphens, dots), IPv4 address, or bracketed IPv6 address. */
function validHost(host: string): boolean {
  if (host.startsWith("[")) return host.endsWith("]") && /^\[[0-9a-f:.]{2,45}\]$/.test(host);
  return host.length <= 253 && host.split(".").every((label) => LABEL.test(label));
}

function validPath(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const ch = path.charAt(i);
    if (ch === "%") {
      if (!HEX.test(path.charAt(i + 1)) || !HEX.test(path.charAt(i + 2))) return false;
      i += 2;
    } else if (ch !== "/" && !UNRESERVED.test(ch)) return false;
  }
  return true;
}

/** Drops trailing slashes by a scan (a `/\/+$/` regex is quadratic on many inner slashes). */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charAt(end - 1) === "/") end--;
  return text.slice(0, end);
}

/**
 * Where the app is served, as `--origin` gives it: http or https, a host, an optional port and
 * path, nothing else (no user name, query, fragment, spaces or control characters). It begins
 * every link the PR description writes, so anything else is refused rather than repaired.
 */
export function parseOrigin(text: string): { origin: string } | { error: string } {
  const error = (why: string) => ({
    error: `--origin must be an http or https address such as https://workbench.example (a host, optional port and path): ${why}.`,
  });
  if (text.length > MAX_ORIGIN_LENGTH) return error(`it is over ${MAX_ORIGIN_LENGTH} characters`);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f)
      return error("it may hold only printable ASCII, no spaces (write a host name in punycode)");
  }
  const scheme = /^https?:\/\//i.exec(text)?.[0];
  if (!scheme) return error(`it starts with ${JSON.stringify(text.slice(0, 12))}`);
  const rest = text.slice(scheme.length);
  if (rest.includes("?") || rest.includes("#")) return error("it has a query or fragment");
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = withoutTrailingSlashes(slash < 0 ? "" : rest.slice(slash));
  if (authority.includes("@")) return error("it names a user");
  const colon = authority.lastIndexOf(":");
  const hasPort = colon >= 0 && !authority.slice(colon).includes("]");
  const host = (hasPort ? authority.slice(0, colon) : authority).toLowerCase();
  const port = hasPort ? authority.slice(colon + 1) : "";
  if (!validHost(host)) return error(`${JSON.stringify(host.slice(0, 60))} is not a host name`);
  if (hasPort && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535))
    return error(`${JSON.stringify(port.slice(0, 20))} is not a port`);
  if (!validPath(path)) return error("its path may hold only letters, digits, -._~/ and %XX");
  return { origin: `${scheme.toLowerCase()}${host}${hasPort ? `:${port}` : ""}${path}` };
}
