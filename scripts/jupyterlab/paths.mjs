// Where the JupyterLab helpers keep things: the repository, and caches by version under
// ${XDG_CACHE_HOME:-$HOME/.cache}/kaptain-credentials/ (never the real home otherwise).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const versions = JSON.parse(
  readFileSync(path.join(root, 'scripts', 'jupyterlab', 'versions.json'), 'utf8'),
);
export const cacheDir = path.join(
  process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
  'kaptain-credentials',
);
export const labextensionDir = path.join(root, 'kaptain_credentials', 'labextension');
