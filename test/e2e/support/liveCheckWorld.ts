/**
 * The real servers behind every live-check outcome, for the VS Code and JupyterLab suites (the CLI suites have
 * their own, finer-grained ones). Docker: one auths entry per outcome in config.json, each pointing at a real
 * listener; storage: the run's shared Ceph radosgw, whose outcome the face's settings choose.
 *
 *   ok              Docker: htpasswd registry, right password; storage: MinIO setting → radosgw, MINIO_* keys
 *   unauthorized    Docker: htpasswd registry, wrong password; storage: s3 provider, ~/.aws/credentials, wrong secret
 *   no_credentials  Docker: an empty auths entry for a running registry
 *   bucket_missing  storage: a storage URI naming a bucket that does not exist
 *   tls_error       Docker: TLS registry, self-signed, no ~/.tls CA (ok once the CA is there)
 *   unreachable     Docker: a closed port
 *   timeout         Docker: a listener that never answers
 *   error           storage: a gateway whose clock is 20 minutes ahead (RequestTimeTooSkewed)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signedRequest, type RunningCeph } from './ceph';
import { startRegistry, type RunningRegistry } from './registry';
import { freePort } from './serverProcesses';
import { sharedCeph } from './sharedCeph';
import { makeSelfSigned } from './testCertificates';

const canary = (label: string) => `kc-canary-${label}-${randomBytes(6).toString('hex')}`;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export interface LiveCheckWorld {
  /** The Docker targets (auths keys, as the faces show them), one per outcome. */
  readonly docker: {
    readonly ok: string;
    readonly unauthorized: string;
    /** tls_error without ~/.tls/certificate.crt, ok with `tlsCertificatePem` there. */
    readonly tls: string;
    readonly noCredentials: string;
    readonly unreachable: string;
    readonly timeout: string;
  };
  /** ~/.docker/config.json with the entries above (write it 0600). */
  readonly dockerConfig: string;
  /** The TLS registry's self-signed certificate: the CA for ~/.tls/certificate.crt. */
  readonly tlsCertificatePem: string;
  /** Storage: radosgw's endpoints and buckets. */
  readonly storage: {
    /** STS off: refusals name SignatureDoesNotMatch. */
    readonly endpoint: string;
    /** Its clock is 20 minutes ahead: RequestTimeTooSkewed, an `error`. */
    readonly lateEndpoint: string;
    /** Exists, owned by the MinIO keys' user. */
    readonly bucket: string;
    readonly missingBucket: string;
  };
  /** The face's environment: MinIO's keys (right), and S3_ENDPOINT for the s3 provider. */
  readonly env: Readonly<Record<string, string>>;
  /** ~/.aws/credentials whose [default] holds the right access key with a wrong secret. */
  readonly wrongAwsCredentials: string;
  /** Every secret of the world: none may appear in a page, a console or a log. */
  readonly canaries: readonly string[];
  stop(): Promise<void>;
}

/** A TCP listener that accepts and never says anything (neither TLS nor HTTP). */
async function silentListener(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function startLiveCheckWorld(): Promise<LiveCheckWorld> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kc-live-world-'));
  const user = 'kc-tester';
  const right = canary('right');
  const wrong = canary('wrong');
  const other = canary('other');
  const wrongSecret = canary('wrong-secret');
  const certificate = makeSelfSigned(dir, 'tls-registry', 'kc-test-registry', ['IP:127.0.0.1']);
  const registries: RunningRegistry[] = [];
  const silent = await silentListener();
  const stop = async () => {
    await Promise.all([...registries.map((r) => r.stop()), silent.close()]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [good, refusing, tls] = await Promise.all([
      startRegistry({ dir: path.join(dir, 'good'), auth: { htpasswd: [{ user, password: right }] } }),
      startRegistry({ dir: path.join(dir, 'refusing'), auth: { htpasswd: [{ user, password: other }] } }),
      startRegistry({
        dir: path.join(dir, 'tls'),
        auth: { htpasswd: [{ user, password: right }] },
        tls: { certPath: certificate.certPath, keyPath: certificate.keyPath },
      }),
    ]);
    registries.push(good, refusing, tls);
    const ceph: RunningCeph = await sharedCeph();
    const bucket = `kc-face-${randomBytes(4).toString('hex')}`;
    const made = await signedRequest(ceph.plainEndpoint, 'PUT', `/${bucket}`, ceph.user);
    if (made.status !== 200) throw new Error(`creating the bucket answered ${made.status}`);

    const docker = {
      ok: good.host,
      unauthorized: refusing.host,
      tls: tls.host,
      noCredentials: `localhost:${good.port}`,
      unreachable: `127.0.0.1:${await freePort()}`,
      timeout: `127.0.0.1:${silent.port}`,
    };
    const withRight = { auth: b64(`${user}:${right}`) };
    const dockerConfig = JSON.stringify(
      {
        auths: {
          [docker.ok]: withRight,
          [docker.unauthorized]: { auth: b64(`${user}:${wrong}`) },
          [docker.tls]: withRight,
          [docker.noCredentials]: {},
          [docker.unreachable]: withRight,
          [docker.timeout]: withRight,
        },
      },
      null,
      2,
    );
    return {
      docker,
      dockerConfig,
      tlsCertificatePem: certificate.certPem,
      storage: {
        endpoint: ceph.plainEndpoint,
        lateEndpoint: ceph.lateEndpoint,
        bucket,
        missingBucket: `kc-missing-${randomBytes(4).toString('hex')}`,
      },
      env: {
        MINIO_ACCESS_KEY: ceph.user.accessKeyId,
        MINIO_SECRET_KEY: ceph.user.secretAccessKey,
        S3_ENDPOINT: ceph.plainEndpoint,
        S3_FORCE_PATH_STYLE: 'true',
      },
      wrongAwsCredentials: `[default]\naws_access_key_id = ${ceph.user.accessKeyId}\naws_secret_access_key = ${wrongSecret}\n`,
      canaries: [
        right,
        wrong,
        other,
        wrongSecret,
        withRight.auth,
        b64(`${user}:${wrong}`),
        ceph.user.secretAccessKey,
        ceph.otherUser.secretAccessKey,
      ],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
