/**
 * A relative path that cannot leave the folder it is extracted or written into: no absolute
 * path or drive, no backslash, no `.` or `..` segment, no empty segment, no control character.
 * The zip writer and `generate --out` both refuse anything else.
 */
export function pathProblem(path: string): string | null {
  if (path === "") return "empty name";
  if (path.includes("\\")) return "backslash (use /)";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "absolute path";
  if (/[\u0000-\u001f\u007f]/.test(path)) return "control character";
  for (const segment of path.split("/")) {
    if (segment === "") return "empty segment (leading, trailing or double /)";
    if (segment === "." || segment === "..") return `"${segment}" segment`;
  }
  return null;
}
