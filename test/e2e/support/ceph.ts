/**
 * A one-node Ceph with three S3 gateways (test/e2e/support/ceph-rgw.sh), started once per suite: it checks SigV4,
 * SigV2 and STS session tokens for real. Set-up requests (IAM policy, buckets, session tokens) are signed with
 * the engine's own signer, so nothing from ../shared or another npm package is needed at test time.
 */
import { request } from 'node:http';
import path from 'node:path';
import { signV4, type AwsCredentials } from '../../../src/core/check/sigv4';
import { freePorts, spawnGroup } from './serverProcesses';
import { stopCephAt } from './stopCeph.cjs';

/** radosgw starts in about 17 s; a start that takes longer than this is stopped and reported. */
export const CEPH_START_LIMIT_MS = 150000;

export interface RunningCeph {
  /** client.rgw.a: STS on. */
  readonly stsEndpoint: string;
  /** client.rgw.b: STS off, so refusals carry SignatureDoesNotMatch / InvalidAccessKeyId. */
  readonly plainEndpoint: string;
  /** client.rgw.c: STS on, its clock 20 minutes ahead. */
  readonly lateEndpoint: string;
  readonly user: AwsCredentials;
  readonly otherUser: AwsCredentials;
  /** Where it keeps its data and pid file, and its start script's process group: what stopCephAt() needs. */
  readonly dir: string;
  readonly groupPid: number | undefined;
  stop(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A signed request for set-up, with the engine's SigV4. */
export function signedRequest(
  endpoint: string,
  method: string,
  pathname: string,
  credentials: AwsCredentials,
  options: { service?: string; body?: string; contentType?: string } = {},
): Promise<Answer> {
  const url = new URL(pathname, endpoint);
  const body = options.body ?? '';
  const headers = signV4(
    {
      method,
      host: url.host,
      path: url.pathname,
      query: [],
      headers: options.contentType ? { 'content-type': options.contentType } : {},
      body,
    },
    credentials,
    {
      region: 'us-east-1',
      service: options.service ?? 's3',
      nowMs: Date.now(),
      contentSha256Header: (options.service ?? 's3') === 's3',
    },
  ).headers;
  if (body) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body || undefined);
  });
}

const xmlValue = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';

/** STS GetSessionToken (900 s, radosgw's shortest) for `credentials`. */
export async function getSessionToken(
  endpoint: string,
  credentials: AwsCredentials,
): Promise<AwsCredentials> {
  const answer = await signedRequest(endpoint, 'POST', '/', credentials, {
    service: 'sts',
    body: 'Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900',
    contentType: 'application/x-www-form-urlencoded',
  });
  if (answer.status !== 200) throw new Error(`GetSessionToken answered ${answer.status}`);
  return {
    accessKeyId: xmlValue(answer.body, 'AccessKeyId'),
    secretAccessKey: xmlValue(answer.body, 'SecretAccessKey'),
    sessionToken: xmlValue(answer.body, 'SessionToken'),
  };
}

export { stopCephAt };

export async function startCeph(
  dir: string,
  user: AwsCredentials,
  otherUser: AwsCredentials,
): Promise<RunningCeph> {
  const [stsPort, plainPort, latePort, monPort] = await freePorts(4);
  const script = path.join(__dirname, 'ceph-rgw.sh');
  const args = [script, dir, String(stsPort), String(plainPort), String(latePort), String(monPort)];
  args.push(user.accessKeyId, user.secretAccessKey, otherUser.accessKeyId, otherUser.secretAccessKey);
  const setup = spawnGroup('bash', args, { PATH: process.env.PATH, HOME: dir, TMPDIR: dir });
  const stop = () => stopCephAt(dir, setup.child.pid);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), CEPH_START_LIMIT_MS)),
  );
  const code = await Promise.race([setup.exited, limit]);
  clearTimeout(timer);
  if (code !== 0) {
    await stop();
    const why =
      code === 'timeout' ? `did not finish within ${CEPH_START_LIMIT_MS / 1000} s` : `failed (${code})`;
    throw new Error(`ceph-rgw.sh ${why}: ${setup.output()}`);
  }
  const stsEndpoint = `http://127.0.0.1:${stsPort}`;
  // Allow testuser sts:GetSessionToken and s3:* (IAM PutUserPolicy on radosgw).
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sts:GetSessionToken', 's3:*'], Resource: '*' }],
  });
  const put = await signedRequest(stsEndpoint, 'POST', '/', user, {
    service: 'iam',
    body: `Action=PutUserPolicy&UserName=testuser&PolicyName=allow-sts&PolicyDocument=${encodeURIComponent(policy)}`,
    contentType: 'application/x-www-form-urlencoded',
  });
  if (put.status !== 200) {
    await stop();
    throw new Error(`PutUserPolicy answered ${put.status}`);
  }
  return {
    stsEndpoint,
    plainEndpoint: `http://127.0.0.1:${plainPort}`,
    lateEndpoint: `http://127.0.0.1:${latePort}`,
    user,
    otherUser,
    dir,
    groupPid: setup.child.pid,
    stop,
  };
}
