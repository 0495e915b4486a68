// In-process figures for the engine alone (dist/engine.js): inspect() on large inputs, lint() on large sets.
import { createRequire } from 'node:module';
import path from 'node:path';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeMedian(fn, runs = 30, warmup = 5) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const MiB = 1024 * 1024;
const home = '/home/kubeflow';
const snapshotWith = (file, bytes, env = {}) => ({
  home,
  env,
  files: { [`${home}/${file}`]: { kind: 'file', bytes } },
  nowMs: Date.UTC(2026, 0, 1),
});

function dockerConfigOfSize(size) {
  const auths = {};
  let text = '';
  for (let i = 0; text.length < size;) {
    for (let j = 0; j < 500; j++, i++)
      auths[`registry-${i}.example.com`] = { auth: Buffer.from(`u${i}:p${i}`).toString('base64') };
    text = JSON.stringify({ auths });
  }
  return new TextEncoder().encode(text);
}

function credentialsOfSize(size) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = `[p${i}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`;
    parts.push(p);
    length += p.length;
  }
  return new TextEncoder().encode(parts.join(''));
}

export function manifestSet(pairs) {
  const docs = [];
  for (let i = 0; i < pairs; i++) {
    docs.push(
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s${i}\n  namespace: team\ntype: Opaque\ndata:\n  S3_ENDPOINT: ${Buffer.from(`http://minio-${i}:9000`).toString('base64')}\n`,
    );
    docs.push(
      `apiVersion: kubeflow.org/v1alpha1\nkind: PodDefault\nmetadata:\n  name: pd${i}\n  namespace: team\nspec:\n  desc: d${i}\n  selector:\n    matchLabels:\n      pd${i}: "true"\n` +
        `  volumeMounts:\n  - name: v${i}\n    mountPath: /home/kubeflow/m${i}\n  volumes:\n  - name: v${i}\n    secret:\n      secretName: s${i}\n`,
    );
  }
  return docs.join('---\n');
}

export function engineFigures(root, report) {
  const require = createRequire(import.meta.url);
  const engine = require(path.join(root, 'dist', 'engine.js'));
  const docker = dockerConfigOfSize(MiB);
  report(
    `engine inspect(), ${(docker.length / MiB).toFixed(2)} MiB config.json`,
    `${timeMedian(() => engine.inspect(snapshotWith('.docker/config.json', docker))).toFixed(1)} ms`,
    'target < 20 ms',
  );
  const creds = credentialsOfSize(MiB);
  report(
    `engine inspect(), ${(creds.length / MiB).toFixed(2)} MiB ~/.aws/credentials`,
    `${timeMedian(() => engine.inspect(snapshotWith('.aws/credentials', creds))).toFixed(1)} ms`,
  );
  const lint20 = manifestSet(10);
  const lint200 = manifestSet(100);
  const t20 = timeMedian(() => engine.lintManifests([{ name: 'set.yaml', text: lint20 }]));
  const t200 = timeMedian(() => engine.lintManifests([{ name: 'set.yaml', text: lint200 }]), 15, 3);
  report('engine lint, 20 PodDefaults and Secrets', `${t20.toFixed(1)} ms`);
  report('engine lint, 200 PodDefaults and Secrets', `${t200.toFixed(1)} ms`);
  report('lint growth 200 / 20 objects', (t200 / t20).toFixed(1), 'linear would be 10');
}
