import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Nlu, Clock } from '../nlu';
import { loadBrand, type Brand, checkStaffReasons, loadStaffTexts, type StaffTexts, loadCatalog, type Catalog, loadRules, type Rules } from '../salon';
import { handoverReasonsInUse, createSalonRegistry, createVariableBuilder, type IdentityVerification } from '../actions';
import { createDemoCrm, type Crm } from '../crm';
import { DialogueEngine, type FlowInspector, llmEventsTo, loadFaq, type FaqBase, loadFlows, type FlowSet, createLlmLayer, type LlmLayer, type LlmSettings, loadResponses, type Responses, createSqliteConversationStore, openDatabase, type ConversationStore } from '../core';
import type { Logger } from '../common';

export type { IdentityVerification } from '../actions';

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
  /**
   * The LLM settings (`llmSettingsFromEnv`). Absent, or without an API key: no LLM — every answer is
   * deterministic and no request is ever made.
   */
  llm?: LlmSettings;
  /** Where FAQ grounding, rephrasing, LLM failures and guardrail flags are logged; default: nowhere. */
  log?: Logger;
  /**
   * Verifying typed phones: a courier of one-time codes and a code generator. The server sets the
   * courier on {@link Assistant.identity} once its channels run; tests give their own.
   */
  identity?: IdentityVerification;
}


/** The content an assistant needs besides the NLU and the flows. */
export interface AssistantContent {
  catalog: Catalog;
  rules: Rules;
  responses: Responses;
  faq: FaqBase;
  /** The brand voice the LLM speaks in (`content/brand.yaml`); loaded from `contentDir` when absent. */
  brand?: Brand;
  /** What the staff chat reads (`content/staff.yaml`); loaded from `contentDir` when absent. */
  staff?: StaffTexts;
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
  /** What the staff chat reads (the staff relay). */
  staff: StaffTexts;
  store: ConversationStore;
  db: Database;
  /** The LLM layer, when one is configured. */
  llm?: LlmLayer;
  /** Verifying typed phones: set `courier` once the channels that can carry a code run. */
  identity: IdentityVerification;
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
    brand: loadBrand(join(paths.contentDir, 'brand.yaml')),
    staff: loadStaffTexts(join(paths.contentDir, 'staff.yaml')),
  };
}

/**
 * Assembles the assistant on its embedded defaults: content and flows from their folders, one SQLite
 * database for conversations, the demo CRM and the LLM cache, the salon's flow registry, the LLM layer
 * when the settings have a key, and the dialogue engine.
 *
 * @example
 * createAssistant({ contentDir, flowsDir, database: ':memory:', clock, nlu, llm: llmSettingsFromEnv({ OPENAI_API_KEY: 'sk-…', OPENAI_BASE_URL: stub.baseURL }) })
 */
export function createAssistant(options: AssistantOptions): Assistant {
  const content = options.content ?? loadContent(options);
  const { catalog, rules, responses, faq } = content;
  const db = openDatabase(options.database);
  const crm = options.crm ? options.crm(db, { catalog, rules }) : createDemoCrm({ db, catalog, rules, clock: options.clock });
  const identity: IdentityVerification = options.identity ?? {};
  const deps = { crm, catalog, rules, clock: options.clock, responses, identity };
  const registry = createSalonRegistry(deps);
  const flows = loadFlows(options.flowsDir, { registry, responses, intents: options.nlu.intents });
  const staff = content.staff ?? loadStaffTexts(join(options.contentDir, 'staff.yaml'));
  checkStaffReasons(staff, handoverReasonsInUse(flows, faq));
  const store = createSqliteConversationStore(db, { clock: options.clock });
  const llm = options.llm?.enabled
    ? createLlmLayer({
      settings: options.llm,
      brand: content.brand ?? loadBrand(join(options.contentDir, 'brand.yaml')),
      catalog,
      render: (entry) => faq.render(entry),
      db,
      log: options.log ? llmEventsTo(options.log) : undefined,
    })
    : undefined;
  const engine = new DialogueEngine({
    nlu: options.nlu, flows, registry, responses, faq, store, clock: options.clock, variables: createVariableBuilder(deps), inspect: options.inspect, llm, log: options.log,
  });
  return { engine, crm, catalog, rules, responses, faq, flows, staff, store, db, llm, identity, close: () => db.close() };
}
