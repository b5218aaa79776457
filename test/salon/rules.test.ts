import { expect } from 'chai';
import path from 'node:path';
import { loadRules, parseRules } from '../../salon/rules';
import { ContentError } from '../../salon/errors';

const RULES_FILE = path.join(__dirname, '../../content/rules.yaml');
const FILE = 'content/rules.yaml';

/** A small valid rules file; tests break one thing in it. */
const VALID = `
booking:
  lead_minutes: 120
  horizon_days: 30
  grid_minutes: 30
  max_offered_slots: 5
changes:
  free_until_hours: 4
lateness:
  tolerated_minutes: 15
complaints:
  senior_admin_answer_hours: 2
admin_hours:
  mon: "10:00-21:00"
  sat: "11:00-18:00"
`;

/** Parses the fixture with `from` replaced by `to`, expecting a ContentError. */
function errorOf(from: string, to: string): ContentError {
  expect(VALID).to.include(from);
  try {
    parseRules(VALID.replace(from, to), FILE);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

/** The 1-based line of the first fixture line containing `text`. */
function lineOf(text: string): number {
  return VALID.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('loadRules', () => {
  it('loads the salon rules of the brief', () => {
    const rules = loadRules(RULES_FILE);
    expect(rules.booking).to.deep.equal({ lead_minutes: 120, horizon_days: 30, grid_minutes: 30, max_offered_slots: 5 });
    expect(rules.changes.free_until_hours).to.equal(4);
    expect(rules.lateness.tolerated_minutes).to.equal(15);
    expect(rules.complaints.senior_admin_answer_hours).to.equal(2);
    expect(rules.admin_hours.mon).to.equal('10:00-21:00');
    expect(Object.keys(rules.admin_hours)).to.have.length(7);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadRules('content/no-such-rules.yaml')).to.throw(ContentError, 'content/no-such-rules.yaml: cannot read the rules');
  });
});

describe('parseRules', () => {
  it('accepts admin hours on some days only', () => {
    const rules = parseRules(VALID, FILE);
    expect(rules.admin_hours).to.deep.equal({ mon: '10:00-21:00', sat: '11:00-18:00' });
  });

  it('reports a YAML syntax error with its line', () => {
    const error = errorOf('  grid_minutes: 30', '  grid_minutes: [30');
    expect(error.message).to.match(/^content\/rules\.yaml:\d+: invalid YAML/);
  });

  it('reports a missing field with the line of its section', () => {
    const error = errorOf('  max_offered_slots: 5\n', '');
    expect(error.line).to.equal(lineOf('booking:') + 1);
    expect(error.message).to.include('section "booking" has no "max_offered_slots"');
  });

  it('reports a misspelt field at its own line, listing the right ones', () => {
    const error = errorOf('  free_until_hours: 4', '  free_until_hour: 4');
    expect(error.line).to.equal(lineOf('free_until_hours'));
    expect(error.message).to.include('unknown field "free_until_hour"').and.include('free_until_hours');
  });

  it('reports a number written with words, saying what to write', () => {
    const error = errorOf('lead_minutes: 120', 'lead_minutes: два часа');
    expect(error.line).to.equal(lineOf('lead_minutes'));
    expect(error.path).to.equal('booking.lead_minutes');
    expect(error.message).to.include('field "lead_minutes"').and.include('e.g. 120');
  });

  it('rejects a grid that does not divide an hour', () => {
    const error = errorOf('grid_minutes: 30', 'grid_minutes: 25');
    expect(error.line).to.equal(lineOf('grid_minutes'));
    expect(error.message).to.include('does not divide an hour');
  });

  it('rejects admin hours that close before they open', () => {
    const error = errorOf('sat: "11:00-18:00"', 'sat: "18:00-11:00"');
    expect(error.line).to.equal(lineOf('sat:'));
    expect(error.message).to.include('close before they open on sat');
  });

  it('rejects hours not in the HH:MM-HH:MM form', () => {
    const error = errorOf('mon: "10:00-21:00"', 'mon: 10-21');
    expect(error.message).to.include('"HH:MM-HH:MM"');
  });

  it('says what the file should contain when it is empty', () => {
    expect(() => parseRules('', FILE)).to.throw(ContentError, 'booking, changes, lateness, complaints, admin_hours');
  });
});
