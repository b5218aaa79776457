import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant } from '../../app/assistant';
import { runCli, scratchDir } from '../support/run-cli';
import { shippedEnvironment } from './helpers';

describe('coco transcript export and coco test', function () {
  // One child process trains the NLU into the scratch cache; the others do not need it.
  this.timeout(120_000);
  const scratch = scratchDir();
  const env = { COCO_CACHE_DIR: join(scratch, 'cache'), COCO_DB: join(scratch, 'coco.db') };
  const transcripts = join(scratch, 'transcripts');
  mkdirSync(transcripts, { recursive: true });

  it('exports a logged chat masked; coco test runs it with others, prints diffs and coverage, writes JUnit XML and exits 1 on a failure', async () => {
    // A conversation logged in COCO_DB, as `coco chat` or a connector leaves it.
    const assistant = createAssistant({ ...(await shippedEnvironment()), database: env.COCO_DB, clock: () => new Date('2026-11-24T12:00:00+03:00') });
    for (const text of ['запишите на маникюр в пятницу после 6', 'на тверской', 'любой', '1', 'Ирина', '+7 999 765-43-21', 'да', 'нет']) {
      await assistant.engine.handle({ channel: 'cli', userId: 'script', text });
    }
    assistant.close();

    const listed = await runCli(['transcript', 'list'], env);
    expect(listed.stdout).to.match(/^cli:script\t2026-11-24T09:00:00\.000Z\t8 turns\n/);
    const recorded = join(transcripts, 'recorded.yaml');
    const exported = await runCli(['transcript', 'export', 'cli:script', '--out', recorded], env);
    expect(exported.code, exported.stderr).to.equal(0);
    const yaml = readFileSync(recorded, 'utf8');
    expect(yaml).not.to.match(/Ирин|765-43|7654321/);
    expect(yaml).to.contain('      - user: +7 900 000-00-21\n');
    const again = await runCli(['transcript', 'export', 'cli:script', '--out', recorded], env);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.contain('exists: choose another file, or add --force');

    writeFileSync(join(transcripts, 'two.yaml'), [
      'cases:',
      '  - name: asks the branch',
      '    steps:',
      '      - user: запишите на маникюр',
      '        awaiting: branch',
      '  - name: expects the wrong question',
      '    steps:',
      '      - user: запишите на маникюр',
      '        awaiting: master',
    ].join('\n'));
    writeFileSync(join(transcripts, 'broken.yaml'), 'cases:\n  - name: n\n    steps:\n      - user: привет\n        awiating: branch\n');
    const junit = join(scratch, 'reports', 'junit.xml');
    const run = await runCli(['test', transcripts, '--reporter', 'junit', '--out', junit, '--min-coverage', '50'], env);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(/broken\.yaml:5: .*unknown field "awiating"/);
    expect(run.stdout).to.match(/✓ recorded cli conversation of 2026-11-24 {2}\(.*recorded\.yaml:5, \d+ ms\)/);
    expect(run.stdout).to.contain('✓ asks the branch');
    expect(run.stdout).to.match(/two\.yaml:9 {2}awaiting\n {6}- expected: "master"\n {6}\+ actual: {3}"branch"/);
    expect(run.stdout).to.match(/Flow coverage: steps \d+\/\d+ \(\d+(\.\d)? %\)/);
    expect(run.stdout).to.match(/\n2 passed, 1 failed, 1 file unreadable \(\d+\.\d s\)\nJUnit XML written to .*junit\.xml\nFlow step coverage \d+(\.\d)? % is below --min-coverage 50 %\.\n$/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).to.contain('tests="3" failures="1"');
    expect(xml).to.match(/<failure message="[^"]*two\.yaml:9: awaiting"/);
  });
});
