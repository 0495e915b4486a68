// `npm start`: the product as a data scientist meets it. Makes .venv with JupyterLab (the newest tested version),
// builds the prebuilt extension and pip-installs it there, then starts JupyterLab on 127.0.0.1 with the demo home
// (demo/home, obviously fake credentials) and a demo environment, prints the URL and runs until Ctrl-C.
// The CLI demo is `npm run demo:cli`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { versions } = await import('./jupyterlab/paths.mjs');
const { labArguments, isolatedJupyterEnv, writeLabSettings, QUIET_SETTINGS } =
  await import('./jupyterlab/launch.cjs');
const venvDir = path.join(root, '.venv');
const python = process.env.PYTHON || 'python3';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`npm start: ${path.basename(command)} ${args[0] ?? ''} failed`);
    process.exit(result.status ?? 1);
  }
}

// 1. .venv with JupyterLab (kept between runs; delete it to start over).
const marker = path.join(venvDir, '.kaptain-credentials-jupyterlab');
if (!existsSync(marker)) {
  console.log(`Making .venv with jupyterlab==${versions.newest} (once; about a minute)…`);
  run(python, ['-m', 'venv', venvDir]);
  run(path.join(venvDir, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    `jupyterlab==${versions.newest}`,
  ]);
  writeFileSync(marker, `${versions.newest}\n`);
}

// 2. Build the extension and install it with pip, as a user would.
console.log('Building the JupyterLab extension…');
run(process.execPath, [path.join(root, 'scripts', 'jupyterlab', 'build.mjs')], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log('Installing it into .venv with pip…');
run(path.join(venvDir, 'bin', 'pip'), [
  'install',
  '--quiet',
  '--disable-pip-version-check',
  '--force-reinstall',
  '--no-deps',
  root,
]);

// 3. A throwaway workspace: notebooks, Jupyter's own directories, the server log. Nothing lands in the real home.
const work = mkdtempSync(path.join(tmpdir(), 'kaptain-credentials-demo-'));
const dir = (name) => {
  const d = path.join(work, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const notebooks = dir('notebooks');
writeFileSync(path.join(notebooks, 'train.ipynb'), demoNotebook());
const home = path.join(work, 'home');
cpSync(path.join(root, 'demo', 'home'), home, { recursive: true });

function freePort(preferred) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => (preferred ? freePort(0).then(resolve) : resolve(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
const port = await freePort(8888);
const token = randomBytes(16).toString('hex');
const env = {
  PATH: `${path.join(venvDir, 'bin')}:${process.env.PATH}`,
  LANG: process.env.LANG || 'C.UTF-8',
  HOME: home,
  ...isolatedJupyterEnv(dir('jupyter')),
  // A demo environment, as a PodDefault with envFrom would inject it (fake values).
  AWS_ACCESS_KEY_ID: 'AKIAFAKEDEMOENV12345',
  AWS_SECRET_ACCESS_KEY: 'FAKE-demo-env-secret-not-real',
  S3_ENDPOINT: 'http://minio.kubeflow:9000',
  S3_FORCE_PATH_STYLE: 'true',
  S3_SIGNATURE_VERSION: 's3v4',
};
writeLabSettings(env.JUPYTERLAB_SETTINGS_DIR, QUIET_SETTINGS);
const logPath = path.join(work, 'jupyterlab.log');
const log = openSync(logPath, 'a');
const server = spawn(
  path.join(venvDir, 'bin', 'jupyter'),
  labArguments({ port, token, rootDir: notebooks }),
  { env, cwd: notebooks, detached: true, stdio: ['ignore', log, log] },
);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping JupyterLab…');
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 8000);
  if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
  clearTimeout(timer);
  // Kernels run in sessions of their own; their command lines name this run's runtime directory.
  spawnSync('pkill', ['-KILL', '-f', env.JUPYTER_RUNTIME_DIR]);
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => {
  if (!stopping) {
    console.error(`JupyterLab exited (${code}); its log: ${logPath}`);
    process.exit(1);
  }
});

const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 300 && !stopping; i++) {
  try {
    const response = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
    if (response.ok) break;
  } catch {
    // not yet listening
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`
JupyterLab with Kaptain Credentials is running (demo home ${path.relative(root, path.join(root, 'demo', 'home'))}, fake credentials):

    ${base}/lab/tree/train.ipynb?token=${token}

Open the key icon in the left sidebar. Server log: ${logPath}
Press Ctrl-C to stop.`);

/** A notebook that trains with Kaptain: running its last cell while the check fails raises the notification. */
function demoNotebook() {
  const cell = (source, type = 'code') => ({
    cell_type: type,
    metadata: {},
    source,
    ...(type === 'code' ? { execution_count: null, outputs: [] } : {}),
  });
  return JSON.stringify(
    {
      cells: [
        cell(
          '# Training with Kaptain\n\nOpen **Kaptain Credentials** (the key icon in the left sidebar) to see whether `Model(...)` will find its credentials. Running the training cell while the check fails raises a notification.',
          'markdown',
        ),
        cell(
          'from kaptain.model.models import Model\n\nmodel = Model(\n    id="mnist",\n    name="MNIST",\n    image_name="registry.example.com:5000/team/mnist",\n    main_file="trainer.py",\n)',
        ),
        cell('model.train(epochs=1)'),
      ],
      metadata: {
        kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' },
        language_info: { name: 'python' },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}
