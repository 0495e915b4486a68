/** Writing files that hold credentials: mode 0600, and never over an existing file unless asked. */
import { closeSync, constants, fchmodSync, openSync, writeSync } from 'node:fs';

export type WriteOutcome = { ok: true } | { ok: false; reason: 'exists' | 'failed'; code?: string };

export function writeSecretFile(path: string, content: string, overwrite: boolean): WriteOutcome {
  const flags = constants.O_WRONLY | constants.O_CREAT | (overwrite ? constants.O_TRUNC : constants.O_EXCL);
  let fd: number;
  try {
    fd = openSync(path, flags, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EEXIST' ? { ok: false, reason: 'exists' } : { ok: false, reason: 'failed', code };
  }
  try {
    // An existing file keeps its mode on O_TRUNC: tighten it before a byte is written.
    fchmodSync(fd, 0o600);
    writeSync(fd, content);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: 'failed', code: (error as NodeJS.ErrnoException).code };
  } finally {
    closeSync(fd);
  }
}
