// `npm run demo:cli`: the CLI on the demo home. It builds nothing itself (the npm script builds first) and runs
// `kaptain-credentials status` against demo/home, whose credentials are obviously fake.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const home = path.join(root, 'demo', 'home');
const env = {
  PATH: process.env.PATH,
  HOME: home,
  // A demo environment as a PodDefault with envFrom would inject it.
  AWS_ACCESS_KEY_ID: 'AKIAFAKEDEMOENV12345',
  AWS_SECRET_ACCESS_KEY: 'FAKE-demo-env-secret-not-real',
  S3_ENDPOINT: 'http://minio.kubeflow:9000',
  S3_FORCE_PATH_STYLE: 'true',
  S3_SIGNATURE_VERSION: 's3v4',
};
console.log(`Demo home: ${home}\n$ kaptain-credentials status --image kaptain-demo/mnist:1\n`);
const result = spawnSync(
  process.execPath,
  [path.join(root, 'dist', 'cli.js'), 'status', '--image', 'kaptain-demo/mnist:1'],
  {
    env,
    stdio: 'inherit',
  },
);
// Findings are the demo's point: exit 0 unless the CLI could not run at all.
process.exit(result.status === 0 || result.status === 1 ? 0 : (result.status ?? 1));
