import { DEFAULT_HOME_DIR, readSettings } from '../../src/vscode/settings';

const reader = (values: Record<string, unknown>) => ({
  get: <T>(key: string) => values[key] as T | undefined,
});

describe('settings', () => {
  test('defaults when nothing is set', () => {
    expect(readSettings(reader({}))).toEqual({
      image: '',
      namespace: '',
      namePrefix: '',
      homeDir: DEFAULT_HOME_DIR,
      statusBarEnabled: true,
    });
  });

  test('values are trimmed; only false hides the status bar', () => {
    const s = readSettings(
      reader({
        image: ' team/model ',
        namespace: 'team-a',
        namePrefix: 'x-',
        homeDir: '/home/jovyan',
        'statusBar.enabled': false,
      }),
    );
    expect(s).toEqual({
      image: 'team/model',
      namespace: 'team-a',
      namePrefix: 'x-',
      homeDir: '/home/jovyan',
      statusBarEnabled: false,
    });
    expect(readSettings(reader({ 'statusBar.enabled': 'no' })).statusBarEnabled).toBe(true);
  });

  test('wrong types fall back; an empty home dir means the default', () => {
    expect(readSettings(reader({ image: 42, homeDir: '  ' }))).toMatchObject({
      image: '',
      homeDir: DEFAULT_HOME_DIR,
    });
  });
});
