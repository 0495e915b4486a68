import { inspect } from '../../src/core/inspect';
import { namespaceProblem, settingsProblems, sourceChoices } from '../../src/vscode/manifestChoices';
import { snapshotOf } from './fixtures';

describe('generate manifests: choices', () => {
  test('one choice per source present, with what it becomes', () => {
    const snapshot = snapshotOf({ docker: '{"auths":{"r.example.com":{"auth":"dTpw"}}}' });
    const choices = sourceChoices(snapshot, inspect(snapshot), '');
    expect(choices.map((c) => c.id)).toEqual(['docker', 'awsFile', 'awsEnv']);
    expect(choices[0]).toMatchObject({
      origin: '~/.docker/config.json',
      becomes: 'Secret docker-secret + PodDefault docker-config',
      broken: [],
    });
    expect(choices[2].origin).toBe(
      'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, S3_ENDPOINT',
    );
  });

  test('the name prefix setting is the engine prefix', () => {
    const snapshot = snapshotOf();
    expect(sourceChoices(snapshot, inspect(snapshot), 'team-')[0].becomes).toBe(
      'Secret team-docker-secret + PodDefault team-docker-config',
    );
  });

  test('a source with an error finding is marked broken (the near miss: a valid one is not)', () => {
    const snapshot = snapshotOf(); // one registry's auth does not decode
    const docker = sourceChoices(snapshot, inspect(snapshot), '').find((c) => c.id === 'docker')!;
    expect(docker.broken.map((f) => f.code)).toContain('DOCKER_AUTH_NOT_BASE64');
    const aws = sourceChoices(snapshot, inspect(snapshot), '').find((c) => c.id === 'awsFile')!;
    expect(aws.broken).toEqual([]);
  });

  test('nothing present: no choices', () => {
    const snapshot = snapshotOf({ docker: null, aws: null, env: {} });
    expect(sourceChoices(snapshot, inspect(snapshot), '')).toEqual([]);
  });

  test('the namespace must be a DNS-1123 label, and the message never echoes it', () => {
    expect(namespaceProblem('team-a')).toBeNull();
    for (const bad of ['Team_A', '', '-a', 'a'.repeat(64), 'a.b']) {
      const problem = namespaceProblem(bad)!;
      expect(problem).toMatch(/^The namespace must be a DNS-1123 label/);
      if (bad !== '') expect(problem).not.toContain(bad);
    }
  });

  test('bad settings are named as settings, not as CLI flags', () => {
    expect(settingsProblems({ namePrefix: '', homeDir: '/home/jovyan' })).toEqual([]);
    const problems = settingsProblems({ namePrefix: 'Bad_', homeDir: 'relative' });
    expect(problems.join(' ')).toContain('kaptainCredentials.namePrefix');
    expect(problems.join(' ')).toContain('kaptainCredentials.homeDir');
    expect(problems.join(' ')).not.toContain('--');
  });
});
