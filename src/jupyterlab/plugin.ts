/**
 * The plugin only wires: settings → controller (probe) → panel, status bar item, pre-flight guard, commands.
 * Each part lives in its own module.
 */
import { ILayoutRestorer, type JupyterFrontEnd, type JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Clipboard, ICommandPalette } from '@jupyterlab/apputils';
import { IEditorServices } from '@jupyterlab/codeeditor';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStatusBar } from '@jupyterlab/statusbar';
import { insertSnippet } from './actions/insertSnippet';
import { lintFiles, openManifestFiles } from './actions/lintOpen';
import { openManifestEditor } from './actions/manifestEditor';
import { manifestText } from './actions/manifests';
import { runBrowserChecks } from './check/browserChecks';
import { LiveCheckStore } from './check/liveCheckStore';
import { CATEGORY, CommandIds, PLUGIN_ID } from './commandIds';
import { keyIcon } from './icon';
import { ActiveKernelSource } from './kernel/activeKernel';
import { DedicatedKernelSource } from './kernel/dedicatedKernel';
import { measureProbe } from './measure';
import { ProbeController, type KernelSource } from './model/controller';
import { CredentialsPanel } from './panel/panelWidget';
import { installPreflightGuard } from './preflightGuard';
import {
  DEFAULT_SETTINGS,
  needsNewProbe,
  parseSettings,
  type PanelSettings,
  type ProbeTarget,
} from './settings';
import { VerdictStatusItem } from './statusItem';

const LOG_PREFIX = '[kaptain-credentials]';

