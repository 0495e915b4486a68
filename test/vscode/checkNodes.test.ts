/** Live check results as tree nodes: ages, an icon per outcome, no secret in labels or tooltips. */
import { planChecks } from '../../src/core/check/plan';
import { runChecks } from '../../src/core/check/run';
import { CHECK_OUTCOMES, type CheckResult } from '../../src/core/check/types';
import type { HttpRequest, HttpResult } from '../../src/core/check/exchange';
import { checkNode, liveChecksNode, outcomeIcon, withLiveChecks } from '../../src/vscode/checkNodes';
import type { TreeNode } from '../../src/vscode/treeModel';
import { CANARY, secretsIn, snapshotOf } from './fixtures';

const T0 = Date.UTC(2026, 0, 1, 12);

const result = (over: Partial<CheckResult> = {}): CheckResult => ({
  target: 'registry.example.com:5000',
  kind: 'docker',
  outcome: 'ok',
  reason: 'authenticated',
  detail: 'GET /v2/ with Basic credentials: 200',
  ms: 42,
  ...over,
});

test('an item per check: target, outcome and reason with the age; the answer and timing in the tooltip', () => {
  const node = checkNode({ result: result(), atMs: T0 }, T0 + 2 * 60_000 + 5_000);
  expect(node).toMatchObject({
    label: 'registry.example.com:5000',
    description: 'ok (authenticated) · 2 min ago',
    icon: 'pass',
    tone: 'ok',
  });
  expect(node.tooltip).toContain('registry registry.example.com:5000: ok (authenticated)');
  expect(node.tooltip).toContain('GET /v2/ with Basic credentials: 200');
  expect(node.tooltip).toContain('checked 2 min ago, took 42 ms');
  expect(node.tooltip).not.toContain('Fix:');
  expect(checkNode({ result: result(), atMs: T0 }, T0 + 1000).description).toMatch(/· just now$/);
  expect(checkNode({ result: result(), atMs: T0 }, T0 + 40_000).description).toMatch(/· 40 s ago$/);
});

test('a failed check says the fix and the provider; push rights are named', () => {
  const node = checkNode(
    {
      result: result({ outcome: 'unauthorized', reason: 'bad_credentials', detail: 'GET /v2/: 401' }),
      atMs: T0,
    },
    T0,
  );
  expect(node).toMatchObject({
    icon: 'lock',
    tone: 'error',
    description: 'unauthorized (bad_credentials) · just now',
  });
  expect(node.tooltip).toMatch(/Fix: .*docker login/);
  const s3 = checkNode(
    {
      result: result({
        kind: 'minio',
        target: 'http://127.0.0.1:9/kaptain',
        outcome: 'unreachable',
        reason: 'connection_refused',
        provider: 'DefaultMinioConfigurationProvider',
      }),
      atMs: T0,
    },
    T0,
  );
  expect(s3.tooltip).toContain('MinIO http://127.0.0.1:9/kaptain: unreachable (connection_refused)');
  expect(s3.tooltip).toContain('with DefaultMinioConfigurationProvider');
  expect(checkNode({ result: result({ push: false }), atMs: T0 }, T0).tooltip).toContain('push not granted');
});

test('every outcome has its own icon; unknown outcomes get the error icon', () => {
  const icons = CHECK_OUTCOMES.map((o) => outcomeIcon(o).icon);
  expect(new Set(icons).size).toBe(CHECK_OUTCOMES.length);
  expect(CHECK_OUTCOMES.filter((o) => outcomeIcon(o).tone === 'ok')).toEqual(['ok']);
  expect(outcomeIcon('nonsense' as never).icon).toBe('error');
});

test('the section counts passed and failed, and goes right after the verdict', () => {
  expect(liveChecksNode([], T0)).toBeNull();
  const section = liveChecksNode(
    [
      { result: result(), atMs: T0 },
      {
        result: result({ target: 'localhost:5000', outcome: 'timeout', reason: 'timeout' }),
        atMs: T0 + 60_000,
      },
    ],
    T0 + 61_000,
  )!;
  expect(section).toMatchObject({
    label: 'Live checks',
    description: '1 passed, 1 failed · just now',
    icon: 'error',
    expanded: true,
  });
  expect(section.children!.map((c) => c.id)).toEqual([
    'checks/docker/registry.example.com:5000',
    'checks/docker/localhost:5000',
  ]);
  const roots: TreeNode[] = [
    { id: 'verdict', label: 'v' },
    { id: 'docker', label: 'd' },
  ];
  expect(withLiveChecks(roots, section).map((n) => n.id)).toEqual(['verdict', 'checks', 'docker']);
  expect(withLiveChecks([], section).map((n) => n.id)).toEqual(['checks']);
  expect(withLiveChecks(roots, null)).toEqual(roots);
});

test('results of real runs (refused, unauthorized, echoed secrets) put no secret into any node', async () => {
  const auth = Buffer.from(`alice:${CANARY.docker}`).toString('base64');
  const snapshot = snapshotOf({
    docker: JSON.stringify({ auths: { 'registry.example.com:5000': { auth } } }),
  });
  const plans = planChecks(snapshot, {
    docker: true,
    storage: true,
    storageProvider: 'env',
    storageUri: 's3://kaptain/models',
  });
  // The registry refuses the credentials and echoes everything it got; S3 is unreachable.
  const send = async (request: HttpRequest): Promise<HttpResult> => {
    if (request.url.includes('registry.example.com')) {
      const echo = JSON.stringify(request);
      return {
        kind: 'response',
        status: 401,
        headers: { 'www-authenticate': 'Basic realm="r"', 'docker-distribution-api-version': 'registry/2.0' },
        body: JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: echo }] }),
      };
    }
    return { kind: 'failure', failure: 'unreachable', code: 'ECONNREFUSED' };
  };
  const results = await runChecks(plans, { send, now: () => T0, timeoutMs: 5000 });
  expect(results.map((r) => r.outcome)).toContain('unauthorized');
  const nodes = liveChecksNode(
    results.map((r) => ({ result: r, atMs: T0 })),
    T0,
  );
  expect(secretsIn(nodes)).toEqual([]);
  expect(JSON.stringify(nodes)).not.toContain(CANARY.docker);
});
