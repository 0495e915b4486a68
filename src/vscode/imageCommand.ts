/** "Check image credentials": which config.json entry would serve an image the SDK pushes. */
import * as vscode from 'vscode';
import { inspect } from '../core/inspect';
import { readSnapshot } from '../node/readSnapshot';
import { SETTINGS_SECTION } from './ids';
import { imageAnswer } from './imageAnswer';
import type { Settings } from './settings';

export async function checkImage(settings: Settings, arg?: unknown): Promise<string | null> {
  const image =
    typeof arg === 'string'
      ? arg
      : await vscode.window.showInputBox({
          title: 'Check image credentials',
          prompt: 'The image the SDK will push (Model(image_name=...))',
          placeHolder: 'registry.example.com:5000/team/model:latest',
          value: settings.image,
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() !== '' ? null : 'An image reference, e.g. team/model:latest.'),
        });
  if (image === undefined || image.trim() === '') return null;
  const ref = image.trim();
  const answer = imageAnswer(inspect(readSnapshot(process.env), { images: [ref] }), ref);
  const actions = ref !== settings.image ? ['Use as Image Setting'] : [];
  const show =
    answer.severity === 'error'
      ? vscode.window.showErrorMessage
      : answer.severity === 'warning'
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  void Promise.resolve(show(answer.text, ...actions)).then((chosen) => {
    if (chosen === 'Use as Image Setting') {
      void vscode.workspace
        .getConfiguration(SETTINGS_SECTION)
        .update('image', ref, vscode.ConfigurationTarget.Global);
    }
  });
  return answer.text;
}
