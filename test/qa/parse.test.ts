import { expect } from 'chai';
import { ContentError } from '../../salon/errors';
import { transcriptFromString } from './helpers';

/** The message of the error parsing `yaml` throws (as `inline.yaml`). */
function problemOf(yaml: string): string {
  try {
    transcriptFromString(yaml, 'inline.yaml');
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('the transcript parsed');
}

describe('parseTranscript', () => {
  it('reads cases, steps and expectations with the line of each', () => {
    const file = transcriptFromString(
      [
        'cases:',
        '  - name: greets',
        '    tags: [smoke]',
        '    steps:',
        '      - user: привет',
        '        responses: [greet]',
        '        bot: { contains: Здравствуйте }',
        '      - button: Записаться',
        '        crm: { no_booking: { branch: city } }',
      ].join('\n'),
    );
    const [testCase] = file.cases;
    expect(testCase).to.deep.include({ name: 'greets', tags: ['smoke'], line: 2, now: '2026-11-24T12:00:00+03:00' });
    expect(testCase.guest).to.deep.equal({ channel: 'telegram', user: 'guest' });
    expect(testCase.steps[0]).to.deep.include({ number: 1, line: 5, input: { kind: 'user', text: 'привет', attachments: [] } });
    expect(testCase.steps[0].expect.map((e) => [e.key, e.line])).to.deep.equal([['responses', 6], ['bot', 7]]);
    expect(testCase.steps[1].input).to.deep.equal({ kind: 'button', button: 'Записаться' });
    expect(testCase.steps[1].crm).to.deep.equal([{ kind: 'no_booking', fields: { branch: 'city' }, file: 'test/transcripts/inline.yaml', line: 9 }]);
  });

  it('merges the file defaults into every case, the case winning', () => {
    const file = transcriptFromString(
      [
        'defaults:',
        '  now: 2026-12-01T10:00:00+03:00',
        '  guest: { channel: whatsapp, name: Ирина }',
        '  tags: [booking]',
        'cases:',
        '  - name: one',
        '    guest: { user: 42 }',
        '    tags: [happy-path]',
        '    steps: [{ user: привет }]',
      ].join('\n'),
    );
    expect(file.cases[0]).to.deep.include({ now: '2026-12-01T10:00:00+03:00', tags: ['booking', 'happy-path'] });
    expect(file.cases[0].guest).to.deep.equal({ channel: 'whatsapp', user: '42', name: 'Ирина' });
  });

  it('keeps what the guest types as written, numbers and dates too', () => {
    const file = transcriptFromString('cases:\n  - name: n\n    steps:\n      - user: 1.10\n      - user: 3\n      - user: "22.11"\n');
    expect(file.cases[0].steps.map((s) => (s.input.kind === 'user' ? s.input.text : ''))).to.deep.equal(['1.10', '3', '22.11']);
  });

  it('reads an unquoted reply with ": " in a list as the text', () => {
    const file = transcriptFromString('cases:\n  - name: n\n    steps:\n      - user: "мой номер: 8 999 123-45-67"\n        bot:\n          - Свободно: выберите время 💅   # a comment\n          - { contains: "Когда: пт" }\n');
    const [step] = file.cases[0].steps;
    expect(step.input).to.deep.include({ text: 'мой номер: 8 999 123-45-67' });
    expect(step.expect[0].value).to.deep.equal(['Свободно: выберите время 💅', { contains: 'Когда: пт' }]);
  });

  it('names the file, line, case and field of a schema problem and how to fix it', () => {
    const message = problemOf('cases:\n  - name: books\n    steps:\n      - user: запишите\n        awaiting: 5\n');
    expect(message).to.match(/^inline\.yaml:5: /);
    expect(message).to.contain('case "books", step 1, field "awaiting"');
    expect(message).to.contain('→ write the slot asked for, or null');
  });

  it('names a misspelt expectation and lists the right ones', () => {
    const message = problemOf('cases:\n  - name: books\n    steps:\n      - user: запишите\n        awiating: branch\n');
    expect(message).to.match(/^inline\.yaml:5: .*unknown field "awiating"/);
    expect(message).to.contain('awaiting');
  });

  it('explains a malformed line with the quoting hint', () => {
    const message = problemOf('cases:\n  - name: n\n    steps:\n      - user: привет\n        bot: Готово: ждём: вас\n');
    expect(message).to.match(/^inline\.yaml:5: invalid YAML/);
    expect(message).to.contain('must be in quotes');
  });

  it('refuses a button before the assistant said anything', () => {
    expect(problemOf('cases:\n  - name: n\n    steps:\n      - button: Записаться\n')).to.match(/^inline\.yaml:4: .*presses a button before the assistant said anything/);
  });

  it('refuses a step that does two things, or checks a turn without an input', () => {
    expect(problemOf('cases:\n  - name: n\n    steps:\n      - user: да\n        button: Да\n')).to.contain('step 1 has both user and button');
    expect(problemOf('cases:\n  - name: n\n    steps:\n      - user: да\n      - crm: { no_booking: { branch: city } }\n        awaiting: phone\n'))
      .to.match(/^inline\.yaml:6: .*step 2 has expectations on the assistant's turn \(awaiting\) but the guest does nothing/);
  });

  it('refuses an invalid regular expression and a slot taken after a step that does not exist', () => {
    expect(problemOf('cases:\n  - name: n\n    steps:\n      - user: да\n        bot: { regex: "(" }\n')).to.match(/^inline\.yaml:5: .*regular expression \/\(\/ is invalid/);
    expect(problemOf('cases:\n  - name: n\n    fixtures: { take_slot_after_step: 3 }\n    steps:\n      - user: да\n')).to.match(/^inline\.yaml:3: .*has 1 steps, so there is no step 3/);
  });

  it('refuses a phone that is not E.164 and a time without its offset', () => {
    expect(problemOf('cases:\n  - name: n\n    guest: { phone: 89991234567 }\n    steps: [{ user: да }]\n')).to.match(/^inline\.yaml:3: [\s\S]*a phone in E\.164/);
    expect(problemOf('cases:\n  - name: n\n    now: 2026-11-24 12:00\n    steps: [{ user: да }]\n')).to.match(/^inline\.yaml:3: [\s\S]*an ISO time with its offset/);
  });

  it('explains an empty or foreign file', () => {
    expect(problemOf('- just\n- a list\n')).to.contain('a transcript must be a map with "cases:"');
    expect(problemOf('cases: []\n')).to.match(/^inline\.yaml:1: /);
  });
});
