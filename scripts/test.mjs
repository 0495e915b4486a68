// `npm test`: every suite, then one line of totals over all of them: `N passed, N failed`.
// Suites: static checks (types, lint, format), the bundle build, and jest (unit, property and CLI tests that run
// the built dist/cli.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status === 0) passed++;
  else {
    failed++;
    console.log(`✖ ${name} failed (exit ${result.status ?? result.signal})`);
  }
  return result.status === 0;
}

step('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']);
step('lint (eslint)', bin('eslint'), ['.']);
step('format (prettier --check)', bin('prettier'), ['--check', '.']);
const built = step('build (webpack)', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);

mkdirSync('build', { recursive: true });

/** Runs one jest configuration and adds its counts; a suite that fails to load counts as a failure. */
function jestSuite(name, args) {
  const report = path.join('build', `jest-${name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  console.log(`\n▶ jest: ${name}`);
  spawnSync(bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...args], {
    stdio: 'inherit',
    env: process.env,
  });
  if (!existsSync(report)) {
    failed++;
    console.log(`✖ jest ${name} wrote no results`);
    return;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  failed += results.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  // Skipped tests are not passes; say so.
  if (results.numPendingTests > 0)
    console.log(`(${results.numPendingTests} skipped tests are not counted as passed)`);
}

if (built) {
  jestSuite('unit, property and CLI tests', []);
  const e2e =
    existsSync('test/e2e') &&
    readdirSync('test/e2e', { recursive: true }).some((f) => String(f).endsWith('.e2e.ts'));
  if (e2e) jestSuite('end-to-end (real hosts and servers)', ['-c', 'jest.e2e.config.js', '--runInBand']);
} else {
  failed++;
  console.log('✖ jest not run: the build failed');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
