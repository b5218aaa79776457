import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../../../salon/errors';
import { RESPONSE_VARIABLES, loadResponses, parseResponses, type Responses } from '../../../core/responses';

const RESPONSES_FILE = path.join(__dirname, '../../../content/responses.yaml');
const FILE = 'content/responses.yaml';

/** Every key the flows and the engine rely on (the engine design and the brief). */
const REQUIRED_KEYS = {
  conversation: [
    'greet', 'thanks', 'goodbye', 'out_of_scope', 'how_can_we_help', 'fallback_clarify', 'fallback_not_understood_offer_human',
    'stopped', 'generic_error', 'crm_unavailable', 'resume_offer', 'handover_started', 'handover_in_progress', 'faq_not_found_offer_human',
    'flow_changed_restart',
  ],
  booking: [
    'ask_service', 'service_not_understood', 'service_not_offered_in_branch', 'ask_branch', 'ask_master', 'master_not_found',
    'master_not_in_branch', 'ask_when', 'when_not_understood', 'when_too_far', 'offer_slots', 'no_slots_for_preference',
    'slot_taken_meanwhile', 'ask_guest_name', 'ask_phone', 'phone_not_understood', 'confirm_booking', 'booking_confirmed',
    'booking_not_confirmed', 'upsell_offer', 'upsell_added', 'upsell_declined', 'prepayment_note', 'booking_for_someone_else_note',
  ],
  'identify, reschedule, cancel': [
    'ask_phone_identify', 'client_not_found', 'no_upcoming_bookings', 'pick_booking', 'confirm_cancel', 'booking_cancelled',
    'cancel_kept', 'change_too_late', 'ask_new_when', 'confirm_reschedule', 'booking_rescheduled', 'reschedule_kept',
  ],
  'repeat last': ['no_last_visit', 'repeat_last_found'],
  complaint: [
    'complaint_sorry', 'ask_complaint_branch', 'ask_visit_date', 'ask_complaint_master', 'ask_complaint_service', 'ask_description',
    'ask_photo', 'ask_outcome', 'complaint_ticket_created', 'complaint_within_guarantee_offer_fix', 'complaint_outside_guarantee_handover',
  ],
};

/** Variables a response must be able to show (some variant uses each). */
const REQUIRED_VARIABLES: Record<string, string[]> = {
  resume_offer: ['flow_title'],
  handover_started: ['admin_answer_time'],
  confirm_booking: ['service_names', 'branch_name', 'branch_address', 'master_name', 'slot_time', 'price', 'booking_name', 'phone_masked'],
  upsell_offer: ['upsell_name', 'upsell_price'],
  prepayment_note: ['prepayment'],
  confirm_cancel: ['booking_summary'],
  change_too_late: ['hours_left'],
  confirm_reschedule: ['booking_summary', 'slot_time'],
  repeat_last_found: ['service_names', 'master_name', 'branch_name'],
  complaint_ticket_created: ['ticket_id'],
  complaint_within_guarantee_offer_fix: ['guarantee_until'],
  complaint_outside_guarantee_handover: ['senior_admin_answer_hours'],
};

const COMPLAINT_OR_APOLOGY = [...REQUIRED_KEYS.complaint, 'generic_error', 'crm_unavailable', 'fallback_not_understood_offer_human', 'change_too_late'];

