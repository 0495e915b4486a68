// `npm test`: every suite, then one line of totals over all of them: `N passed, N failed`.
// Suites: static checks (types, lint, format), the bundle build, and jest (unit, property and CLI tests that run
// the built dist/cli.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
const jestReport = path.join('build', 'jest-results.json');
rmSync(jestReport, { force: true });
if (built) {
  console.log('\n▶ jest (unit, property and CLI tests)');
  spawnSync(bin('jest'), ['--ci', '--json', `--outputFile=${jestReport}`], {
    stdio: 'inherit',
    env: process.env,
  });
  if (existsSync(jestReport)) {
    const results = JSON.parse(readFileSync(jestReport, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A suite that fails to load has no test results of its own: count it as a failure.
    failed += results.testResults.filter(
      (r) => r.status === 'failed' && r.assertionResults.length === 0,
    ).length;
    // Pending (skipped) tests are not passes.
    if (results.numPendingTests > 0)
      console.log(`(${results.numPendingTests} skipped tests are not counted as passed)`);
  } else {
    failed++;
    console.log('✖ jest wrote no results');
  }
} else {
  failed++;
  console.log('✖ jest not run: the build failed');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
