/**
 * Bytes already in memory, handed to PGlite as a Blob without a copy: Node's Blob constructor
 * copies its parts, and a file-backed Blob (openAsBlob) holds the bytes twice while arrayBuffer()
 * reads them, either way their size again in peak memory. PGlite reads a snapshot and its
 * file-system bundle only through `type` and `arrayBuffer()`, so this Blob answers those two (its
 * other members see an empty Blob).
 */
export class BytesBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  constructor(bytes: Uint8Array<ArrayBuffer>, type: string) {
    super([], { type });
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#bytes;
    const whole = byteOffset === 0 && byteLength === buffer.byteLength;
    return Promise.resolve(whole ? buffer : buffer.slice(byteOffset, byteOffset + byteLength));
  }
}
