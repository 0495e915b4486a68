/** Temporary homes for tests: nothing is ever written to a real home. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempHome {
  readonly dir: string;
  /** Writes a file under the home, creating parent directories. */
  write(relative: string, content: string | Uint8Array, mode?: number): string;
  mkdir(relative: string): string;
  path(relative: string): string;
  remove(): void;
}

export function makeTempHome(prefix = 'kc-home-'): TempHome {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  // Traversable by an unprivileged user (tests run the CLI as `nobody` too).
  chmodSync(dir, 0o755);
  const full = (relative: string) => path.join(dir, relative);
  return {
    dir,
    path: full,
    write(relative, content, mode = 0o644) {
      const target = full(relative);
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
      writeFileSync(target, content);
      chmodSync(target, mode);
      return target;
    },
    mkdir(relative) {
      const target = full(relative);
      mkdirSync(target, { recursive: true, mode: 0o755 });
      return target;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
