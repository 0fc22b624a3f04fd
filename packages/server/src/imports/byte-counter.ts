/** A pass-through stream that reports how many bytes went through it (for the progress bar). */
import { Transform } from 'node:stream';

/** Count bytes flowing through; `onBytes` gets each chunk's size. */
export function byteCounter(onBytes: ((n: number) => void) | undefined): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      onBytes?.(chunk.length);
      cb(null, chunk);
    },
  });
}
