/**
 * The layout, kept by a test: the layers in their one order (bottom first), each importing only those
 * below it; no cycle between folders; nothing imported past a folder's index.ts; connectors wired by the
 * composition root alone. README.md's "Architecture" section shows the same order.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { connectorImportsOutsideRoot, filesOutsideLayers, folderCycles, importsAgainstLayers, importsPastIndex, type Layers } from './import-rules';
import { environmentReads, readSourceImports, sourceFiles, type SourceImport } from './source-imports';

/** The layers, bottom first. Folders in one layer must not import each other. */
export const LAYERS: Layers = [
  ['common'], // shared contracts: errors, logger interface, redaction, the migration runner
  ['salon'], // the salon model: catalog, rules, brand, staff texts, their loaders; display text
  ['nlu'], // the offline Russian NLU
  ['core'], // the dialogue core: flow machines, dialogue, responses, guardrails, FAQ, LLM, store, delivery
  ['crm'], // the CRM port and the demo CRM
  ['actions'], // the salon's flow registry: actions, guards, buttons, variables
  ['connectors/messaging'], // what the messenger connectors share
  ['connectors/telegram', 'connectors/whatsapp', 'connectors/web', 'connectors/storage'], // channels, SQLite tables of channels
  ['connectors/staff-chat'], // the staff chat (over the Telegram connector)
  ['app'], // the composition root: assistant wiring, HTTP server, environment, log
  ['qa'], // transcript runner, coverage, export
  ['cli'], // the `coco` command
  ['bench'], // benchmarks
];

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['common', 'salon', 'nlu', 'core', 'crm', 'actions', 'connectors', 'app', 'qa', 'cli', 'bench'];
const imports = readSourceImports(ROOT, FOLDERS);

describe('the layout', () => {
  it('reads the imports of every source file (a sanity check of the reader)', () => {
    expect(sourceFiles(ROOT, FOLDERS).length).to.be.greaterThan(300);
    expect(imports.length).to.be.greaterThan(1000);
    expect(imports.filter((i) => !i.target).map((i) => `${i.file}: '${i.specifier}'`), 'imports that resolve to no file').to.deep.equal([]);
  });

  it('puts every source file in a layer', () => {
    expect(filesOutsideLayers(sourceFiles(ROOT, FOLDERS), LAYERS)).to.deep.equal([]);
  });

  it('has no import up a layer or sideways within one', () => {
    expect(importsAgainstLayers(imports, LAYERS)).to.deep.equal([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(imports)).to.deep.equal([]);
  });

  it('imports another folder only through its index.ts', () => {
    expect(importsPastIndex(imports, LAYERS)).to.deep.equal([]);
  });

  it('lets only the composition root import connectors', () => {
    expect(connectorImportsOutsideRoot(imports, 'connectors', 'app')).to.deep.equal([]);
  });

  it('reads the environment only in the composition root and above: the layers below get settings as values', () => {
    const below = sourceFiles(ROOT, ['common', 'salon', 'nlu', 'core', 'crm', 'actions', 'connectors']);
    expect(below.flatMap((file) => environmentReads(ROOT, file))).to.deep.equal([]);
    expect(environmentReads(ROOT, 'app/llm-settings.ts'), 'the check finds a real read').to.have.length.greaterThan(0);
  });

  describe('catches what it forbids', () => {
    const at = (file: string, specifier: string, target: string): SourceImport => ({ file, specifier, target });

    it('an upward import and a sibling import, naming the file and the import', () => {
      const found = importsAgainstLayers(
        [at('core/store/rows.ts', '../../app', 'app/index.ts'), at('connectors/web/router.ts', '../telegram', 'connectors/telegram/index.ts'), at('app/assistant.ts', '../core', 'core/index.ts')],
        LAYERS,
      );
      expect(found).to.deep.equal([
        "core/store/rows.ts: import '../../app' points up: core (layer 4) must not depend on app (layer 10)",
        "connectors/web/router.ts: import '../telegram' points sideways: connectors/web and connectors/telegram share a layer and must not know each other",
      ]);
    });

    it('a cycle between folders, through a third one', () => {
      const cycles = folderCycles([
        at('core/dialogue/guard.ts', '../store', 'core/store/index.ts'),
        at('core/store/rows.ts', '../faq', 'core/faq/index.ts'),
        at('core/faq/load.ts', '../dialogue', 'core/dialogue/index.ts'),
        at('core/llm/cache.ts', '../store', 'core/store/index.ts'),
      ]);
      expect(cycles).to.deep.equal([['core/dialogue', 'core/faq', 'core/store']]);
    });

    it('an import past an index.ts, and of the index of its own folder', () => {
      const found = importsPastIndex(
        [
          at('connectors/web/history.ts', '../../core/store/rows', 'core/store/rows.ts'),
          at('core/dialogue/guard.ts', '../flow-machines/compile', 'core/flow-machines/compile.ts'),
          at('core/dialogue/guard.ts', '..', 'core/index.ts'),
          at('app/server/app.ts', '../../connectors/web', 'connectors/web/index.ts'),
          at('nlu/classify/feature-rows.ts', '../types', 'nlu/types.ts'),
        ],
        LAYERS,
      );
      expect(found).to.deep.equal([
        "connectors/web/history.ts: import '../../core/store/rows' reaches past core/index.ts (import '../../core' and export the name there)",
        "core/dialogue/guard.ts: import '../flow-machines/compile' reaches past core/flow-machines/index.ts (import '../flow-machines' and export the name there)",
        "core/dialogue/guard.ts: import '..' loads the index of its own folder core: import the file that defines the name",
      ]);
    });

    it('a connector imported by anything but the composition root', () => {
      expect(connectorImportsOutsideRoot([at('cli/validate-command.ts', '../connectors/staff-chat', 'connectors/staff-chat/index.ts'), at('app/assistant.ts', '../connectors/web', 'connectors/web/index.ts')], 'connectors', 'app')).to.deep.equal([
        "cli/validate-command.ts: import '../connectors/staff-chat': only app/ (the composition root) wires connectors",
      ]);
    });
  });
});
