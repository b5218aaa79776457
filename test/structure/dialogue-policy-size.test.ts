/**
 * The dialogue policy stays a few general rules in small files (#13): no file of core/dialogue is over
 * 200 lines, and there is no decide() to grow special cases in again.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const POLICY = join(ROOT, 'core', 'dialogue');
const MAX_LINES = 200;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the dialogue policy', () => {
  const files = tsFiles(POLICY).map((path) => ({ path: relative(ROOT, path), source: readFileSync(path, 'utf8') }));

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = files.map((f) => ({ path: f.path, lines: f.source.split('\n').length })).filter((f) => f.lines > MAX_LINES);
    expect(long, 'split these by concept').to.deep.equal([]);
  });

  it('has no decide(): messages become commands by the rules of interpret/', () => {
    expect(files.filter((f) => /\bdecide\s*\(/.test(f.source)).map((f) => f.path)).to.deep.equal([]);
  });
});
