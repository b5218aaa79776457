import { expect } from 'chai';
import type { TurnResult } from '../../core/dialogue/types';
import { formatFailure, pressedButton } from '../../qa';
import { runInline } from './helpers';

const BOOKING_FRIDAY = 'запишите на маникюр на Тверскую к любому мастеру в пятницу после 6';

describe('runCase', () => {
  it('passes a case whose expectations hold, keeping every turn', async () => {
    const run = await runInline(`
cases:
  - name: asks for the branch
    steps:
      - user: запишите на маникюр
        intent: booking
        entities: { service: manicure_gel }
        bot: В какой салон вам удобнее? 🌸
        buttons: [«Тверская», «Патриаршие», «Сити»]
        awaiting: branch
      - button: «Сити»
        slot_was_set: { branch: city }
        slot_not_set: [master]
`);
    expect(run.status, formatFailure(run)).to.equal('passed');
    expect(run.steps.map((s) => s.sent)).to.deep.equal([{ text: 'запишите на маникюр' }, { payload: '/slot branch=city' }]);
    expect(run.steps[1].turn?.awaiting).to.equal('master');
  });

  it('fails with a diff naming the step, the file:line of each expectation, expected and actual, and the turn', async () => {
    const run = await runInline(
      `cases:
  - name: expects the wrong question
    steps:
      - user: запишите на маникюр
      - button: «Тверская»
        awaiting: when
        bot: { contains: Когда вам удобно }
        slot_was_set: { branch: tverskaya }
`,
      'test/transcripts/wrong.yaml',
    );
    expect(run.status).to.equal('failed');
    expect(run.steps[1].failures.map((f) => [f.what, f.line])).to.deep.equal([['awaiting', 6], ['bot', 7]]);
    const diff = formatFailure(run);
    expect(diff).to.contain('✗ expects the wrong question  (test/transcripts/wrong.yaml:2)');
    expect(diff).to.contain('step 2 at test/transcripts/wrong.yaml:5: the guest presses «Тверская» (/slot branch=tverskaya)');
    expect(diff).to.contain('test/transcripts/wrong.yaml:6  awaiting\n      - expected: "when"\n      + actual:   "master"');
    expect(diff).to.contain('test/transcripts/wrong.yaml:7  bot\n      - expected: contains "Когда вам удобно"\n      + actual:   "К какому мастеру');
    expect(diff).to.contain('the turn:\n      bot: К какому мастеру вас записать?');
    expect(diff).to.contain('[Ольга Смирнова] [Марина Ковалёва] [Любой мастер]');
    expect(diff).to.contain('flow: booking   awaiting: master');
    expect(diff).not.to.contain('step 1 at'); // the first step held
  });

  it('stops a case at a button the previous turn did not offer, listing the offered ones', async () => {
    const run = await runInline('cases:\n  - name: n\n    steps:\n      - user: запишите на маникюр\n      - button: «Луна»\n      - user: не дойдёт\n');
    expect(run.status).to.equal('failed');
    expect(run.steps).to.have.length(2);
    expect(run.steps[1].error).to.equal('no button fits «Луна»: the previous turn offered «Тверская», «Патриаршие», «Сити»');
  });

  it('checks the CRM after a step and shows the closest bookings when none matches', async () => {
    const run = await runInline(`
cases:
  - name: books and checks the CRM
    guest: { user: crm, name: Алина, phone: "+79161234567" }
    steps:
      - user: ${BOOKING_FRIDAY}
      - button: 1
      - user: да
        crm:
          booking_exists: { master: olga, start: "2026-11-27T18:00:00+03:00", phone: "+79161234567" }
          booking_cancelled: { phone: "+79161234567" }
`);
    const [failure] = run.steps[2].failures;
    expect(run.steps[2].failures).to.have.length(1);
    expect(failure.what).to.equal('crm.booking_cancelled');
    expect(failure.expected).to.equal('a booking with { status: "cancelled", phone: "+79161234567" }');
    expect(failure.actual).to.match(/^B\d+ booked 2026-11-27T18:00:00\+03:00 tverskaya olga \["manicure_gel"\] "Алина" \+79161234567$/);
  });

  it('lets another guest take the chosen time between two steps', async () => {
    const run = await runInline(`
cases:
  - name: slot taken
    guest: { user: taken, name: Алина, phone: "+79161234567" }
    steps:
      - user: ${BOOKING_FRIDAY}
      - button: пт 27.11 18:00 Ольга
      - meanwhile: take_chosen_slot
        crm: { booking_exists: { master: olga, start: "2026-11-27T18:00:00+03:00", guestName: Другая гостья } }
      - user: да
        responses: [slot_taken_meanwhile, offer_slots]
`);
    expect(run.status, formatFailure(run)).to.equal('passed');
  });

  it('sets up clients, bookings and visits, and switches CRM methods off', async () => {
    const run = await runInline(`
cases:
  - name: fixtures
    guest: { user: fx, phone: "+79995550101" }
    fixtures:
      clients: [{ name: Вера, phone: "+79995550101" }]
      bookings: [{ services: [brow_shape], master: kristina, start: "2026-11-26T12:00:00+03:00", phone: "+79995550101" }]
      visits: [{ services: [manicure_gel], master: darya, start: "2026-11-20T12:00:00+03:00", phone: "+79995550101" }]
      crm_unavailable: [cancelBooking]
    steps:
      - crm: { booking_exists: { services: [brow_shape], guestName: Вера, branch: patriki } }
      - user: отмените запись
        responses: [confirm_cancel]
      - user: да
        action_failed: cancelBooking
        crm: { booking_exists: { services: [brow_shape] } }
      - user: запишите как в прошлый раз
        bot: { contains: "маникюр с покрытием гель-лак, мастер Дарья Ким, салон «Сити»" }
`);
    expect(run.status, formatFailure(run)).to.equal('passed');
  });

  it('fails a case whose fixtures cannot be set up, saying why', async () => {
    const run = await runInline('cases:\n  - name: n\n    fixtures: { crm_unavailable: [bookEverything] }\n    steps: [{ user: привет }]\n');
    expect(run.status).to.equal('failed');
    expect(run.error).to.match(/^unknown CRM method "bookEverything" in crm_unavailable/);
    expect(formatFailure(run)).to.contain('use one of: findFreeSlots, createBooking');
    const bad = await runInline('cases:\n  - name: n\n    fixtures: { visits: [{ services: [manicure_gel], master: nobody, start: "2026-11-20T12:00:00+03:00", phone: "+79995550102" }] }\n    steps: [{ user: привет }]\n');
    expect(bad.error).to.match(/the fixtures of case "n" cannot be set up: unknown master "nobody"/);
  });
});

describe('pressedButton', () => {
  const turn = {
    replies: [{ text: '?', buttons: [{ title: '«Тверская»', payload: '/slot branch=tverskaya' }, { title: 'Любой мастер', payload: '/slot master=any' }, { title: 'Любой день', payload: '/x' }] }],
  } as unknown as TurnResult;

  it('takes a payload as is, a number from 1, a title without quotes or case, or a unique part of one', () => {
    expect(pressedButton('/handover', turn)).to.deep.equal({ title: '/handover', payload: '/handover' });
    expect(pressedButton(2, turn)).to.include({ payload: '/slot master=any' });
    expect(pressedButton('тверская', turn)).to.include({ payload: '/slot branch=tverskaya' });
    expect(pressedButton('мастер', turn)).to.include({ payload: '/slot master=any' });
  });

  it('says why when no button or several fit', () => {
    expect(pressedButton(4, turn)).to.equal('there is no button 4: the previous turn offered «Тверская», «Любой мастер», «Любой день»');
    expect(pressedButton('любой', turn)).to.match(/^several buttons fit «любой»/);
    expect(pressedButton('да', undefined)).to.equal('no button fits «да»: the previous turn offered none');
  });
});
