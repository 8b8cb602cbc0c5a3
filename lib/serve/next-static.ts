/** Next's build output served precompressed by npm start's server (see scripts/precompress-next-static.ts). */

/** Relative to the app's root; served under NEXT_STATIC_URL. */
export const NEXT_STATIC_DIR = ".next/static";
export const NEXT_STATIC_URL = "/_next/static/";

const TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The content type of a file worth compressing, else null (fonts, images: Next serves them). */
export function staticType(file: string): string | null {
  const dot = file.lastIndexOf(".");
  return dot < 0 ? null : (TYPES[file.slice(dot)] ?? null);
}
