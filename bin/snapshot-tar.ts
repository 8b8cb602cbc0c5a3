/** The snapshot's tar as the CLI caches it: whether bytes read from the cache are a whole tar archive. */
import { readTar } from "../lib/sql/tar";

/**
 * Read as the lab will read it (`lib/sql/tar.ts`): every header whole and its checksum right, every
 * file within the bytes, the archive's end there. Checked where the tar lies in memory.
 */
export function isWholeTar(tar: Uint8Array): boolean {
  try {
    readTar(tar);
    return true;
  } catch {
    return false;
  }
}