/** Parses `source`, expecting a ContentError. */
function errorOf(source: string): ContentError {
  try {
    parseResponses(source, FILE);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('loadResponses', () => {
  let responses: Responses;
  before(() => {
    responses = loadResponses(RESPONSES_FILE);
  });

  describe('the shipped content/responses.yaml', () => {
    for (const [group, keys] of Object.entries(REQUIRED_KEYS)) {
      it(`has every ${group} response`, () => {
        expect(keys.filter((key) => !responses.has(key))).to.deep.equal([]);
      });
    }

    it('uses in each response the variables the engine passes to it', () => {
      for (const [key, variables] of Object.entries(REQUIRED_VARIABLES)) {
        expect(responses.get(key).variables, key).to.include.members(variables);
      }
    });

    it('uses no emoji in complaints and apologies', () => {
      for (const key of COMPLAINT_OR_APOLOGY) {
        const texts = responses.get(key).texts.join(' ');
        expect(texts, key).not.to.match(/\p{Extended_Pictographic}/u);
      }
    });

    it('offers every complaint outcome as a button', () => {
      expect(responses.get('ask_outcome').buttons.map((b) => b.payload)).to.deep.equal([
        '/slot outcome=free_fix', '/slot outcome=redo_other_master', '/slot outcome=refund', '/slot outcome=feedback',
      ]);
    });

    it('names the line of each key', () => {
      const lines = readFileSync(RESPONSES_FILE, 'utf8').split('\n');
      for (const key of responses.keys()) expect(lines[responses.lineOf(key)! - 1], key).to.match(new RegExp(`^${key}:`));
    });
  });

  it('describes every variable in one line, for the README and the file header', () => {
    for (const [name, description] of Object.entries(RESPONSE_VARIABLES)) {
      expect(name).to.match(/^[a-z][a-z0-9_]*$/);
      expect(description, name).to.be.a('string').and.not.include('\n');
      expect(description.length, name).to.be.greaterThan(10);
    }
    const header = readFileSync(RESPONSES_FILE, 'utf8');
    expect(Object.keys(RESPONSE_VARIABLES).filter((name) => !header.includes(`{${name}}`))).to.deep.equal([]);
  });

  it('reads a text, a list of variants, rephrase and buttons', () => {
    const loaded = parseResponses(['greet:', '  text:', '    - "Здравствуйте!"', '    - "Добрый день!"', '  rephrase: true',
      'ask_master:', '  text: "К какому мастеру?"', '  buttons:', '    - { title: "Любой мастер", payload: "/slot master=any" }'].join('\n'), FILE);
    expect(loaded.keys()).to.deep.equal(['greet', 'ask_master']);
    expect(loaded.get('greet')).to.include({ rephrase: true, line: 1 });
    expect(loaded.get('greet').texts).to.deep.equal(['Здравствуйте!', 'Добрый день!']);
    expect(loaded.get('ask_master')).to.deep.include({ rephrase: false, line: 6, buttons: [{ title: 'Любой мастер', payload: '/slot master=any' }] });
    expect(loaded.lineOf('nope')).to.equal(undefined);
  });

  it('fails with the file name when the file cannot be read', () => {
    expect(() => loadResponses('/nonexistent/responses.yaml')).to.throw(ContentError, /\/nonexistent\/responses\.yaml: cannot read the responses/);
  });

  // Each case: the YAML, the line the error must name, and words the message must contain.
  const broken: Array<[string, string, number, RegExp]> = [
    ['is not valid YAML', 'greet:\n  text: "Здравствуйте\nthanks:\n  text: "Спасибо"', 2, /invalid YAML/],
    ['repeats a key', 'greet:\n  text: "А"\ngreet:\n  text: "Б"', 3, /invalid YAML.*unique/],
    ['is empty', '', 1, /empty or is not a set/],
    ['has a response without "text"', 'greet:\n  text: "Здравствуйте!"\nthanks:\n  rephrase: true', 3, /response "thanks" has no "text"/],
    ['misspells "text"', 'greet:\n  txt: "Здравствуйте!"', 2, /unknown field "txt".*\n.*text, rephrase, buttons/],
    ['writes a response as plain text', 'greet: "Здравствуйте!"', 1, /response "greet" is not written as "text:"/],
    ['has an empty text', 'greet:\n  text: ""', 2, /response "greet" has an empty text/],
    ['has an empty variant', 'greet:\n  text:\n    - "Здравствуйте!"\n    - ""\n    - "Добрый день!"', 4, /variant 2 of response "greet" is empty/],
    ['has a blank variant', 'greet:\n  text:\n    - "Здравствуйте!"\n    -\n    - "Добрый день!"', 4, /variant 2 of response "greet" is empty/],
    ['has an empty list of variants', 'greet:\n  text: []', 2, /empty list of variants/],
    ['has a non-boolean rephrase', 'greet:\n  text: "Здравствуйте!"\n  rephrase: maybe', 3, /"rephrase" of response "greet" must be true or false/],
    ['has a button payload the engine does not understand', 'ask_master:\n  text: "К кому?"\n  buttons:\n    - { title: "Любой", payload: "master=any" }', 4, /button 1 of response "ask_master" has a payload "master=any"/],
    ['has an invalid key', 'Greet:\n  text: "Здравствуйте!"', 1, /response key "Greet" is not a lowercase Latin name/],
    ['uses an unknown variable', 'booking_confirmed:\n  text: "Готово!"\nask_phone:\n  text: "{gest_name}, ваш телефон?"', 4, /unknown variable \{gest_name\}[^]*did you mean \{guest_name\}/],
    ['uses an unknown variable in a variant', 'greet:\n  text:\n    - "Здравствуйте!"\n    - "Здравствуйте, {name}!"', 4, /variant 2 of response "greet": unknown variable \{name\}/],
    ['leaves a brace open', 'greet:\n  text: "Здравствуйте, {guest_name!"', 2, /a "\{" is not closed/],
    ['has a closing brace without an opening one', 'greet:\n  text: "Здравствуйте, guest_name}!"', 2, /a "\}" has no "\{" before it/],
    ['nests braces', 'greet:\n  text: "Здравствуйте, {{guest_name}}!"', 2, /a "\{" is not closed/],
    ['has two emoji', 'greet:\n  text: "Здравствуйте! 🌸 Чем можем помочь? 💅"', 2, /2 emoji in one message/],
    ['has an emoji the brand does not use', 'greet:\n  text: "Здравствуйте! 😊"', 2, /emoji 😊 is not one of the brand's/],
    ['has an emoji in an apology', 'generic_error:\n  text: "Простите, что-то пошло не так 🤍"', 2, /an apology with an emoji/],
    ['has an emoji outside the brand in a button', 'greet:\n  text: "Здравствуйте!"\n  buttons:\n    - { title: "Записаться 👍", payload: "/intent booking" }', 4, /button 1 of response "greet": emoji 👍/],
    ['writes a price as literal text', 'upsell_offer:\n  text: "Добавить дизайн за 150 ₽?"', 2, /a literal number or price[^]*\{price\}/],
    ['speaks as «я»', 'ask_phone:\n  text: "Я запишу ваш телефон."', 2, /the salon speaks as «Я»/],
    ['calls the guest «ты»', 'ask_phone:\n  text: "Напиши свой телефон, пожалуйста, мы тебе перезвоним."', 2, /the guest is called «тебе»/],
    ['is longer than three sentences', 'greet:\n  text: "Здравствуйте! Это мы. Чем помочь? Пишите."', 2, /4 sentences in one message/],
  ];
  for (const [what, source, line, message] of broken) {
    it(`names file:line when the file ${what}`, () => {
      const error = errorOf(source);
      expect(error.file).to.equal(FILE);
      expect(error.line, error.message).to.equal(line);
      expect(error.message).to.match(new RegExp(`^${FILE.replace('.', '\\.')}:${line}: `));
      expect(error.message).to.match(message);
      expect(error.hint, 'a hint on how to fix it').to.be.a('string').and.not.equal('');
    });
  }

  it('accepts the emoji a caller allows instead of the brand ones', () => {
    expect(() => parseResponses('greet:\n  text: "Привет 👋"', FILE, { brandEmoji: ['👋'] })).not.to.throw();
  });
});
