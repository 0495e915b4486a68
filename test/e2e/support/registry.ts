/**
 * Debian's docker-registry (distribution 2.8) on 127.0.0.1, with htpasswd (bcrypt) Basic auth or token auth,
 * over http or TLS. One process group per registry; stop() ends it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:tls';
import path from 'node:path';
import { freePort, killGroup, spawnGroup, statusOf, waitFor } from './serverProcesses';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export type RegistryAuth =
  | { readonly htpasswd: readonly { readonly user: string; readonly password: string }[] }
  | {
      readonly token: {
        readonly realm: string;
        readonly service: string;
        readonly issuer: string;
        readonly rootCertBundle: string;
      };
    };

export interface RegistryOptions {
  readonly dir: string;
  readonly auth: RegistryAuth;
  readonly tls?: { readonly certPath: string; readonly keyPath: string };
}

export interface RunningRegistry {
  readonly port: number;
  /** host:port as an image reference names it. */
  readonly host: string;
  readonly url: string;
  stop(): Promise<void>;
}

function authYaml(dir: string, auth: RegistryAuth): string {
  if ('htpasswd' in auth) {
    const file = path.join(dir, 'htpasswd');
    writeFileSync(file, '');
    for (const { user, password } of auth.htpasswd) {
      // bcrypt (-B) is the only hash distribution accepts.
      const made = spawnSync('htpasswd', ['-B', '-b', file, user, password], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`htpasswd failed: ${made.stderr}`);
    }
    return `auth:\n  htpasswd:\n    realm: test-registry\n    path: ${file}\n`;
  }
  const t = auth.token;
  return `auth:\n  token:\n    realm: ${t.realm}\n    service: ${t.service}\n    issuer: ${t.issuer}\n    rootcertbundle: ${t.rootCertBundle}\n`;
}

export async function startRegistry(options: RegistryOptions): Promise<RunningRegistry> {
  mkdirSync(path.join(options.dir, 'data'), { recursive: true });
  const port = await freePort();
  const tls = options.tls
    ? `  tls:\n    certificate: ${options.tls.certPath}\n    key: ${options.tls.keyPath}\n`
    : '';
  const config = path.join(options.dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(options.dir, 'data')}\n` +
      `http:\n  addr: 127.0.0.1:${port}\n${tls}` +
      authYaml(options.dir, options.auth),
  );
  const proc = spawnGroup(REGISTRY_BINARY, ['serve', config], {
    PATH: process.env.PATH,
    HOME: options.dir,
    TMPDIR: options.dir,
  });
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  try {
    await waitFor(
      `the registry on port ${port}`,
      async () => {
        if (exited) throw new Error(`docker-registry exited: ${proc.output()}`);
        if (options.tls) {
          // Any TLS answer means it listens; the certificate is checked by the tests themselves.
          const up = await new Promise<boolean>((resolve) => {
            const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
              socket.end();
              resolve(true);
            });
            socket.on('error', () => resolve(false));
          });
          return up;
        }
        const status = await statusOf(`${url}/v2/`);
        return status === 401 || status === 200;
      },
      30000,
    );
  } catch (error) {
    await killGroup(proc.child.pid);
    throw error;
  }
  return {
    port,
    host: `127.0.0.1:${port}`,
    url,
    stop: () => killGroup(proc.child.pid),
  };
}