function activate(
  app: JupyterFrontEnd,
  restorer: ILayoutRestorer | null,
  palette: ICommandPalette | null,
  tracker: INotebookTracker | null,
  settingRegistry: ISettingRegistry | null,
  statusBar: IStatusBar | null,
  editorServices: IEditorServices | null,
): void {
  let settings: PanelSettings = DEFAULT_SETTINGS;
  let settingsObject: ISettingRegistry.ISettings | null = null;
  const log = (message: string) => console.warn(`${LOG_PREFIX} ${message}`);

  const dedicated = new DedicatedKernelSource(app.serviceManager, () => settings.idleShutdownMs);
  const active = tracker ? new ActiveKernelSource(tracker) : null;
  const sourceFor = (s: PanelSettings): KernelSource =>
    s.probeTarget === 'active' && active ? active : dedicated;

  const controller = new ProbeController(sourceFor(settings), {
    timeoutMs: () => settings.probeTimeoutMs,
    images: () => (settings.image ? [settings.image] : []),
    now: () => Date.now(),
    log,
  });

  const liveChecks = new LiveCheckStore(() => Date.now());
  /** Only on request: a fresh probe for the Snapshot, then the checks through the same kernel. */
  const runLiveChecks = () =>
    liveChecks.run(async (report) => {
      await controller.refresh();
      const result = controller.result;
      if (!result) return 'No probe result yet: the kernel must answer the probe first.';
      const acquired = await sourceFor(settings).acquire(() => undefined);
      if (acquired.kind !== 'kernel') return 'No kernel to run the check in.';
      return runBrowserChecks(result.snapshot, settings, acquired.kernel, report);
    });

  const say = (message: string) => panel.say(message);
  /** Through the setting registry when there is one (its `changed` signal applies it), else in memory. */
  const changeSetting = (key: 'image' | 'probeTarget', value: string) => {
    if (settingsObject) {
      void settingsObject.set(key, value).catch((error: unknown) => {
        log(`setting ${key} could not be saved: ${error instanceof Error ? error.message : 'error'}`);
      });
      return;
    }
    applySettings({ ...settings, [key]: value });
  };
  const withResult = async () => {
    if (!controller.result) await controller.refresh();
    return controller.result;
  };

  const actions = {
    refresh: () => void controller.refresh(),
    generateManifests: () => void app.commands.execute(CommandIds.generateManifests),
    copyKubectl: () => void app.commands.execute(CommandIds.copyKubectl),
    lint: () => void app.commands.execute(CommandIds.lint),
    insertSnippet: (snippet: string) => {
      if (!tracker || !insertSnippet(tracker, snippet))
        say('Open a notebook first: the snippet goes below its active cell.');
      else say('Inserted below the active cell.');
    },
    copySnippet: (snippet: string) => {
      Clipboard.copyToSystem(snippet);
      say('Snippet copied.');
    },
    setImage: (image: string) => changeSetting('image', image),
    setProbeTarget: (target: ProbeTarget) => changeSetting('probeTarget', target),
    check: () => void runLiveChecks(),
  };

  function applySettings(next: PanelSettings): void {
    const before = settings;
    settings = next;
    if (needsNewProbe(before, settings)) {
      controller.setSource(sourceFor(settings));
      void controller.refresh();
    } else if (before.image !== settings.image) controller.reinspect();
    else panel.render();
  }

  const panel = new CredentialsPanel(controller, actions, () => settings, liveChecks);
  app.shell.add(panel, 'left', { rank: 850 });
  restorer?.add(panel, panel.id);
  const openPanel = () => app.shell.activateById(panel.id);

  void app.restored.then(() => {
    // Before training, without being asked: the status bar needs a verdict.
    if (!controller.result) void controller.refresh();
  });

  if (statusBar) {
    statusBar.registerStatusItem(`${PLUGIN_ID}-status`, {
      item: new VerdictStatusItem(controller, openPanel),
      align: 'left',
      rank: 900,
    });
  }

  if (tracker) {
    installPreflightGuard(controller, () => settings, openPanel);
    // Active-kernel mode follows the notebook the user is in, and its kernel's restarts.
    tracker.currentChanged.connect(() => {
      if (settings.probeTarget === 'active') void controller.refresh();
    });
    tracker.widgetAdded.connect((_, nb) => {
      nb.sessionContext.statusChanged.connect((_context, status) => {
        if (settings.probeTarget !== 'active' || tracker.currentWidget !== nb) return;
        const state = controller.state.kind;
        if (status === 'idle' && (state === 'dead' || state === 'noNotebook')) void controller.refresh();
        else if (status === 'dead' || status === 'restarting' || status === 'autorestarting')
          void controller.refresh();
      });
      nb.sessionContext.kernelChanged.connect(() => {
        if (settings.probeTarget === 'active' && tracker.currentWidget === nb) void controller.refresh();
      });
    });
  }

  app.commands.addCommand(CommandIds.open, {
    label: 'Open Kaptain Credentials',
    caption: 'Show the credential check in the left sidebar',
    icon: keyIcon,
    execute: () => openPanel(),
  });
  app.commands.addCommand(CommandIds.refresh, {
    label: 'Refresh Credential Check',
    execute: () => controller.refresh(),
  });
  app.commands.addCommand(CommandIds.check, {
    label: 'Check credentials',
    caption: "Contact the registries and storage from the kernel's pod (never automatic)",
    execute: async () => {
      openPanel();
      await runLiveChecks();
    },
  });
  app.commands.addCommand(CommandIds.generateManifests, {
    label: 'Generate Secret and PodDefault Manifests',
    caption: 'Open the YAML in a new, unsaved editor tab',
    isEnabled: () => editorServices !== null,
    execute: async () => {
      const result = await withResult();
      if (!result || !editorServices) return say('No check result yet: see the panel.');
      const out = await manifestText(result, settings, 'yaml');
      if (!out.ok) return say(out.message);
      openManifestEditor(app, editorServices, out.text);
      say(['Manifests opened in a new editor tab (not saved).', ...out.notes].join(' '));
    },
  });
  app.commands.addCommand(CommandIds.copyKubectl, {
    label: 'Copy kubectl Commands',
    caption:
      'kubectl commands that create the same Secrets and PodDefaults; they name files and variables, never values',
    execute: async () => {
      const result = await withResult();
      if (!result) return say('No check result yet: see the panel.');
      const out = await manifestText(result, settings, 'kubectl');
      if (!out.ok) return say(out.message);
      Clipboard.copyToSystem(out.text);
      say(['kubectl commands copied.', ...out.notes].join(' '));
    },
  });
  app.commands.addCommand(CommandIds.insertSnippet, {
    label: 'Insert Config Snippet into Notebook',
    caption: 'Insert the Config of the first usable alternative below the active cell',
    execute: async (args) => {
      const result = await withResult();
      const index = typeof args.index === 'number' ? args.index : 0;
      const alternative = result?.report.alternatives[index];
      if (!alternative) return say('No alternative Config is usable with what the kernel sees.');
      actions.insertSnippet(alternative.snippet);
    },
  });
  app.commands.addCommand(CommandIds.lint, {
    label: 'Lint Open Manifests',
    caption: 'Lint the YAML and JSON files open in the editor area as one set',
    execute: async () => {
      const files = openManifestFiles(app);
      openPanel();
      if (files.length === 0) return say('No YAML file is open in the editor area.');
      const namespace = settings.namespace || controller.result?.namespace || undefined;
      panel.showLint(await lintFiles(files, namespace));
    },
  });
  app.commands.addCommand(CommandIds.measure, {
    label: 'Measure Probe Speed',
    caption: '50 probes and 50 empty executes on the dedicated probe kernel',
    execute: async () => {
      const acquired = await dedicated.acquire(() => undefined);
      if (acquired.kind !== 'kernel') return say('No Python kernel to measure.');
      const t = await measureProbe(acquired.kernel);
      console.info(`${LOG_PREFIX} probe timings ${JSON.stringify(t)}`);
      say(
        `Probe: median ${t.probeMedianMs.toFixed(1)} ms, p95 ${t.probeP95Ms.toFixed(1)} ms; empty execute: median ${t.emptyMedianMs.toFixed(1)} ms, p95 ${t.emptyP95Ms.toFixed(1)} ms (${t.runs} runs).`,
      );
      return t;
    },
  });
  if (palette) {
    for (const command of Object.values(CommandIds)) palette.addItem({ command, category: CATEGORY });
  }

  if (settingRegistry) {
    void settingRegistry
      .load(PLUGIN_ID)
      .then((loaded) => {
        settingsObject = loaded;
        const apply = () => applySettings(parseSettings(loaded.composite));
        apply();
        loaded.changed.connect(apply);
      })
      .catch((error: unknown) =>
        log(`settings could not be loaded: ${error instanceof Error ? error.message : 'error'}`),
      );
  }
}

export const kaptainCredentialsPlugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'A sidebar panel that checks the credentials the Kaptain SDK will use, before training.',
  autoStart: true,
  optional: [
    ILayoutRestorer,
    ICommandPalette,
    INotebookTracker,
    ISettingRegistry,
    IStatusBar,
    IEditorServices,
  ],
  activate,
};
