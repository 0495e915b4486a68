/**
 * Reads one path into a FileState without ever throwing: missing, a directory, a FIFO or device (never read,
 * it could block or never end), unreadable, over the limit (not read past it), or its bytes.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { READ_LIMIT_BYTES, type FileState } from '../core/snapshot';

function stateForError(error: unknown): FileState {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ENOENT covers a broken symlink; ENOTDIR a parent that is a file: in both there is no file to read.
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'not_a_file' };
  return { kind: 'unreadable' };
}

export function readFileState(path: string, limit: number = READ_LIMIT_BYTES): FileState {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer. Symlinks are followed, as the SDK's open() does
    // (Kubernetes mounts Secret files as symlinks).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return stateForError(error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not_a_file' };
    if (stat.size > limit) return { kind: 'too_large', size: stat.size };
    // Read at most limit + 1 bytes: the file may have grown since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { kind: 'too_large', size: length };
    return { kind: 'file', bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return stateForError(error);
  } finally {
    closeSync(fd);
  }
}
