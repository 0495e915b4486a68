/** The window's kept results: kept a few minutes, announced, ages ticking, one run at a time. */
import { AGE_TICK_MS, LiveChecks } from '../../src/vscode/liveChecks';
import type { CheckResult } from '../../src/core/check/types';

const ok: CheckResult = {
  target: 'registry.example.com:5000',
  kind: 'docker',
  outcome: 'ok',
  reason: 'authenticated',
  detail: '200',
  ms: 3,
};

afterEach(() => jest.useRealTimers());

test('results are kept for the keeping time, then dropped', () => {
  let now = 1_000_000;
  const checks = new LiveChecks(() => now, 5 * 60_000);
  checks.put([ok]);
  expect(checks.current().map((k) => k.atMs)).toEqual([1_000_000]);
  now += 5 * 60_000;
  expect(checks.current()).toHaveLength(1);
  now += 1;
  expect(checks.current()).toEqual([]);
  checks.dispose();
});

test('listeners hear of new results and of every age tick while results are kept', () => {
  jest.useFakeTimers();
  const checks = new LiveChecks(() => Date.now());
  let heard = 0;
  checks.onDidChange(() => heard++);
  checks.put([ok]);
  expect(heard).toBe(1);
  jest.advanceTimersByTime(AGE_TICK_MS * 2);
  expect(heard).toBe(3);
  checks.dispose();
  jest.advanceTimersByTime(AGE_TICK_MS * 2);
  expect(heard).toBe(3);
});

test('a second request while a run is under way joins it; nothing runs by itself', async () => {
  const checks = new LiveChecks();
  let runs = 0;
  let release: (r: CheckResult[]) => void = () => undefined;
  const check = () => {
    runs++;
    return new Promise<CheckResult[]>((resolve) => (release = resolve));
  };
  expect(checks.current()).toEqual([]);
  const first = checks.run(check);
  const second = checks.run(check);
  expect(checks.isRunning).toBe(true);
  release([ok]);
  expect(await first).toEqual([ok]);
  expect(await second).toEqual([ok]);
  expect(runs).toBe(1);
  expect(checks.isRunning).toBe(false);
  expect(checks.current()).toHaveLength(1);
  checks.dispose();
});

test('a failed run keeps nothing and allows the next one', async () => {
  const checks = new LiveChecks();
  await expect(checks.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(checks.isRunning).toBe(false);
  expect(checks.current()).toEqual([]);
  await checks.run(async () => [ok]);
  expect(checks.current()).toHaveLength(1);
  checks.dispose();
});
