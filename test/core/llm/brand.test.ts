// The loader lives in salon/brand.ts; its test sits with the LLM layer that uses it.
import { expect } from 'chai';
import path from 'node:path';
import { loadBrand, parseBrand } from '../../../salon/brand';
import { ContentError } from '../../../salon/errors';
import { BRAND_EMOJI } from '../../../core/responses';

const BRAND_FILE = path.join(__dirname, '../../../content/brand.yaml');
const FILE = 'content/brand.yaml';

const VALID = `
name: Madam COCO
emoji: [💅, ✨]
max_emoji: 1
max_sentences: 3
voice:
  - Говорим «мы», к гостю на «вы».
never:
  - Придумывать цены.
`;

function errorOf(from: string, to: string): ContentError {
  expect(VALID).to.include(from);
  try {
    parseBrand(VALID.replace(from, to), FILE);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('loadBrand', () => {
  it('loads the brand voice of the brief', () => {
    const brand = loadBrand(BRAND_FILE);
    expect(brand).to.include({ name: 'Madam COCO', max_emoji: 1, max_sentences: 3 });
    expect(brand.emoji).to.deep.equal([...BRAND_EMOJI]);
    expect(brand.voice.join(' ')).to.include('«мы»').and.include('«вы»');
    expect(brand.never.join(' ')).to.include('медицинские советы').and.include('конкурентов');
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadBrand('content/no-such-brand.yaml')).to.throw(ContentError, 'content/no-such-brand.yaml: cannot read the brand voice');
  });
});

describe('parseBrand', () => {
  it('accepts a minimal valid file', () => {
    expect(parseBrand(VALID, FILE).emoji).to.deep.equal(['💅', '✨']);
  });

  it('names the line of a missing or misspelt field', () => {
    const missing = errorOf('max_sentences: 3\n', '');
    expect(missing.message).to.include('has no "max_sentences"');
    const misspelt = errorOf('max_emoji: 1', 'max_emojis: 1');
    expect(misspelt.line).to.equal(4);
    expect(misspelt.message).to.include('unknown field "max_emojis"');
  });

  it('refuses a number out of range, with the expected form', () => {
    const error = errorOf('max_sentences: 3', 'max_sentences: 30');
    expect(error.line).to.equal(5);
    expect(error.message).to.include('a whole number from 1 to 10');
  });

  it('refuses something that is not a single emoji', () => {
    const error = errorOf('[💅, ✨]', '[💅, ✨✨]');
    expect(error.message).to.include('"✨✨" is not a single emoji');
    expect(error.line).to.equal(3);
  });

  it('refuses an empty list of rules', () => {
    expect(errorOf('never:\n  - Придумывать цены.', 'never: []').message).to.include('never');
  });

  it('refuses invalid YAML with its line', () => {
    expect(errorOf('voice:', 'voice: [').line).to.be.a('number');
  });
});
