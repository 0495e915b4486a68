/**
 * Before training, without being asked: when a cell that trains with Kaptain is scheduled and the verdict is a
 * failure, a notification says what will fail. It listens to a signal and returns at once: it never blocks or
 * delays the cell.
 */
import { Notification } from '@jupyterlab/apputils';
import { NotebookActions, type Notebook } from '@jupyterlab/notebook';
import type { Cell } from '@jupyterlab/cells';
import type { ProbeController } from './model/controller';
import type { PanelSettings } from './settings';
import { isKaptainTrainingCell } from './trainingCall';

export function installPreflightGuard(
  controller: ProbeController,
  settings: () => PanelSettings,
  openPanel: () => void,
): () => void {
  let shown: string | null = null;

  const warn = () => {
    const result = controller.result;
    if (!result || result.verdict.ready) return;
    if (shown) Notification.dismiss(shown);
    const fix = result.verdict.firstFix ? ` Fix: ${result.verdict.firstFix}` : '';
    shown = Notification.warning(`Kaptain: ${result.verdict.headline}.${fix}`, {
      autoClose: false,
      actions: [{ label: 'Open Kaptain Credentials', callback: () => openPanel(), displayType: 'accent' }],
    });
  };

  const onScheduled = (_: unknown, args: { notebook: Notebook; cell: Cell }) => {
    const s = settings();
    if (!s.preflightGuard || args.cell.model.type !== 'code') return;
    const sources = Array.from(args.notebook.widgets, (cell) => cell.model.sharedModel.getSource());
    if (!isKaptainTrainingCell(args.cell.model.sharedModel.getSource(), sources)) return;
    // The dedicated kernel answers beside the running cell, so check afresh; the active kernel would only
    // answer after the cell, so the latest verdict is used.
    if (s.probeTarget === 'dedicated') void controller.refresh().then(warn);
    else warn();
  };

  NotebookActions.executionScheduled.connect(onScheduled);
  return () => {
    NotebookActions.executionScheduled.disconnect(onScheduled);
  };
}
