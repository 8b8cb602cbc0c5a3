/** Hand-made links for tests: any text or bytes, carried the way each version carries data. */
import { bytesToBase64Url } from "./base64url";
import { deflate } from "./deflate";
import { LINK_VERSION } from "./limits";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A link of the current version (or `version`) whose z holds `text`, deflated. */
export async function zLink(text: string, version = LINK_VERSION): Promise<string> {
  return `#v=${version}&z=${bytesToBase64Url(await deflate(utf8(text)))}`;
}

/** A v2 link whose d holds `text` (or raw bytes) as base64url. */
export function dLink(text: string | Uint8Array): string {
  return `#v=2&d=${bytesToBase64Url(typeof text === "string" ? utf8(text) : text)}`;
}

/** The data part of a link, and the link rebuilt around other data. */
export const dataOf = (link: string) => link.slice(link.indexOf("z=") + 2);
export const withData = (link: string, data: string) =>
  link.slice(0, link.indexOf("z=") + 2) + data;
