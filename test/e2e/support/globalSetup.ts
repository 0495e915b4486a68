/** Before any e2e suite: a private directory where suites record the servers they share (see sharedCeph.ts). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STATE_DIR_VARIABLE } from './sharedCeph';

export default function globalSetup(): void {
  process.env[STATE_DIR_VARIABLE] = mkdtempSync(path.join(tmpdir(), 'kc-e2e-run-'));
}
