import { expect } from 'chai';
import { NluDataError, parseAnnotatedExample, parseRasaNlu } from '../../../nlu/data';

const SAMPLE = `version: "3.1"
nlu:
- intent: booking
  examples: |
    - запишите на [ноготочки]{"entity": "service", "value": "manicure_gel"} в пт
    - хочу к [ольге](master:olga)
    - [маникюр](service) плз
- synonym: manicure_gel
  examples: |
    - шеллак
    - гель лак
- lookup: guest_first_name
  examples: |
    - ирина
- regex: phone
  examples: |
    - \\+7\\d{10}
`;

describe('Rasa NLU YAML reader', () => {
  const data = parseRasaNlu(SAMPLE, 'intents.yaml');

  it('reads intent examples as plain text with their line numbers', () => {
    expect(data.examples.map((e) => [e.intent, e.text, e.line])).to.deep.equal([
      ['booking', 'запишите на ноготочки в пт', 5],
      ['booking', 'хочу к ольге', 6],
      ['booking', 'маникюр плз', 7],
    ]);
  });

  it('reads entity annotations in the JSON, entity:value and short forms', () => {
    expect(data.examples[0].entities).to.deep.equal([{ entity: 'service', value: 'manicure_gel', start: 12, end: 21, text: 'ноготочки' }]);
    expect(data.examples[1].entities[0]).to.include({ entity: 'master', value: 'olga', text: 'ольге' });
    expect(data.examples[2].entities[0]).to.include({ entity: 'service', value: 'маникюр' });
  });

  it('reads synonyms, lookup tables and regexes', () => {
    expect(data.synonyms).to.deep.equal([{ value: 'manicure_gel', texts: ['шеллак', 'гель лак'] }]);
    expect(data.lookups).to.deep.equal([{ name: 'guest_first_name', elements: ['ирина'] }]);
    expect(data.regexes).to.deep.equal([{ name: 'phone', patterns: ['\\+7\\d{10}'] }]);
  });

  it('names the file and line of malformed YAML', () => {
    const broken = 'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - привет\n  - bad: [\n';
    expect(() => parseRasaNlu(broken, 'content/intents.yaml')).to.throw(NluDataError, /^content\/intents\.yaml:\d+: invalid YAML/);
  });

  it('names the line of an annotation that is not valid JSON', () => {
    const bad = 'version: "3.1"\nnlu:\n- intent: booking\n  examples: |\n    - ok\n    - на [маникюр]{entity: service}\n';
    expect(() => parseRasaNlu(bad, 'x.yml')).to.throw(NluDataError, /^x\.yml:6: the annotation .* is not valid JSON/);
  });

  it('explains a block without examples', () => {
    expect(() => parseRasaNlu('nlu:\n- intent: greet\n', 'x.yml')).to.throw(NluDataError, /x\.yml:2: the intent "greet" has no "examples: \|" text/);
  });

  it('names the line of a regex that does not compile', () => {
    const bad = 'nlu:\n- regex: code\n  examples: |\n    - ([a-z\n';
    expect(() => parseRasaNlu(bad, 'x.yml')).to.throw(NluDataError, /x\.yml:4: the regex/);
  });

  it('keeps text without annotations as it is', () => {
    expect(parseAnnotatedExample('просто [текст без скобок')).to.deep.equal({ text: 'просто [текст без скобок', entities: [] });
  });
});
