/**
 * The dialogue bench as a measuring instrument: the same seed gives the same conversations, the judge
 * says wrong when the CRM differs from the goal, the per-turn invariants catch two questions and loops,
 * and the overlap check finds a phrase planted from the training data.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../app';
import { findOverlap, judge, loadPhraseBank, openWorld, runConversation, trainedPhrases, type Judged, type PhraseBank, type World } from '../../bench/dialogue/index';
import { readRasaNluFile } from '../../nlu';

const SEED = 5;
const sent = (j: Judged) => j.conversation.turns.map((t) => t.said.sent.text ?? t.said.sent.payload ?? '[photo]');

describe('bench:dialogue instrument', function () {
  this.timeout(180_000);
  let world: World;
  let bank: PhraseBank;
  let first: Judged[];

  before(async () => {
    world = await openWorld();
    bank = loadPhraseBank();
    first = [];
    for (let i = 0; i < 20; i++) first.push(await runConversation(world, bank, i, { seed: SEED }));
  });
  after(() => world?.close());

  it('runs 20 conversations of several goal kinds, each judged, with replies on every turn', () => {
    expect(new Set(first.map((j) => j.conversation.goal.kind)).size).to.be.greaterThan(2);
    for (const j of first) {
      expect(j.conversation.turns.length).to.be.greaterThan(0);
      expect(j.verdict.right).to.equal(j.verdict.failures.length === 0);
    }
    expect(first.some((j) => j.verdict.right), 'some conversation ends right').to.equal(true);
  });

  it('gives the same conversations for the same seed, alone or in a run', async () => {
    for (const i of [0, 7, 13]) {
      const again = await runConversation(world, bank, i, { seed: SEED });
      expect(sent(again)).to.deep.equal(sent(first[i]));
      expect(again.verdict.failures).to.deep.equal(first[i].verdict.failures);
    }
    const other = await runConversation(world, bank, 7, { seed: SEED + 1 });
    expect(sent(other)).to.not.deep.equal(sent(first[7]));
  });

  it('says wrong when the booking in the CRM differs from the goal', async () => {
    let booked: Judged | undefined;
    for (let i = 0; !booked && i < 60; i++) {
      const j = await runConversation(world, bank, i, { seed: SEED, goal: 'book' });
      if (j.verdict.right) booked = j;
    }
    expect(booked, 'a right booking among 60').to.not.equal(undefined);
    const c = booked!.conversation;
    if (c.goal.kind !== 'book') throw new Error('not a booking');
    const other = c.goal.services[0] === 'blowout' ? 'brow_tint' : 'blowout';
    const verdict = judge({ ...c, goal: { ...c.goal, services: [other] } });
    expect(verdict.right).to.equal(false);
    expect(verdict.failures[0].check).to.equal('wrong services');
    expect(judge({ ...c, goal: { ...c.goal, who: { ...c.goal.who, phone: '+79250000000' } } }).failures.map((f) => f.check)).to.include('wrong phone on the booking');
    // The booking gone from the CRM: no booking.
    expect(judge({ ...c, after: c.after.filter((b) => c.before.has(b.id)) }).failures.map((f) => f.check)).to.include('no booking');
    // Another client's booking cancelled on the way.
    const [someone] = c.before.values();
    const after = c.after.map((b) => (b.id === someone.id ? { ...b, status: 'cancelled' as const } : b));
    expect(judge({ ...c, after }).failures.map((f) => f.check)).to.include('another booking changed');
  });

  it('catches two questions in one turn and the same reply three times running', () => {
    const j = first.find((x) => x.conversation.turns.length >= 3)!;
    const c = j.conversation;
    const reply = (text: string) => ({ text, buttons: [], response: 'x' });
    const turns = c.turns.map((t, i) => ({ ...t, result: { ...t.result, replies: i === 0 ? [reply('Куда вам удобнее?'), reply('А когда?')] : [reply('Повторите, пожалуйста.')] } }));
    const checks = judge({ ...c, turns }).failures.map((f) => f.check);
    expect(checks).to.include('two questions in a turn');
    expect(checks).to.include('loop (same reply 3 times)');
  });

  it('finds a phrase of the training data planted in the bank', () => {
    const trained = trainedPhrases(join(PROJECT_ROOT, 'content'));
    expect(findOverlap(bank, trained).found).to.have.length(0);
    const example = readRasaNluFile(join(PROJECT_ROOT, 'content', 'intents.yaml')).examples.find((e) => e.intent === 'booking')!.text;
    const planted: PhraseBank = { ...bank, lists: { ...bank.lists, yes_answers: [...bank.lists.yes_answers, `${example.toUpperCase().replace(/е/g, 'ё')}!!`] } };
    const found = findOverlap(planted, trained).found;
    expect(found).to.have.length(1);
    expect(found[0].template).to.contain('!!');
  });
});
