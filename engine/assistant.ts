import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Nlu } from '../nlu';
import type { Clock } from '../nlu/types';
import { loadCatalog, type Catalog } from './content/catalog';
import { loadRules, type Rules } from './content/rules';
import { createDemoCrm } from './crm';
import type { Crm } from './crm';
import { DialogueEngine } from './dialogue/dialogue-engine';
import type { FlowInspector } from './dialogue/flow-stack';
import { loadFaq, type FaqBase } from './faq';
import { loadFlows, type FlowSet } from './flows';
import { loadResponses } from './responses/load';
import type { Responses } from './responses/responses';
import { createSalonRegistry, createVariableBuilder } from './salon';
import { createSqliteConversationStore, openDatabase, type ConversationStore } from './store';

/** Where the assistant's files are. */
export interface AssistantPaths {
  contentDir: string;
  flowsDir: string;
  /** The SQLite file (`:memory:` for tests). */
  database: string;
}

export interface AssistantOptions extends AssistantPaths {
  clock: Clock;
  /** The trained NLU (built by the caller, so it can be shared and cached). */
  nlu: Nlu;
  /** A CRM adapter; default: the demo CRM on the same database. */
  crm?: (db: Database, content: { catalog: Catalog; rules: Rules }) => Crm;
  /** Content already loaded by {@link loadContent} (tests build many assistants on it); default: loaded from `contentDir`. */
  content?: AssistantContent;
  /** Sees the XState inspection events of every flow (transcript coverage). */
  inspect?: FlowInspector;
}

/** The content an assistant needs besides the NLU and the flows. */
export interface AssistantContent {
  catalog: Catalog;
  rules: Rules;
  responses: Responses;
  faq: FaqBase;
}

/** Everything a running assistant is made of. */
export interface Assistant {
  engine: DialogueEngine;
  crm: Crm;
  catalog: Catalog;
  rules: Rules;
  responses: Responses;
  faq: FaqBase;
  flows: FlowSet;
  store: ConversationStore;
  db: Database;
  close(): void;
}

/** The content an assistant needs besides the NLU, loaded and checked (for `coco validate` too). */
export function loadContent(paths: Pick<AssistantPaths, 'contentDir'>): AssistantContent {
  const catalog = loadCatalog(join(paths.contentDir, 'catalog.yaml'));
  return {
    catalog,
    rules: loadRules(join(paths.contentDir, 'rules.yaml')),
    responses: loadResponses(join(paths.contentDir, 'responses.yaml')),
    faq: loadFaq(join(paths.contentDir, 'faq'), catalog),
  };
}

/**
 * Assembles the assistant on its embedded defaults: content and flows from their folders, one SQLite
 * database for conversations and the demo CRM, the salon's flow registry, and the dialogue engine.
 */
export function createAssistant(options: AssistantOptions): Assistant {
  const { catalog, rules, responses, faq } = options.content ?? loadContent(options);
  const db = openDatabase(options.database);
  const crm = options.crm ? options.crm(db, { catalog, rules }) : createDemoCrm({ db, catalog, rules, clock: options.clock });
  const deps = { crm, catalog, rules, clock: options.clock, responses };
  const registry = createSalonRegistry(deps);
  const flows = loadFlows(options.flowsDir, { registry, responses, intents: options.nlu.intents });
  const store = createSqliteConversationStore(db, { clock: options.clock });
  const engine = new DialogueEngine({
    nlu: options.nlu, flows, registry, responses, faq, store, clock: options.clock, variables: createVariableBuilder(deps), inspect: options.inspect,
  });
  return { engine, crm, catalog, rules, responses, faq, flows, store, db, close: () => db.close() };
}
