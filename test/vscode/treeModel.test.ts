import fc from 'fast-check';
import { computeState } from '../../src/vscode/credentialsModel';
import { COMMANDS } from '../../src/vscode/ids';
import {
  displayPath,
  findingNode,
  nothingFound,
  reportToTree,
  severityCounts,
  type TreeNode,
} from '../../src/vscode/treeModel';
import { CANARY, HOME, secretsIn, snapshotOf } from './fixtures';

function find(nodes: readonly TreeNode[], id: string): TreeNode {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = node.children ? findOrNull(node.children, id) : null;
    if (inner) return inner;
  }
  throw new Error(`no node ${id}`);
}
function findOrNull(nodes: readonly TreeNode[], id: string): TreeNode | null {
  try {
    return find(nodes, id);
  } catch {
    return null;
  }
}
function all(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
}

describe('report to tree', () => {
  const state = computeState(snapshotOf(), 'registry.example.com:5000/team/model:1');
  const nodes = state.nodes;

  test('the verdict comes first, then Docker, Storage, Alternatives and Findings', () => {
    expect(nodes.map((n) => n.id)).toEqual(['verdict', 'docker', 'storage', 'alternatives', 'findings']);
    expect(nodes[0].label).toBe('Config.default() is ready');
  });

  test('registries show host, username and validity', () => {
    const good = all(nodes).find((n) => n.label === 'registry.example.com:5000')!;
    expect(good.description).toBe('alice · password set');
    expect(good.tone).toBe('ok');
    const bad = all(nodes).find((n) => n.label === 'broken.example.com')!;
    expect(bad.description).toMatch(/auth does not decode/);
    expect(bad.tone).toBe('error');
  });

  test('the image lookup names the entry that serves it and re-checks on click', () => {
    const image = find(nodes, 'docker/image/0');
    expect(image.label).toBe('image registry.example.com:5000/team/model:1');
    expect(image.description).toBe('served by registry.example.com:5000');
    expect(image.command?.command).toBe(COMMANDS.checkImage);
  });

  test('without the image setting, a node points to it', () => {
    const unset = computeState(snapshotOf(), '').nodes;
    const node = find(unset, 'docker/image/unset');
    expect(node.command?.args).toEqual(['kaptainCredentials.image']);
  });

  test('storage: the MinIO default, the file with its profiles, masked variables, usable providers', () => {
    expect(find(nodes, 'storage/minio').description).toBe('DefaultMinioConfigurationProvider');
    const file = find(nodes, 'storage/file');
    expect(file.label).toBe('~/.aws/credentials');
    expect(file.children?.map((c) => c.label)).toEqual(['[default]', '[team]']);
    expect(file.children?.[0].description).toMatch(/^selected · key AKIA…MPLE · secret set$/);
    const env = find(nodes, 'storage/env');
    expect(env.children?.map((c) => `${c.label}=${c.description}`)).toEqual([
      'AWS_ACCESS_KEY_ID=AKIA…MPLE',
      'AWS_SECRET_ACCESS_KEY=set',
      'AWS_SESSION_TOKEN=set',
      'S3_ENDPOINT=http://minio.kubeflow:9000',
    ]);
    expect(find(nodes, 'storage/providers').children?.map((c) => c.label)).toContain(
      'S3ConfigurationProvider.from_env()',
    );
  });

  test('each alternative carries its Config snippet for the insert command', () => {
    const alternatives = find(nodes, 'alternatives').children!;
    expect(alternatives.length).toBe(state.report.alternatives.length);
    expect(alternatives.length).toBeGreaterThan(0);
    for (const [i, node] of alternatives.entries()) {
      expect(node.contextValue).toBe('alternative');
      expect(node.snippet).toBe(state.report.alternatives[i].snippet);
      expect(node.snippet).toContain('Config(');
    }
  });

  test('findings: ThemeIcon by severity, the code beside, the fix in tooltip and child', () => {
    const findings = find(nodes, 'findings').children!;
    expect(findings.length).toBe(state.report.findings.length);
    const error = findings.find((f) => f.icon === 'error')!;
    expect(error.tone).toBe('error');
    const source = state.report.findings.find((f) => f.message === error.label)!;
    expect(error.description).toBe(source.code);
    expect(error.tooltip).toContain(`Fix: ${source.fix}`);
    expect(error.children?.[0].label).toBe(`Fix: ${source.fix}`);
  });

  test('findingNode maps each severity to its icon', () => {
    const base = { code: 'X', subject: 's', message: 'm', fix: null, objects: [] };
    expect(findingNode({ ...base, severity: 'warning' }, 0)).toMatchObject({
      icon: 'warning',
      tone: 'warning',
    });
    expect(findingNode({ ...base, severity: 'info' }, 0)).toMatchObject({ icon: 'info', tone: 'info' });
    expect(findingNode({ ...base, severity: 'info' }, 0).children).toEqual([]);
  });

  test('config.json missing: the verdict fails, expanded, with the fix first', () => {
    const missing = computeState(snapshotOf({ docker: null }), '');
    const verdict = missing.nodes[0];
    expect(verdict.label).toBe('Model(...) will fail: config.json missing');
    expect(verdict.tone).toBe('error');
    expect(verdict.expanded).toBe(true);
    // A new id, so VS Code does not keep the ready verdict's collapsed state for it.
    expect(verdict.id).not.toBe(nodes[0].id);
    expect(verdict.children?.[0].label).toMatch(/^Fix: /);
  });

  test('nothing found at all: no nodes, so the welcome content shows', () => {
    const empty = computeState(snapshotOf({ docker: null, aws: null, env: {} }), '');
    expect(nothingFound(empty.report)).toBe(true);
    expect(empty.nodes).toEqual([]);
    // The near miss: one variable is enough to show the view.
    const one = computeState(snapshotOf({ docker: null, aws: null, env: { AWS_REGION: 'eu' } }), '');
    expect(nothingFound(one.report)).toBe(false);
    expect(reportToTree(one.report, one.verdict).length).toBe(5);
  });

  test('ids are unique (VS Code keeps expansion state by id)', () => {
    const ids = all(nodes).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('no secret in any label, description or tooltip', () => {
    expect(secretsIn(nodes)).toEqual([]);
    expect(JSON.stringify(nodes)).not.toContain(CANARY.aws);
  });

  test('no secret leaks from arbitrary files and variables holding canaries', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.constantFrom('auth', 'password', 'identitytoken', 'registrytoken'),
        (prefix, suffix, field) => {
          const docker = `${prefix}{"auths":{"r.example.com":{"${field}":"${CANARY.docker}","auth":"${Buffer.from(`u:${CANARY.docker}`).toString('base64')}"}}}${suffix}`;
          const aws = `${prefix}\n[default]\naws_secret_access_key = ${CANARY.aws}\naws_session_token=${CANARY.token}\n${suffix}`;
          const s = computeState(snapshotOf({ docker, aws }), `${prefix}/img`);
          return secretsIn(s.nodes).length === 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('helpers', () => {
  test('displayPath shortens under the home only', () => {
    expect(displayPath(`${HOME}/.docker/config.json`, HOME)).toBe('~/.docker/config.json');
    expect(displayPath('/home/kubeflowx/.docker/config.json', HOME)).toBe(
      '/home/kubeflowx/.docker/config.json',
    );
    expect(displayPath('/x/.aws/credentials', '/')).toBe('/x/.aws/credentials');
  });

  test('severityCounts', () => {
    const f = (severity: 'error' | 'warning' | 'info') => ({
      code: 'C',
      severity,
      subject: '',
      message: '',
      fix: null,
      objects: [],
    });
    expect(severityCounts([])).toBe('none');
    expect(severityCounts([f('error'), f('error'), f('warning'), f('info')])).toBe(
      '2 errors, 1 warning, 1 info',
    );
  });
});
