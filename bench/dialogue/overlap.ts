/**
 * The phrase bank must be apart from what the NLU was trained on: no phrase of it (templates filled
 * with the bank's own values), normalised, may equal an example of content/intents.yaml or a question
 * of content/faq. A measurement on trained phrases would only show that the training data was learnt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readRasaNluFile } from '../../nlu';
import { allPhrases, type PhraseBank } from './phrases';

/** Lowercase, ё→е, no punctuation, single spaces. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** The normalised examples of intents.yaml and the FAQ's questions. */
export function trainedPhrases(contentDir: string): Set<string> {
  const out = new Set<string>();
  for (const example of readRasaNluFile(join(contentDir, 'intents.yaml')).examples) out.add(normalise(example.text));
  const faqDir = join(contentDir, 'faq');
  for (const file of readdirSync(faqDir).filter((f) => f.endsWith('.yaml'))) {
    const entries = parse(readFileSync(join(faqDir, file), 'utf8')) as Array<{ questions?: string[] }> | null;
    for (const entry of entries ?? []) for (const q of entry.questions ?? []) out.add(normalise(q));
  }
  out.delete('');
  return out;
}

/** What each placeholder may become when templates are expanded for the check. */
function fillers(bank: PhraseBank): Record<string, string[]> {
  const services = Object.values(bank.services).flat();
  const days = [...Object.values(bank.days).flat(), ...Object.values(bank.weekdays).flat(), '2 декабря', 'на 30 ноября', '02.12'];
  const parts = bank.dayParts.map((p) => p.text.replace('{hh}:{mi}', '15:30').replace('{h}', '5'));
  const when = ['', ...days.flatMap((d) => parts.map((p) => `${d} ${p}`.trim()))];
  const names = [...(bank.lists.first_names ?? []), ...(bank.lists.other_names ?? [])];
  return {
    svc: services, a: services, b: services, svc_nom: services,
    branch: Object.values(bank.branches).flat(), master: Object.values(bank.masters).flat(),
    when, wrong: when.slice(0, 40), right: when.slice(0, 40), name: names, phone: ['89251234567'],
    rel: bank.relatives.map((r) => r.acc), rel_gen: bank.relatives.map((r) => r.gen),
    ord: bank.lists.ordinals ?? [], time: ['15:30', '18:00'], date: ['2 декабря', '27.11'],
    d: days, day: ['2'], month: ['декабря'], dd: ['02'], mm: ['12'], hh: ['15'], mi: ['30'], h: ['5'],
  };
}

/** Every filled form of a template (at most `cap`). */
function expand(template: string, values: Record<string, string[]>, cap = 20_000): string[] {
  let forms = [template];
  for (const name of new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))) {
    const options = values[name] ?? [''];
    forms = forms.flatMap((f) => options.map((o) => f.split(`{${name}}`).join(o))).slice(0, cap);
  }
  return forms;
}

export interface Overlap {
  checked: number;
  /** Bank phrases (filled) identical to a trained phrase, with the template they came from. */
  found: Array<{ phrase: string; template: string }>;
}

/** The bank's phrases that equal a trained one. */
export function findOverlap(bank: PhraseBank, trained: Set<string>): Overlap {
  const values = fillers(bank);
  const found: Overlap['found'] = [];
  let checked = 0;
  for (const template of allPhrases(bank)) {
    for (const form of expand(template, values)) {
      checked++;
      const phrase = normalise(form);
      if (phrase && trained.has(phrase)) found.push({ phrase, template });
    }
  }
  return { checked, found };
}
