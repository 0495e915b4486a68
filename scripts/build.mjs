// Builds dist/cli.js with webpack and makes it executable (it is the package's `bin`).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const mode = process.argv.includes('--dev') ? 'development' : 'production';
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'webpack'), ['--mode', mode], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);

// dist/cli.js is a small loader that runs dist/cli.bundle.js through V8's code cache (see scripts/cliLoader.cjs);
// the cache is made here by one `status` run against the demo home, so it holds what start-up compiles.
const dist = path.join(root, 'dist');
renameSync(path.join(dist, 'cli.js'), path.join(dist, 'cli.bundle.js'));
copyFileSync(path.join(root, 'scripts', 'cliLoader.cjs'), path.join(dist, 'cli.js'));
chmodSync(path.join(dist, 'cli.js'), 0o755);
const warm = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'status', '--json'], {
  env: {
    PATH: process.env.PATH,
    HOME: path.join(root, 'demo', 'home'),
    KAPTAIN_CREDENTIALS_WRITE_CODE_CACHE: '1',
  },
  stdio: 'ignore',
});
if ((warm.status !== 0 && warm.status !== 1) || !existsSync(path.join(dist, 'cli.bundle.cache'))) {
  console.error('build: the code-cache run of dist/cli.js failed');
  process.exit(1);
}
