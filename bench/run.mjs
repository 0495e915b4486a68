// `npm run bench`: whole-process and engine figures, with ratios against peers measured in the same run.
// Alternating runs (A, B, A, B, ...) so that drift on a shared machine hits both sides alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 30);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeOnce(command, args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error ?? result.stderr}`);
  }
  return ms;
}

/** Runs the commands alternately `runs` times each (after one warm-up) and returns their medians. */
function alternate(commands) {
  for (const c of commands) timeOnce(c.command, c.args, c.env);
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => samples[j].push(timeOnce(c.command, c.args, c.env)));
  return samples.map(median);
}

function makeHome(registries) {
  const home = mkdtempSync(path.join(tmpdir(), 'kc-bench-'));
  mkdirSync(path.join(home, '.docker'));
  const auths = {};
  for (let i = 0; i < registries; i++) {
    auths[`registry-${i}.example.com:5000`] = { auth: Buffer.from(`user${i}:password${i}`).toString('base64') };
  }
  writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ auths }, null, 2));
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(path.join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
  return home;
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = [];
const report = (name, value, target) => {
  rows.push({ name, value, target });
  console.log(`${name.padEnd(62)} ${value.padStart(10)}   ${target ?? ''}`);
};

const small = makeHome(2);
const large = makeHome(5000);
const envFor = (home) => ({ PATH: process.env.PATH, HOME: home });
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
try {
  console.log(`kaptain-credentials bench: ${runs} alternating runs each, medians (node ${process.version})\n`);
  const status = { command: process.execPath, args: [cli, 'status', '--json'], env: envFor(small) };
  const floor = { command: process.execPath, args: ['-e', '0'], env: envFor(small) };
  const statusLarge = { command: process.execPath, args: [cli, 'status', '--json'], env: envFor(large) };
  const commands = [status, floor, statusLarge];
  if (kubectl) {
    commands.push({
      command: 'kubectl',
      args: ['create', 'secret', 'generic', 'docker-secret', `--from-file=config.json=${path.join(small, '.docker', 'config.json')}`, '--dry-run=client', '-o', 'yaml'],
      env: { ...envFor(small), KUBECONFIG: '/nonexistent' },
    });
  }
  const [tStatus, tFloor, tLarge, tKubectl] = alternate(commands);
  report('status --json, 2 registries (whole process)', fmt(tStatus));
  report('node -e 0 (the floor)', fmt(tFloor));
  report('ratio status / node -e 0', (tStatus / tFloor).toFixed(2), 'target <= 1.2');
  if (kubectl) {
    report('kubectl create secret generic --dry-run=client -o yaml', fmt(tKubectl));
    report('ratio status / kubectl', (tStatus / tKubectl).toFixed(2), 'target <= 1.0');
  } else {
    console.log('kubectl not found: the kubectl ratio is not measured');
  }
  report('status --json, 5,000 registries (whole process)', fmt(tLarge));
  report('growth 5,000 / 2 registries', (tLarge / tStatus).toFixed(2), 'target <= 2');

  // The engine alone on a 1 MiB config.json, in process.
  const require = createRequire(import.meta.url);
  const engine = require(path.join(root, 'dist', 'engine.js'));
  const auths = {};
  let i = 0;
  let text = '';
  while (text.length < 1024 * 1024) {
    for (let j = 0; j < 500; j++, i++) auths[`registry-${i}.example.com`] = { auth: Buffer.from(`u${i}:p${i}`).toString('base64') };
    text = JSON.stringify({ auths });
  }
  const bytes = new TextEncoder().encode(text);
  const home = '/home/kubeflow';
  const snapshot = { home, env: {}, files: { [`${home}/.docker/config.json`]: { kind: 'file', bytes } }, nowMs: Date.now() };
  for (let w = 0; w < 5; w++) engine.inspect(snapshot);
  const samples = [];
  for (let r = 0; r < 30; r++) {
    const start = process.hrtime.bigint();
    engine.inspect(snapshot);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  report(`engine inspect(), ${(bytes.length / 1048576).toFixed(2)} MiB config.json (${i} registries)`, fmt(median(samples)), 'target < 20 ms');
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
