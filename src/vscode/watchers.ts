/**
 * File watchers on the files the SDK reads: each file's own directory (the file itself, non-recursively), and the
 * home for the directories appearing or going (`~/.docker` created after start). Kubernetes updates a mounted
 * Secret by swapping a symlink in its directory, which the directory watch sees too.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { pathsToGather, snapshotPaths } from '../core/snapshot';
import { relevantEnv } from '../node/readSnapshot';

function splitPath(path: string): { dir: string; base: string } {
  const slash = path.lastIndexOf('/');
  return { dir: slash <= 0 ? '/' : path.slice(0, slash), base: path.slice(slash + 1) };
}

/** The (directory, glob) pairs to watch for this home and environment. */
export function watchTargets(home: string, env: NodeJS.ProcessEnv): { dir: string; glob: string }[] {
  const files = pathsToGather(snapshotPaths(home, relevantEnv(env)));
  const byDir = new Map<string, Set<string>>();
  const add = (dir: string, base: string) => byDir.set(dir, (byDir.get(dir) ?? new Set()).add(base));
  for (const file of files) {
    const { dir, base } = splitPath(file);
    add(dir, base);
    // Secret volumes hold `..data` symlinks; an update swaps them.
    add(dir, '..data');
    const parent = splitPath(dir);
    add(parent.dir, parent.base);
  }
  return [...byDir].map(([dir, bases]) => ({
    dir,
    glob: bases.size === 1 ? [...bases][0] : `{${[...bases].sort().join(',')}}`,
  }));
}

export class CredentialWatchers implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private key = '';

  constructor(private readonly onChange: () => void) {}

  /**
   * (Re)creates the watchers when the directories to watch, or which of them exist, changed since the last call:
   * a watch on a directory that did not exist yet may never fire once it is created.
   */
  watch(home: string, env: NodeJS.ProcessEnv): void {
    const targets = watchTargets(home, env);
    const key = targets.map((t) => `${t.dir}\u0000${t.glob}\u0000${existsSync(t.dir)}`).join('\n');
    if (key === this.key) return;
    this.key = key;
    this.disposeWatchers();
    for (const { dir, glob } of targets) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(dir), glob),
      );
      watcher.onDidCreate(this.onChange);
      watcher.onDidChange(this.onChange);
      watcher.onDidDelete(this.onChange);
      this.watchers.push(watcher);
    }
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.disposeWatchers();
  }
}
