import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../../salon/errors';
import { loadFaq, parseFaqSources, readFaqEntries, type FaqSource } from '../../../core/faq';
import { CONTENT_DIR, shippedCatalog } from '../../support/content';
import { removeTempDir } from '../../support/temp';

const FILE = 'content/faq/test.yaml';

/** A small valid FAQ file; tests break one thing in it. */
const VALID = `# comment header
- id: price_manicure_gel
  questions:
    - сколько стоит маникюр с покрытием
    - цена шеллака
  answer: "Маникюр с покрытием — {price:manicure_gel}."
  tags: { service: manicure_gel, topic: price }

- id: pets
  questions: [можно с собакой?]
  answer: Простите, с питомцами нельзя.

- id: medical_pregnancy
  questions: [беременным можно?]
  handover: medical
`;

/** Parses FAQ sources (by default VALID with `from` replaced by `to`), expecting a ContentError. */
function errorOf(from: string, to: string, sources?: FaqSource[]): ContentError {
  if (!sources) expect(VALID).to.include(from);
  try {
    parseFaqSources(sources ?? [{ file: FILE, source: VALID.replace(from, to) }], shippedCatalog());
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

/** The 1-based line of the first line of `source` containing `text`. */
function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('loadFaq', () => {
  it('loads every shipped FAQ file: at least 45 answers with unique ids', () => {
    const faq = loadFaq(join(CONTENT_DIR, 'faq'), shippedCatalog());
    const answers = faq.entries.filter((e) => e.answer !== undefined);
    expect(answers.length).to.be.at.least(45);
    expect(new Set(faq.entries.map((e) => e.id)).size).to.equal(faq.entries.length);
    expect(faq.get('price_manicure_gel')?.tags).to.deep.equal({ service: ['manicure_gel'], branch: [], topic: 'price' });
    expect(faq.get('price_manicure_gel')?.source.file).to.match(/prices\.yaml$/);
  });

  it('reads the files of a folder in name order and skips files of comments only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faq-'));
    try {
      writeFileSync(join(dir, 'b.yaml'), VALID);
      writeFileSync(join(dir, 'a.yaml'), '- id: drinks\n  questions: [кофе есть?]\n  answer: Есть.\n');
      writeFileSync(join(dir, 'c.yaml'), '# nothing yet\n');
      writeFileSync(join(dir, 'notes.txt'), 'not yaml');
      expect(readFaqEntries(dir, shippedCatalog()).map((e) => e.id)).to.deep.equal(['drinks', 'price_manicure_gel', 'pets', 'medical_pregnancy']);
    } finally {
      removeTempDir(dir);
    }
  });

  it('refuses a folder without FAQ files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faq-'));
    try {
      expect(() => loadFaq(dir, shippedCatalog())).to.throw(ContentError, 'no .yaml files');
    } finally {
      removeTempDir(dir);
    }
  });

  it('keeps handover entries without an answer', () => {
    const entries = parseFaqSources([{ file: FILE, source: VALID }], shippedCatalog());
    expect(entries.find((e) => e.id === 'medical_pregnancy')).to.include({ handover: 'medical' }).and.not.have.property('answer');
  });

  describe('problems, with file and line', () => {
    it('reports malformed YAML', () => {
      const source = VALID.replace('  questions: [можно с собакой?]', '  questions: [можно с собакой?');
      const error = errorOf('', '', [{ file: FILE, source }]);
      expect(error.message).to.match(/^content\/faq\/test\.yaml:\d+: invalid YAML/);
      expect(error.line).to.be.within(lineOf(source, 'можно с собакой'), lineOf(source, 'можно с собакой') + 2);
      expect(error.hint).to.include('indentation');
    });

    it('reports a file that is not a list of entries', () => {
      const error = errorOf('', '', [{ file: FILE, source: 'id: pets\nanswer: нет\n' }]);
      expect(error.message).to.include('not a list of FAQ entries');
      expect(error.hint).to.include('- id:');
    });

    it('reports a duplicate id, across files too, naming the first one', () => {
      const second = '# another file\n\n- id: pets\n  questions: [а с котиком?]\n  answer: Нет.\n';
      const error = errorOf('', '', [{ file: FILE, source: VALID }, { file: 'content/faq/other.yaml', source: second }]);
      expect(error.message).to.include('content/faq/other.yaml:3').and.include('entry id "pets" is used twice').and.include(`${FILE}:${lineOf(VALID, '- id: pets')}`);
    });

    it('reports an entry without questions', () => {
      const error = errorOf('  questions: [можно с собакой?]\n', '');
      expect(error.message).to.include(`${FILE}:${lineOf(VALID, '- id: pets')}`).and.include('entry "pets" has no "questions"');
    });

    it('reports an empty list of questions', () => {
      const error = errorOf('  questions: [можно с собакой?]', '  questions: []');
      expect(error.message).to.include('entry "pets", field "questions"');
      expect(error.line).to.equal(lineOf(VALID, 'questions: [можно с собакой?]'));
    });

    it('reports an entry without an answer, and suggests handover for what an administrator answers', () => {
      const error = errorOf('  answer: Простите, с питомцами нельзя.\n', '');
      expect(error.message).to.include(`${FILE}:${lineOf(VALID, '- id: pets')}`).and.include('entry "pets" has no "answer"');
      expect(error.hint).to.include('handover: medical');
    });

    it('reports an entry with both an answer and a handover', () => {
      const error = errorOf('  handover: medical', '  handover: medical\n  answer: Можно.');
      expect(error.message).to.include('has both "answer" and "handover"');
    });

    it('reports an unknown reference at the line of the reference, with a hint', () => {
      const source = VALID.replace('  answer: "Маникюр с покрытием — {price:manicure_gel}."', '  answer: >-\n    Маникюр с покрытием —\n    {price:nonexistent}.');
      const error = errorOf('', '', [{ file: FILE, source }]);
      expect(error.message).to.equal(`${FILE}:${lineOf(source, '{price:nonexistent}')}: [0].answer: unknown service "nonexistent" in {price:nonexistent} in the answer of entry "price_manicure_gel"\n  → ${error.hint}`);
      expect(error.hint).to.include('manicure_gel, ');
    });

    it('reports an unknown reference kind', () => {
      const error = errorOf('{price:manicure_gel}', '{cost:manicure_gel}');
      expect(error.message).to.include('unknown reference {cost:manicure_gel}');
      expect(error.hint).to.include('price:<service>');
    });

    it('reports an unknown service or branch in tags, with did-you-mean', () => {
      const error = errorOf('tags: { service: manicure_gel,', 'tags: { service: manicure_jel, branch: [city, tverskya],');
      expect(error.message).to.include('unknown service "manicure_jel" in the tags of entry "price_manicure_gel"');
      expect(error.hint).to.include('did you mean "manicure_gel"?');
      const branch = errorOf('tags: { service: manicure_gel,', 'tags: { branch: [city, tverskya],');
      expect(branch.message).to.include('tags.branch[1]').and.include('unknown branch "tverskya"');
    });

    it('reports an unknown field', () => {
      const error = errorOf('  answer: Простите', '  anwser: Простите');
      expect(error.message).to.include('entry "pets" has an unknown field "anwser"');
      expect(error.line).to.equal(lineOf(VALID, 'answer: Простите'));
    });

    it('reports a question listed in two entries', () => {
      const error = errorOf('[беременным можно?]', '[Цена шеллака!]');
      expect(error.message).to.include('question "Цена шеллака!" is already listed in entry "price_manicure_gel"');
      expect(error.line).to.equal(lineOf(VALID, 'беременным можно?'));
    });
  });
});
