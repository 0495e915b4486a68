// Builds dist/cli.js with webpack and makes it executable (it is the package's `bin`).
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const mode = process.argv.includes('--dev') ? 'development' : 'production';
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'webpack'), ['--mode', mode], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
