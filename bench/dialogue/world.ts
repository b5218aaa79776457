/**
 * The world the simulated guests talk to: one assistant on the production wiring (the shipped flows
 * and content, the demo CRM seeded for a frozen Tuesday noon in Moscow, an in-memory SQLite database),
 * the NLU trained once. Every conversation runs inside a transaction that is rolled back after the judge
 * has read the CRM, so each one starts from the same seeded salon (the CRM's and the store's own
 * transactions nest as savepoints): conversation i is the same whether it runs alone or among others.
 */
import { join } from 'node:path';
import { createAssistant, loadContent, PROJECT_ROOT, type Assistant, type AssistantContent } from '../../app';
import { createDemoCrm, type DemoCrm } from '../../crm';
import { Nlu, readRasaNluFile } from '../../nlu';

/** A Tuesday noon in Moscow: the salon is open, the week ahead has every weekday. */
export const NOW = new Date('2026-11-24T12:00:00+03:00');
/** The channel the simulated guests write from. */
export const CHANNEL = 'sim';

export interface World {
  assistant: Assistant;
  /** The demo CRM behind the assistant (fixtures: links, tickets). */
  crm: DemoCrm;
  content: AssistantContent;
  /** One-time codes the identify flow sent, by the channel user they were for. */
  mailbox: Map<string, string>;
  /** Runs `body` on a fresh copy of the seeded salon: everything it writes is undone afterwards. */
  sandbox<T>(body: () => Promise<T>): Promise<T>;
  close(): void;
}

/** Trains the NLU on content/intents.yaml and assembles the assistant (about 10 s). */
export async function openWorld(): Promise<World> {
  const contentDir = join(PROJECT_ROOT, 'content');
  const content = loadContent({ contentDir });
  const nlu = await Nlu.train({ training: readRasaNluFile(join(contentDir, 'intents.yaml')), catalog: content.catalog });
  const clock = () => new Date(NOW.getTime());
  const mailbox = new Map<string, string>();
  let codes = 0;
  let crm: DemoCrm | undefined;
  const assistant = createAssistant({
    contentDir,
    flowsDir: join(PROJECT_ROOT, 'flows'),
    database: ':memory:',
    clock,
    nlu,
    content,
    crm: (db, { catalog, rules }) => (crm = createDemoCrm({ db, catalog, rules, clock })),
    // Every client has a verified chat that receives the code; the guest reads it there and types it back.
    identity: {
      newCode: () => String(100_000 + ((codes++ * 7919) % 900_000)),
      courier: {
        sendCode: async (_client, code, asking) => {
          mailbox.set(asking.userId, code);
          return true;
        },
      },
    },
  });
  const { db } = assistant;
  return {
    assistant,
    crm: crm!,
    content,
    mailbox,
    async sandbox(body) {
      db.exec('BEGIN');
      try {
        return await body();
      } finally {
        db.exec('ROLLBACK');
        mailbox.clear();
        codes = 0;
      }
    },
    close: () => assistant.close(),
  };
}
