// `npm run bench`: whole-process and engine figures, with ratios against peers measured in the same run.
// Whole-process commands run alternately (A, B, C, A, B, C, ...) so drift on a shared machine hits all alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineFigures, manifestSet, median } from './engine.mjs';
import { bench as checkBench } from './check.mjs';
import { bench as labBench } from './jupyterlab.mjs';
import { bench as vscodeBench } from './vscode.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 30);

function timeOnce({ command, args, env }) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error ?? result.stderr}`);
  }
  return ms;
}

/** A "command" may be a list of processes run one after the other (the kubectl equivalent of manifests). */
const timeCommand = (c) => (Array.isArray(c) ? c.reduce((sum, one) => sum + timeOnce(one), 0) : timeOnce(c));

/** Medians of alternating runs; the minima are kept too (`lastMinima`): on a shared machine they drift least. */
let lastMinima = [];
function alternate(commands) {
  commands.forEach(timeCommand); // warm-up
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => samples[j].push(timeCommand(c)));
  lastMinima = samples.map((s) => Math.min(...s));
  return samples.map(median);
}
const minRatio = (a, b) => `(minima: ${(lastMinima[a] / lastMinima[b]).toFixed(2)})`;

function makeHome(registries) {
  const home = mkdtempSync(path.join(tmpdir(), 'kc-bench-'));
  mkdirSync(path.join(home, '.docker'));
  const auths = {};
  for (let i = 0; i < registries; i++) {
    auths[`registry-${i}.example.com:5000`] = {
      auth: Buffer.from(`user${i}:password${i}`).toString('base64'),
    };
  }
  writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ auths }, null, 2));
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(
    path.join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
  );
  return home;
}

const report = (name, value, target = '') =>
  console.log(`${name.padEnd(64)} ${String(value).padStart(10)}   ${target}`);
const ms = (value) => `${value.toFixed(1)} ms`;

const small = makeHome(2);
const large = makeHome(5000);
const env = (home, extra = {}) => ({ PATH: process.env.PATH, HOME: home, ...extra });
const awsEnv = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
  S3_ENDPOINT: 'http://minio:9000',
};
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const kubectl = (args, extra = {}) => ({
  command: 'kubectl',
  args: [...args, '--dry-run=client', '-o', 'yaml'],
  env: env(small, { KUBECONFIG: '/nonexistent', ...extra }),
});
try {
  const load = loadavg()[0].toFixed(2);
  console.log(
    `kaptain-credentials bench: medians of ${runs} alternating runs (node ${process.version}, load ${load})\n`,
  );
  const status = { command: process.execPath, args: [cli, 'status', '--json'], env: env(small) };
  const floor = { command: process.execPath, args: ['-e', '0'], env: env(small) };
  const statusLarge = { command: process.execPath, args: [cli, 'status', '--json'], env: env(large) };
  const kubectlDocker = kubectl([
    'create',
    'secret',
    'generic',
    'docker-secret',
    `--from-file=config.json=${path.join(small, '.docker', 'config.json')}`,
  ]);
  const [tStatus, tFloor, tLarge, tKubectl] = alternate([
    status,
    floor,
    statusLarge,
    ...(hasKubectl ? [kubectlDocker] : []),
  ]);
  report('status --json, 2 registries (whole process)', ms(tStatus));
  report('node -e 0 (the floor)', ms(tFloor));
  report('ratio status / node -e 0', (tStatus / tFloor).toFixed(2), `target <= 1.2 ${minRatio(0, 1)}`);
  if (hasKubectl) {
    report('kubectl create secret generic --from-file --dry-run=client', ms(tKubectl));
    report('ratio status / kubectl', (tStatus / tKubectl).toFixed(2), `target <= 1.0 ${minRatio(0, 3)}`);
  }
  report('status --json, 5,000 registries (whole process)', ms(tLarge));
  report('growth 5,000 / 2 registries', (tLarge / tStatus).toFixed(2), `target <= 2 ${minRatio(2, 0)}`);

  if (hasKubectl) {
    // manifests for config.json, credentials and three variables, against the three kubectl commands that make them.
    const manifests = {
      command: process.execPath,
      args: [cli, 'manifests', '--namespace', 'team', '--docker', '--aws-file', '--aws-env'],
      env: env(small, awsEnv),
    };
    const kubectlAll = [
      kubectlDocker,
      kubectl([
        'create',
        'secret',
        'generic',
        'aws-credentials',
        `--from-file=credentials=${path.join(small, '.aws', 'credentials')}`,
      ]),
      kubectl([
        'create',
        'secret',
        'generic',
        'aws-configuration',
        ...Object.entries(awsEnv).map(([k, v]) => `--from-literal=${k}=${v}`),
      ]),
    ];
    const [tManifests, tKubectlAll] = alternate([manifests, kubectlAll]);
    report('manifests: 3 Secrets + 3 PodDefaults (whole process)', ms(tManifests));
    report('the 3 equivalent kubectl create secret commands', ms(tKubectlAll));
    report('ratio manifests / kubectl', (tManifests / tKubectlAll).toFixed(2), minRatio(0, 1));
  }

  const lintDir = mkdtempSync(path.join(tmpdir(), 'kc-bench-lint-'));
  writeFileSync(path.join(lintDir, '20.yaml'), manifestSet(10));
  writeFileSync(path.join(lintDir, '200.yaml'), manifestSet(100));
  const lintOf = (file) => ({
    command: process.execPath,
    args: [cli, 'lint', path.join(lintDir, file)],
    env: env(small),
  });
  const [tLint20, tLint200] = alternate([lintOf('20.yaml'), lintOf('200.yaml')]);
  rmSync(lintDir, { recursive: true, force: true });
  report('lint, 20 PodDefaults and Secrets (whole process)', ms(tLint20));
  report('lint, 200 PodDefaults and Secrets (whole process)', ms(tLint200));
  report('growth 200 / 20 objects (whole process)', (tLint200 / tLint20).toFixed(2), minRatio(1, 0));

  console.log('');
  engineFigures(root, report);
  console.log('');
  await vscodeBench(report);
  console.log('');
  await labBench(report);
  console.log('');
  await checkBench(report);
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
