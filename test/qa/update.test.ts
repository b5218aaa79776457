import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyUpdates, planUpdates, readTranscript, runCase } from '../../qa';
import { shippedEnvironment } from './helpers';
import { removeTempDir } from '../support/temp';

/** A transcript whose expected texts are out of date, with comments and formatting to keep. */
const OUTDATED = `# Booking: the first question.
cases:
  - name: asks the branch and then the master   # the happy path
    tags: [booking]
    steps:
      - user: запишите на маникюр
        bot: В какой салон вам удобно?          # the old wording
        buttons: [«Тверская», «Патриаршие», «Сити»]
      - button: «Тверская»
        bot:
          - 'К какому мастеру вас записать?'
          - { contains: какого-то мастера }
      - user: любой
        bot: |-
          Когда вам удобно?
          Напишите, например.
`;

describe('--update', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coco-update-'));
  });
  afterEach(() => removeTempDir(dir));

  it('rewrites the exact texts that no longer match, keeping comments, quotes and layout, and leaves matchers to a person', async () => {
    const file = join(dir, 'outdated.yaml');
    writeFileSync(file, OUTDATED);
    const run = await runCase(readTranscript(file).cases[0], await shippedEnvironment());
    expect(run.status).to.equal('failed');

    const plan = planUpdates([run]);
    expect(plan.skipped).to.deep.equal([{ file, line: 10, reason: 'a "contains" expectation is not rewritten: fix it by hand' }]);
    const changes = applyUpdates(plan);
    expect(changes).to.deep.equal([
      { file, line: 7, before: 'В какой салон вам удобно?', after: 'В какой салон вам удобнее? 🌸' },
      { file, line: 10, before: 'К какому мастеру вас записать?', after: 'К какому мастеру вас записать? Если нет разницы — выберите «Любой мастер».' },
      { file, line: 14, before: 'Когда вам удобно?\nНапишите, например.', after: 'Когда вам удобно? Напишите, например, «в пятницу вечером» или «завтра после обеда» ✨' },
    ]);
    const updated = readFileSync(file, 'utf8');
    expect(updated).to.equal(
      OUTDATED.replace('bot: В какой салон вам удобно?          # the old wording', 'bot: В какой салон вам удобнее? 🌸          # the old wording')
        .replace("'К какому мастеру вас записать?'", "'К какому мастеру вас записать? Если нет разницы — выберите «Любой мастер».'")
        .replace('Когда вам удобно?\n          Напишите, например.', 'Когда вам удобно? Напишите, например, «в пятницу вечером» или «завтра после обеда» ✨'),
    );

    // Only the hand-written matcher still fails.
    const again = await runCase(readTranscript(file).cases[0], await shippedEnvironment());
    expect(again.steps.flatMap((s) => s.failures).map((f) => [f.what, f.line])).to.deep.equal([['bot', 10]]);
  });

  it('quotes a new text that cannot stay plain', () => {
    const file = join(dir, 'plain.yaml');
    writeFileSync(file, 'cases:\n  - name: n\n    steps:\n      - user: a\n        bot: old text\n');
    const changes = applyUpdates({ changes: [{ file, line: 5, before: 'old text', after: 'Свободно: выберите # время', path: ['cases', 0, 'steps', 0, 'bot'] }], skipped: [] });
    expect(changes).to.have.length(1);
    expect(readFileSync(file, 'utf8')).to.equal('cases:\n  - name: n\n    steps:\n      - user: a\n        bot: "Свободно: выберите # время"\n');
  });
});
