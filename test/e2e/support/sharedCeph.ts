/**
 * One Ceph for the whole e2e run (radosgw takes about 20 s to start): the first suite that needs it starts it and
 * records it in the run's state directory (made by globalSetup.ts); later suites, each with its own module
 * registry, read that record; globalTeardown.ts stops it. The users' secrets are fresh canaries per run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AwsCredentials } from '../../../src/core/check/sigv4';
import { startCeph, stopCephAt, type RunningCeph } from './ceph';

/** Set by globalSetup.ts: a private temporary directory for the run's shared servers. */
export const STATE_DIR_VARIABLE = 'KC_E2E_STATE_DIR';

type CephRecord = Omit<RunningCeph, 'stop'>;

function stateDir(): string {
  const dir = process.env[STATE_DIR_VARIABLE];
  if (!dir) throw new Error(`${STATE_DIR_VARIABLE} is not set: run the e2e suites with jest.e2e.config.js`);
  return dir;
}

const recordFile = (dir: string) => path.join(dir, 'ceph.json');
/** A failed start is recorded too, so that the next suite reports it at once instead of waiting again. */
const failureFile = (dir: string) => path.join(dir, 'ceph.failed');

const hex = (n: number) => randomBytes(n).toString('hex');

/** The run's Ceph; stop() is the run's business (globalTeardown), so suites get a no-op. */
export async function sharedCeph(): Promise<RunningCeph> {
  const dir = stateDir();
  const file = recordFile(dir);
  if (existsSync(failureFile(dir))) throw new Error(readFileSync(failureFile(dir), 'utf8'));
  if (!existsSync(file)) {
    const user: AwsCredentials = {
      accessKeyId: `KCTEST${hex(7).toUpperCase()}`,
      secretAccessKey: `kc-canary-secret-${hex(12)}`,
      sessionToken: null,
    };
    const otherUser: AwsCredentials = {
      accessKeyId: `KCOTHER${hex(7).toUpperCase()}`,
      secretAccessKey: `kc-canary-other-${hex(12)}`,
      sessionToken: null,
    };
    const cephDir = path.join(dir, 'ceph');
    mkdirSync(cephDir, { recursive: true });
    let started: RunningCeph;
    try {
      started = await startCeph(cephDir, user, otherUser);
    } catch (error) {
      writeFileSync(failureFile(dir), `the run's Ceph did not start: ${String(error)}`);
      throw error;
    }
    const record: CephRecord = {
      stsEndpoint: started.stsEndpoint,
      plainEndpoint: started.plainEndpoint,
      lateEndpoint: started.lateEndpoint,
      user,
      otherUser,
      dir: started.dir,
      groupPid: started.groupPid,
    };
    writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
  }
  const record = JSON.parse(readFileSync(file, 'utf8')) as CephRecord;
  return { ...record, stop: async () => undefined };
}

/** For globalTeardown: stops the run's Ceph if a suite started one. */
export async function stopSharedCeph(dir: string): Promise<void> {
  const file = recordFile(dir);
  if (!existsSync(file)) return;
  const record = JSON.parse(readFileSync(file, 'utf8')) as CephRecord;
  await stopCephAt(record.dir, record.groupPid);
}
