/** After every e2e suite: stop the shared servers and remove the run's directory. */
import { rmSync } from 'node:fs';
import { STATE_DIR_VARIABLE, stopSharedCeph } from './sharedCeph';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[STATE_DIR_VARIABLE];
  if (!dir) return;
  await stopSharedCeph(dir);
  rmSync(dir, { recursive: true, force: true });
}
