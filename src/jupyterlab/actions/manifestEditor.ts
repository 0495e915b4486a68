/**
 * Generated manifests open in an untitled editor tab: nothing touches the disk until the user presses
 * "Save as…" (the YAML holds credentials, so writing it is the user's decision).
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { InputDialog, MainAreaWidget, Notification } from '@jupyterlab/apputils';
import { CodeEditor, CodeEditorWrapper, type IEditorServices } from '@jupyterlab/codeeditor';
import { ToolbarButton } from '@jupyterlab/ui-components';
import { keyIcon } from '../icon';

let counter = 0;

export class ManifestEditor extends MainAreaWidget<CodeEditorWrapper> {
  /** The name lint shows for this unsaved editor. */
  readonly displayName: string;

  constructor(app: JupyterFrontEnd, editorServices: IEditorServices, text: string) {
    const model = new CodeEditor.Model({ mimeType: 'text/x-yaml' });
    model.sharedModel.setSource(text);
    const content = new CodeEditorWrapper({
      factory: editorServices.factoryService.newDocumentEditor,
      model,
    });
    super({ content });
    counter++;
    this.displayName = counter === 1 ? 'Untitled manifests.yaml' : `Untitled manifests ${counter}.yaml`;
    this.id = `kaptain-credentials-manifests-${counter}`;
    this.addClass('kc-manifest-editor');
    this.title.label = this.displayName;
    this.title.caption = `${this.displayName} (not saved; holds credentials)`;
    this.title.icon = keyIcon;
    this.title.closable = true;
    this.toolbar.addItem(
      'save-as',
      new ToolbarButton({
        label: 'Save as…',
        tooltip: 'Write this YAML to a file of the notebook server',
        onClick: () => void this.saveAs(app),
      }),
    );
  }

  get text(): string {
    return this.content.model.sharedModel.getSource();
  }

  private async saveAs(app: JupyterFrontEnd): Promise<void> {
    const answer = await InputDialog.getText({
      title: 'Save manifests as',
      label: 'Path, relative to the server root. The file holds credentials: keep it out of version control.',
      text: 'manifests.yaml',
    });
    if (!answer.button.accept || !answer.value) return;
    const path = answer.value.trim();
    try {
      await app.serviceManager.contents.save(path, { type: 'file', format: 'text', content: this.text });
      Notification.success(`Saved ${path}. It holds credentials: keep it out of version control.`, {
        autoClose: 8000,
      });
    } catch (error) {
      Notification.error(`Could not save ${path}: ${error instanceof Error ? error.message : 'error'}`);
    }
  }
}

export function openManifestEditor(
  app: JupyterFrontEnd,
  editorServices: IEditorServices,
  text: string,
): ManifestEditor {
  const widget = new ManifestEditor(app, editorServices, text);
  app.shell.add(widget, 'main');
  app.shell.activateById(widget.id);
  return widget;
}
