/**
 * The claim-support check of grounded FAQ answers: a sentence that states something must be supported
 * by the retrieved entries — its words, and its polarity against the entry that answers it — not only
 * its numbers and names. Run on the shipped FAQ as the grounded answer runs it (see harness.ts).
 */
import { expect } from 'chai';
import { checkClaims, unsupportedClaims } from '../../../../core/llm/claims';
import { FAITHFUL, INVENTED } from './cases';
import { faithfulVariants, flipPolarity } from './generate';
import { claimProblemsFor } from './harness';
import { shippedFaq } from '../fixtures';

const OWN_POLISH = 'Да, конечно, со своим лаком можно — приносите свой';

describe('the claim-support check', () => {
  const faq = shippedFaq();
  const pets = { id: 'pets', text: faq.render(faq.get('pets')!), questions: faq.get('pets')!.questions };

  describe('an invented rule without a number', () => {
    it('is rejected when the entries say nothing about one\'s own polish', () => {
      const problems = claimProblemsFor('можно прийти со своим лаком?', OWN_POLISH)!;
      expect(problems.map((p) => p.failure)).to.include.members(['unsupported-words', 'no-answering-entry']);
      expect(problems.every((p) => p.sentence === 0)).to.equal(true);
    });

    it('is rejected when an entry says the opposite', () => {
      const ownPolish = { id: 'own_polish', text: 'Со своим лаком, к сожалению, нельзя: работаем только на наших гель-лаках Luxio и Kodi.', questions: ['можно со своим лаком?', 'можно приносить свой лак?'] };
      const problems = unsupportedClaims(OWN_POLISH, [ownPolish, pets], { question: 'можно прийти со своим лаком?', answeringId: 'own_polish' });
      expect(problems).to.deep.equal([{ sentence: 0, failure: 'contradicts', axis: 'stance', cue: 'да', entry: 'own_polish' }]);
    });

    it('is rejected in each hand-written case: invented permissions, prohibitions, prices, needs and dropped conditions', () => {
      const accepted = INVENTED.filter((c) => claimProblemsFor(c.question, c.answer)?.length === 0);
      expect(accepted.map((c) => c.answer)).to.deep.equal([]);
      expect(INVENTED.filter((c) => claimProblemsFor(c.question, c.answer) !== undefined)).to.have.length.of.at.least(25);
    });

    it('drops no condition: «снятие бесплатно» where the entry says so only with a new coating the same visit', () => {
      expect(claimProblemsFor('за снятие покрытия отдельно платить?', 'Снятие покрытия у нас бесплатно ✨')).to.deep.include({ sentence: 0, failure: 'drops-condition', axis: 'cost', cue: 'бесплатно', entry: 'price_polish_removal' });
    });
  });

  describe('a polarity flip', () => {
    it('«с питомцами можно» against «с питомцами нельзя» is rejected', () => {
      expect(unsupportedClaims('С питомцами можно 🌸', [pets], { question: 'можно прийти с собакой?', answeringId: 'pets' })).to.deep.equal([
        { sentence: 0, failure: 'contradicts', axis: 'stance', cue: 'можно', entry: 'pets' },
      ]);
      expect(claimProblemsFor('а с котиком можно?', 'Да, с котиком к нам можно 🌸')).to.have.length.above(0);
    });

    it('of every shipped entry with a polarity is rejected (можно ↔ нельзя, бесплатно ↔ платно, нужна ↔ не нужна, есть ↔ нет)', () => {
      const flips = faq.entries.filter((e) => e.answer !== undefined).flatMap((e) => {
        const flip = flipPolarity(faq.render(e));
        return flip ? [{ question: e.questions[0], answer: flip }] : [];
      });
      const accepted = flips.filter((c) => claimProblemsFor(c.question, c.answer)?.length === 0);
      expect(flips).to.have.length.of.at.least(20);
      expect(accepted.map((c) => c.answer)).to.deep.equal([]);
    });
  });

  describe('a faithful paraphrase', () => {
    it('of each of the hand-written cases reaches the guest', () => {
      const entries = new Set(FAITHFUL.map((c) => c.entry));
      expect(entries.size).to.be.at.least(10);
      for (const c of FAITHFUL) expect(claimProblemsFor(c.question, c.answer), `${c.question} → ${c.answer}`).to.deep.equal([]);
    });

    it('of every shipped entry (its answer as it is, opened with «Да,», «Конечно!», closed with a courtesy) is accepted: at most 2 % rejected', () => {
      let asked = 0;
      const rejected: string[] = [];
      for (const entry of faq.entries) {
        if (entry.answer === undefined) continue;
        const answer = faq.render(entry);
        for (const question of entry.questions.slice(0, 2)) {
          for (const variant of faithfulVariants(answer)) {
            const problems = claimProblemsFor(question, variant);
            if (problems === undefined) continue;
            asked++;
            if (problems.length > 0) rejected.push(`${entry.id}: ${variant}`);
          }
        }
      }
      expect(asked).to.be.at.least(500);
      expect(rejected.length / asked, rejected.join('\n')).to.be.at.most(0.02);
    });
  });

  describe('the verdict', () => {
    it('names the sentence that failed and why, and none of its words', () => {
      const problems = claimProblemsFor('можно со своим гель лаком', `Работаем на гель-лаках Luxio и Kodi. ${OWN_POLISH}`)!;
      expect(problems.length).to.be.above(0);
      expect(problems.every((p) => p.sentence === 1)).to.equal(true);
      expect(JSON.stringify(problems)).not.to.match(/лак|принос|сво/iu);
    });

    it('reads the words beyond the guest\'s own and checks a sentence that only asks nothing', () => {
      const [verdict] = checkClaims('Да, пилки у нас одноразовые ✨', [{ id: 'single_use_files', text: 'Да, пилки и бафы у нас одноразовые — для каждого гостя новые ✨' }], { question: 'пилки одноразовые?' });
      expect(verdict).to.deep.include({ content: [], coverage: 1, entry: 'single_use_files', problems: [] });
      expect(checkClaims('Записать вас?', [pets])).to.deep.equal([]);
    });
  });
});
