/**
 * initdb's options for the lab's schema databases, apart from boot.ts so that the CLI's snapshot
 * key (bin/lab-snapshot.ts) can name them without loading PGlite.
 *
 * 1 MB WAL segments instead of 16 MB: a data directory always holds at least one whole segment,
 * and every byte of the snapshot's is written into PGlite's in-memory file system at each boot
 * (16 MB of zeros was half of the 31 MB unpacked). The lab writes almost no WAL.
 */
export const INITDB_PARAMS = ["--wal-segsize=1"];
