// Live-check figures: `export async function bench(report)` (wired into bench/run.mjs by the lead).
// Starts Debian's docker-registry (Basic auth) and a one-node Ceph radosgw (test/e2e/support/ceph-rgw.sh), then:
// - check latency as the engine measures it (the `ms` of `check --json`), median of 20, per server;
// - the CLI's whole process (`check docker storage --json`) against curl doing the same requests, alternating.
// Needs scripts/ci/check-servers.sh's packages and curl; without them it reports why and returns.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { stopCephAt } = createRequire(import.meta.url)('../test/e2e/support/stopCeph.cjs');
const cli = path.join(root, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_CHECK_RUNS ?? 20);
const USER = 'benchuser';
const PASSWORD = 'bench-password-0001';
const AK = 'KCBENCHACCESSKEY0001';
const SK = 'kc-bench-secret-key-000000000000000000001';
// curl 7.88's --aws-sigv4 does not send S3's x-amz-content-sha256 by itself; radosgw requires it.
const EMPTY_SHA256 = 'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('a bench server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const status = async (url) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
};

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function startRegistry(dir) {
  const port = await freePort();
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  spawnSync('htpasswd', ['-B', '-b', '-c', path.join(dir, 'htpasswd'), USER, PASSWORD]);
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\n` +
      `http:\n  addr: 127.0.0.1:${port}\nauth:\n  htpasswd:\n    realm: bench\n    path: ${dir}/htpasswd\n`,
  );
  const child = spawn('/usr/bin/docker-registry', ['serve', config], {
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH, HOME: dir },
  });
  await waitFor(async () => [200, 401].includes(await status(`http://127.0.0.1:${port}/v2/`)), 30000);
  return { host: `127.0.0.1:${port}`, stop: () => killGroup(child.pid) };
}

async function startCeph(dir) {
  const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
  const script = path.join(root, 'test', 'e2e', 'support', 'ceph-rgw.sh');
  const child = spawn(
    'bash',
    [
      script,
      dir,
      ...ports.map(String),
      AK,
      SK,
      'KCBENCHOTHERKEY00001',
      'other-secret-000000000000000000000000001',
    ],
    {
      detached: true,
      stdio: 'ignore',
      env: { PATH: process.env.PATH, HOME: dir, TMPDIR: dir },
    },
  );
  const code = await new Promise((resolve) => child.once('exit', resolve));
  const stop = () => stopCephAt(dir, child.pid);
  if (code !== 0) {
    await stop();
    throw new Error('ceph-rgw.sh failed');
  }
  // The plain gateway (no STS), and the bucket the checks ask for.
  const endpoint = `http://127.0.0.1:${ports[1]}`;
  spawnSync('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-X',
    'PUT',
    '-H',
    EMPTY_SHA256,
    '--aws-sigv4',
    'aws:amz:us-east-1:s3',
    '--user',
    `${AK}:${SK}`,
    `${endpoint}/kaptain`,
  ]);
  return { endpoint, stop };
}

function timeProcess(command, args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  return { elapsed, result };
}

export async function bench(report) {
  const missing = ['/usr/bin/docker-registry', '/usr/bin/radosgw', '/usr/bin/curl', cli].filter(
    (f) => !existsSync(f),
  );
  if (missing.length > 0) {
    report(
      'live checks',
      'skipped',
      `missing: ${missing.join(', ')} (scripts/ci/check-servers.sh, npm run build)`,
    );
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kc-bench-check-'));
  const home = path.join(dir, 'home');
  let registry;
  let ceph;
  try {
    // allSettled, so a server that did start is stopped below even when the other failed.
    const [registryStart, cephStart] = await Promise.allSettled([
      startRegistry(path.join(dir, 'registry')),
      startCeph(path.join(dir, 'ceph')),
    ]);
    registry = registryStart.status === 'fulfilled' ? registryStart.value : undefined;
    ceph = cephStart.status === 'fulfilled' ? cephStart.value : undefined;
    for (const start of [registryStart, cephStart]) if (start.status === 'rejected') throw start.reason;
    mkdirSync(path.join(home, '.docker'), { recursive: true });
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    writeFileSync(
      path.join(home, '.docker', 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth } } }),
    );
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ACCESS_KEY_ID: AK,
      AWS_SECRET_ACCESS_KEY: SK,
      S3_ENDPOINT: ceph.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
    };
    const checkArgs = [cli, 'check', 'docker', 'storage', '--storage-provider', 'from-env', '--json'];
    // curl doing the same round trips: the registry's anonymous probe and the Basic retry; a SigV4 HeadBucket.
    const curlRegistry = [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      `http://${registry.host}/v2/`,
      '--next',
      '-s',
      '-o',
      '/dev/null',
      '-u',
      `${USER}:${PASSWORD}`,
      `http://${registry.host}/v2/`,
    ];
    const curlS3 = [
      '-s',
      '-o',
      '/dev/null',
      '-I',
      '-H',
      EMPTY_SHA256,
      '--aws-sigv4',
      'aws:amz:us-east-1:s3',
      '--user',
      `${AK}:${SK}`,
      `${ceph.endpoint}/kaptain`,
    ];

    const first = JSON.parse(timeProcess(process.execPath, checkArgs, env).result.stdout).checks;
    if (!first.every((c) => c.outcome === 'ok'))
      throw new Error(`the bench checks do not pass: ${JSON.stringify(first)}`);
    const engine = { docker: [], s3: [] };
    const whole = [];
    const curl = [];
    const floor = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(timeProcess(process.execPath, ['-e', '0'], env).elapsed);
      const run = timeProcess(process.execPath, checkArgs, env);
      whole.push(run.elapsed);
      for (const c of JSON.parse(run.result.stdout).checks) engine[c.kind].push(c.ms);
      curl.push(timeProcess('curl', curlRegistry, env).elapsed + timeProcess('curl', curlS3, env).elapsed);
    }
    report(
      `check latency, registry Basic (engine, median of ${RUNS})`,
      ms(median(engine.docker)),
      'target <= 50 ms',
    );
    report(
      `check latency, radosgw HeadBucket SigV4 (engine, median of ${RUNS})`,
      ms(median(engine.s3)),
      'target <= 50 ms',
    );
    report('check docker storage --json (whole process)', ms(median(whole)));
    report('the same requests with curl (2 processes)', ms(median(curl)));
    report('node -e 0 (the floor of any Node CLI)', ms(median(floor)));
    // Node's own start-up is most of the difference: the target allows it.
    report('ratio check / curl', (median(whole) / median(curl)).toFixed(2), 'target <= 4');
  } catch (error) {
    report('live checks', 'failed', String(error.message ?? error));
  } finally {
    registry?.stop();
    await ceph?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node bench/check.mjs` runs it alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await bench((name, value, target = '') =>
    console.log(`${name.padEnd(64)} ${String(value).padStart(10)}   ${target}`),
  );
}
