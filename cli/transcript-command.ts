import { Command, InvalidArgumentError } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCatalog } from '../salon';
import { createSqliteConversationStore, openDatabase } from '../core';
import { exportTranscript } from '../qa';
import { clockAt } from './open-assistant';
import { contentDir, databasePath } from '../app';

/** `coco transcript`: turn logged conversations into transcript tests. */
export function transcriptCommand(): Command {
  const command = new Command('transcript').description('turn logged conversations (COCO_DB) into transcript tests');
  command
    .command('export')
    .description('write a logged conversation as a transcript case, phones and names masked, ready to commit')
    .argument('<conversationId>', 'the conversation, "<channel>:<userId>" (see `coco transcript list`)')
    .option('--out <file>', 'write it to this file (e.g. test/transcripts/recorded/booking-1.yaml) instead of stdout')
    .option('--name <name>', 'the name of the case')
    .option('--force', 'overwrite --out when it exists')
    .action((id: string, options: { out?: string; name?: string; force?: boolean }) => {
      if (options.out && existsSync(options.out) && !options.force) {
        throw new InvalidArgumentError(`${options.out} exists: choose another file, or add --force to overwrite it`);
      }
      const db = openDatabase(databasePath());
      try {
        const store = createSqliteConversationStore(db, { clock: clockAt() });
        const keepNames = loadCatalog(join(contentDir(), 'catalog.yaml')).masters.map((m) => m.name);
        const yaml = exportTranscript(store, id, { name: options.name, keepNames });
        if (options.out) {
          mkdirSync(dirname(options.out), { recursive: true });
          writeFileSync(options.out, yaml);
          console.error(`Written to ${options.out}: run it with \`npx coco test ${options.out}\`.`);
        } else {
          process.stdout.write(yaml);
        }
      } finally {
        db.close();
      }
    });
  command
    .command('list')
    .description('the most recent conversations of the store, to pick one to export')
    .option('--limit <n>', 'how many', (v: string) => Number(v), 20)
    .action((options: { limit: number }) => {
      const db = openDatabase(databasePath());
      try {
        const store = createSqliteConversationStore(db, { clock: clockAt() });
        for (const c of store.list({ limit: options.limit })) {
          const turns = store.turns(c.id).length;
          console.log(`${c.id}\t${c.updatedAt}\t${turns} turns${c.state.handedOver ? '\thanded over' : ''}`);
        }
      } finally {
        db.close();
      }
    });
  return command;
}
