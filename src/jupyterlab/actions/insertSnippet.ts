/** "Insert into notebook": a new code cell below the active cell of the active notebook. */
import { NotebookActions, type INotebookTracker } from '@jupyterlab/notebook';

export function insertSnippet(tracker: INotebookTracker, snippet: string): boolean {
  const panel = tracker.currentWidget;
  if (!panel) return false;
  const notebook = panel.content;
  NotebookActions.insertBelow(notebook);
  NotebookActions.changeCellType(notebook, 'code');
  notebook.activeCell?.model.sharedModel.setSource(snippet);
  return true;
}
