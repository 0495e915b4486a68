/**
 * Output without process.stdout: touching it loads Node's stream machinery (about 3 ms, and `tty` as many
 * again), which would be most of the CLI's own start-up time. The CLI writes each output once, synchronously.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to a file descriptor; a closed pipe (`| head`) ends the output quietly. */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1); // a non-blocking pipe is full: let the reader catch up
        continue;
      }
      if (code === 'EPIPE') return;
      throw error;
    }
  }
}

/** Whether a descriptor is a terminal: a character device other than /dev/null (what isatty answers, cheaply). */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
