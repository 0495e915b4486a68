import { inspect } from '../../src/core/inspect';
import { imageAnswer } from '../../src/vscode/imageAnswer';
import { snapshotOf } from './fixtures';

const answer = (image: string, docker?: string | null) =>
  imageAnswer(inspect(snapshotOf({ docker }), { images: [image] }), image);

describe('image check answers', () => {
  test('served: names the entry and the username', () => {
    expect(answer('registry.example.com:5000/team/model')).toEqual({
      severity: 'info',
      text: 'registry.example.com:5000/team/model is pushed with the entry "registry.example.com:5000" of ~/.docker/config.json as alice.',
    });
  });

  test('served by an entry whose auth does not decode: an error', () => {
    expect(answer('broken.example.com/team/model').severity).toBe('error');
  });

  test('no entry: a warning naming the registry key', () => {
    const a = answer('other.example.com/team/model');
    expect(a.severity).toBe('warning');
    expect(a.text).toContain('No entry of ~/.docker/config.json serves other.example.com');
  });

  test('an invalid reference: an error with the fix', () => {
    const a = answer('Team/Model');
    expect(a.severity).toBe('error');
    expect(a.text).toMatch(/not valid.*Fix: /);
  });

  test('config.json missing: an error that says so', () => {
    const a = answer('registry.example.com:5000/team/model', null);
    expect(a).toMatchObject({ severity: 'error' });
    expect(a.text).toContain('config.json missing');
  });
});
