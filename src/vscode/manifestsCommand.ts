/**
 * "Generate Secret and PodDefault manifests": pick the sources present, give the namespace, get an untitled YAML
 * editor. Nothing is written to disk: the user saves it where they choose. The engine's manifests functions do
 * the work exactly as the CLI's `manifests` does; this chunk (with the YAML library) loads on first use.
 */
import * as vscode from 'vscode';
import { inspect } from '../core/inspect';
import {
  buildManifests,
  givenDockerSource,
  toYamlStream,
  type ManifestOptions,
  type ManifestSource,
} from '../core/manifests';
import { podNamespace } from '../node/podNamespace';
import { readSnapshot } from '../node/readSnapshot';
import { namespaceProblem, settingsProblems, sourceChoices, type SourceChoice } from './manifestChoices';
import type { Settings } from './settings';

const TITLE = 'Generate Secret and PodDefault manifests';

interface ChoiceItem extends vscode.QuickPickItem {
  readonly choice?: SourceChoice;
  readonly typed?: 'docker';
}

function choiceItem(choice: SourceChoice): ChoiceItem {
  const broken = choice.broken.length > 0;
  return {
    label: `$(${broken ? 'error' : 'key'}) ${choice.label}`,
    description: choice.origin,
    detail: broken
      ? `Broken (${[...new Set(choice.broken.map((f) => f.code))].join(', ')}): fix it first, or pick it to make the Secret anyway`
      : choice.becomes,
    picked: !broken,
    choice,
  };
}

async function askTypedDocker(): Promise<ManifestSource | undefined> {
  const server = await vscode.window.showInputBox({
    title: `${TITLE}: Docker registry`,
    prompt: 'Registry server, as in `docker login SERVER` (e.g. registry.example.com:5000, or docker.io)',
    ignoreFocusOut: true,
    validateInput: (v) => (/^\S+$/.test(v.trim()) ? null : 'A registry host name, without spaces.'),
  });
  if (server === undefined) return undefined;
  const username = await vscode.window.showInputBox({
    title: `${TITLE}: Docker registry`,
    prompt: 'Username for the registry',
    ignoreFocusOut: true,
    validateInput: (v) => (v !== '' && !v.includes(':') ? null : 'A username, without ":".'),
  });
  if (username === undefined) return undefined;
  const password = await vscode.window.showInputBox({
    title: `${TITLE}: Docker registry`,
    prompt: 'Password or access token (it goes into the Secret only)',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v !== '' ? null : 'The password must not be empty.'),
  });
  if (password === undefined) return undefined;
  return givenDockerSource({ server: server.trim(), username, password });
}

async function askNamespace(settings: Settings): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `${TITLE}: namespace`,
    prompt: 'Namespace of the Secrets and PodDefaults: your Kubeflow profile namespace (a DNS-1123 label)',
    value: settings.namespace || podNamespace() || '',
    ignoreFocusOut: true,
    validateInput: (v) => namespaceProblem(v),
  });
}

/** Returns the text of the opened editor, or null when the user stopped or nothing could be made. */
export async function generateManifests(settings: Settings): Promise<string | null> {
  const problems = settingsProblems({ namePrefix: settings.namePrefix, homeDir: settings.homeDir });
  if (problems.length > 0) {
    const open = await vscode.window.showErrorMessage(problems.join(' '), 'Open Settings');
    if (open) await vscode.commands.executeCommand('workbench.action.openSettings', 'kaptainCredentials');
    return null;
  }
  const snapshot = readSnapshot(process.env);
  const choices = sourceChoices(snapshot, inspect(snapshot), settings.namePrefix);
  const items: ChoiceItem[] = choices.map(choiceItem);
  if (!choices.some((c) => c.id === 'docker')) {
    items.push({
      label: '$(edit) Type Docker registry credentials…',
      description: 'server, username and password',
      detail: 'No ~/.docker/config.json here: make the docker-secret Secret from values you type',
      picked: choices.length === 0,
      typed: 'docker',
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `${TITLE} (sources)`,
    placeHolder: 'Sources to make Secrets from (Enter accepts the checked ones)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!picked || picked.length === 0) return null;

  const broken = picked.filter((p) => p.choice && p.choice.broken.length > 0).map((p) => p.choice!);
  if (broken.length > 0) {
    const detail = broken
      .map((c) => `${c.label}: ${c.broken.map((f) => `${f.code}: ${f.message}`).join(' ')}`)
      .join('\n');
    const answer = await vscode.window.showWarningMessage(
      'These sources have errors: the Secrets made from them will not work as they are.',
      { modal: true, detail },
      'Generate Anyway',
    );
    if (answer !== 'Generate Anyway') return null;
  }
  const sources: ManifestSource[] = picked.flatMap((p) => (p.choice ? [p.choice.source] : []));
  if (picked.some((p) => p.typed === 'docker')) {
    const typed = await askTypedDocker();
    if (!typed) return null;
    sources.unshift(typed);
  }

  const namespace = await askNamespace(settings);
  if (namespace === undefined) return null;
  const options: ManifestOptions = { namespace, namePrefix: settings.namePrefix, homeDir: settings.homeDir };
  const text = toYamlStream(buildManifests(sources, options));
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
  void vscode.window.showInformationMessage(
    `This untitled YAML holds credentials (${sources.length} Secret${sources.length === 1 ? '' : 's'}). ` +
      'Save it outside version control, then run kubectl apply -f FILE.',
  );
  return text;
}
