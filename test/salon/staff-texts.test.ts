/** content/staff.yaml: what the staff chat reads, checked like every content file. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../salon/errors';
import { checkStaffReasons, fillStaffText, loadStaffTexts, parseStaffTexts } from '../../salon/staff-texts';
import { handoverReasonsInUse } from '../../actions/handover-reasons';
import { CONTENT_DIR } from '../support/content';
import { testAssistant } from '../core/dialogue/conversation';

const FILE = join(CONTENT_DIR, 'staff.yaml');
const shipped = readFileSync(FILE, 'utf8');
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('staff chat texts (content/staff.yaml)', () => {
  it('load with words for every handover reason the shipped flows, FAQ and guardrails use', async () => {
    const staff = loadStaffTexts(FILE);
    const assistant = await testAssistant();
    try {
      const used = handoverReasonsInUse(assistant.flows, assistant.faq);
      expect([...used.keys()].sort()).to.deep.equal(['abuse', 'change_too_late', 'complaint', 'guest_asked', 'identity_unverified', 'medical']);
      expect(() => checkStaffReasons(staff, used)).not.to.throw();
    } finally {
      assistant.close();
    }
  });

  it('name the file and line of a {word} a text cannot use', () => {
    const broken = shipped.replace('channel: "Канал: {channel}"', 'channel: "Канал: {chanel}"');
    const error = (() => {
      try {
        parseStaffTexts(broken, 'content/staff.yaml');
      } catch (e) {
        return e as ContentError;
      }
      throw new Error('no error');
    })();
    expect(error).to.be.instanceOf(ContentError);
    expect(error.message).to.contain(`content/staff.yaml:${lineOf(broken, '{chanel}')}`);
    expect(error.message).to.contain('{chanel} is not a word this text can use');
    expect(error.hint).to.contain('{channel}');
  });

  it('name a missing field with its line', () => {
    expect(() => parseStaffTexts(shipped.replace(/^ {2}ticket: .*\n/m, ''), 'content/staff.yaml')).to.throw(ContentError, /ticket/);
  });

  it('point at reasons: when a flow hands over for a reason staff have no words for', () => {
    const staff = parseStaffTexts(shipped, 'content/staff.yaml');
    const error = (() => {
      try {
        checkStaffReasons(staff, new Map([['vip_request', 'flows/vip.yaml:12']]));
      } catch (e) {
        return e as ContentError;
      }
      throw new Error('no error');
    })();
    expect(error.message).to.contain(`content/staff.yaml:${shipped.split('\n').findIndex((l) => l.startsWith('reasons:')) + 1}`);
    expect(error.message).to.contain('"vip_request" (used in flows/vip.yaml:12)');
  });

  it('fill {words} and leave unknown ones as written', () => {
    expect(fillStaffText('💬 {name} ({channel}): {text}', { name: 'Анна', channel: 'WhatsApp', text: 'а можно пораньше?' })).to.equal('💬 Анна (WhatsApp): а можно пораньше?');
    expect(fillStaffText('Гость: {name}', {})).to.equal('Гость: {name}');
  });
});
