import { CredentialsModel, REFRESH_DELAY_MS } from '../../src/vscode/credentialsModel';
import { snapshotOf } from './fixtures';

describe('the credentials model', () => {
  afterEach(() => jest.useRealTimers());

  test('refresh reads, inspects and tells listeners; the image setting is used', () => {
    let docker: string | null = '{"auths":{"r.example.com":{"auth":"dTpw"}}}';
    const model = new CredentialsModel({
      env: () => ({}),
      image: () => 'r.example.com/team/model',
      readSnapshot: () => snapshotOf({ docker }),
    });
    const heard: string[] = [];
    model.onDidChange((s) => heard.push(s.verdict.short));
    expect(model.current.verdict.short).toBe('Kaptain: ready');
    expect(model.current.report.docker.lookups[0].matchedEntry).toBe('r.example.com');
    docker = null;
    model.refresh();
    expect(heard).toEqual(['Kaptain: ready', 'Kaptain: config.json missing']);
  });

  test('scheduled refreshes coalesce into one after the delay', () => {
    jest.useFakeTimers();
    let reads = 0;
    const model = new CredentialsModel({
      env: () => ({}),
      image: () => '',
      readSnapshot: () => {
        reads++;
        return snapshotOf();
      },
    });
    model.scheduleRefresh();
    model.scheduleRefresh();
    model.scheduleRefresh();
    expect(reads).toBe(0);
    jest.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(reads).toBe(1);
    model.scheduleRefresh();
    model.dispose();
    jest.advanceTimersByTime(REFRESH_DELAY_MS * 2);
    expect(reads).toBe(1);
  });
});
