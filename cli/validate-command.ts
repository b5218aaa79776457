import { Command } from 'commander';
import { join } from 'node:path';
import { CocoError } from '../common';
import { readRasaNluFile, intentsOf } from '../nlu';
import { loadContent, contentDir } from '../app';
import { checkStaffReasons } from '../salon';
import { handoverReasonsInUse, createSalonRegistry } from '../actions';
import { createDemoCrm } from '../crm';
import { FlowValidationError, loadFlows, openDatabase } from '../core';
import { flowsDir } from './open-assistant';

/**
 * `coco validate`: checks every content file and flow, prints each problem with its file and line
 * and how to fix it, and exits non-zero when there is any.
 */
export function validateCommand(): Command {
  return new Command('validate').description('check content/ and flows/ and point at the file and line of every mistake').action(() => {
    const problems: string[] = [];
    const check = <T>(what: string, load: () => T): T | undefined => {
      try {
        const result = load();
        console.log(`✓ ${what}`);
        return result;
      } catch (error) {
        if (error instanceof FlowValidationError) problems.push(...error.problems.map((p) => p.message));
        else if (error instanceof CocoError) problems.push(error.message);
        else throw error;
        console.log(`✗ ${what}`);
        return undefined;
      }
    };
    const content = contentDir();
    const training = check('content/intents.yaml', () => readRasaNluFile(join(content, 'intents.yaml')));
    const loaded = check('content/catalog.yaml, rules.yaml, responses.yaml, faq/, brand.yaml, staff.yaml', () => loadContent({ contentDir: content }));
    if (loaded) {
      const db = openDatabase(':memory:');
      const clock = () => new Date();
      const registry = createSalonRegistry({ crm: createDemoCrm({ db, catalog: loaded.catalog, rules: loaded.rules, clock }), catalog: loaded.catalog, rules: loaded.rules, clock, responses: loaded.responses });
      const flows = check('flows/', () => loadFlows(flowsDir(), { registry, responses: loaded.responses, intents: training ? intentsOf(training) : undefined }));
      if (flows && loaded.staff) check('handover reasons in content/staff.yaml', () => checkStaffReasons(loaded.staff!, handoverReasonsInUse(flows, loaded.faq)));
      db.close();
    }
    if (problems.length) {
      console.error(`\n${problems.length} problem(s):\n`);
      for (const problem of problems) console.error(`${problem}\n`);
      process.exitCode = 1;
    } else {
      console.log('\nAll content and flows are valid.');
    }
  });
}
