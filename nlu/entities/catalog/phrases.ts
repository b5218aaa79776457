/**
 * Every phrase the matcher looks for, built from the catalog: names, synonyms, metro stations,
 * masters' first names and surnames, category words, and extra synonyms given by the caller.
 */
import type { Catalog } from '../../../salon';
import { tokenize } from './text';
import type { Vocabulary } from './vocabulary';
import type { CatalogEntityName, ExtraSynonym } from './types';

/** Confidence of a generic category word ("маникюр", "реснички"), which names no exact service. */
export const CATEGORY_CONFIDENCE = 0.8;

export interface Phrase {
  /** Vocabulary word ids, in order. */
  words: number[];
  entity: CatalogEntityName;
  /** A catalog id: service, branch or master. */
  value: string;
  confidence: number;
  /** Set when a category word stands for the category's default service. */
  category?: string;
  /** A shared synonym: it names its service only when no service of these categories is named too. */
  yieldsTo?: readonly string[];
  /** A master's first name or diminutive alone: it may be a guest's name, so context decides. */
  nameOnly?: boolean;
  /** A first name that means the master only with a cue ("к Анне"). */
  needsCue?: boolean;
  /**
   * A qualifier whose category word is left out, valid only before "и" + a service of this category:
   * "коррекция" in "коррекция и окрашивание бровей".
   */
  elliptic?: string;
}

/** Phrases and how to find them: by the id of their first word. */
export interface PhraseSet {
  phrases: Phrase[];
  byFirstWord: Map<number, Phrase[]>;
}

/** A phrase before its words are interned. */
export type Draft = Omit<Phrase, 'words'> & { text: string };

/** The words of a catalog text, without a part in brackets and quotes: "Дизайн (1 ноготь)" → дизайн. */
export function phraseWords(text: string): string[] {
  return tokenize(text.replace(/\([^)]*\)/g, ' ')).map((t) => t.norm);
}

/** Drafts of every catalog phrase, most specific sources first (on a clash the first one is kept). */
export function catalogDrafts(catalog: Catalog): Draft[] {
  const drafts: Draft[] = [];
  for (const s of catalog.services) {
    // The name both without the part in brackets and with it: "Дизайн" and "Дизайн (1 ноготь)".
    for (const text of [s.name, s.name.replace(/[()]/g, ' '), ...s.synonyms]) drafts.push({ text, entity: 'service', value: s.id, confidence: 1 });
    for (const text of s.shared_synonyms ?? []) drafts.push({ text, entity: 'service', value: s.id, confidence: 1, yieldsTo: s.shared_with });
  }
  for (const b of catalog.branches) {
    for (const text of [b.name, ...b.metro, ...b.synonyms]) drafts.push({ text, entity: 'branch', value: b.id, confidence: 1 });
  }
  for (const m of catalog.masters) {
    const full = phraseWords(m.name);
    const surname = full.length > 1 ? full[full.length - 1] : undefined;
    const texts = [m.name, [...full].reverse().join(' '), ...full, ...m.synonyms];
    for (const text of texts) {
      const words = phraseWords(text);
      const nameOnly = words.length === 1 && words[0] !== surname;
      drafts.push({ text, entity: 'master', value: m.id, confidence: 1, nameOnly, needsCue: nameOnly && m.first_name_needs_cue });
    }
  }
  for (const c of catalog.categories) {
    // Not the name: it is a title for menus ("Наращивание и дизайн ногтей"), and would swallow two services.
    for (const text of c.synonyms) {
      drafts.push({ text, entity: 'service', value: c.default_service, confidence: CATEGORY_CONFIDENCE, category: c.id });
    }
  }
  return drafts;
}

/** Drafts of caller-given synonyms whose value exists in the catalog; unknown values are reported. */
export function extraDrafts(catalog: Catalog, extra: readonly ExtraSynonym[]): { drafts: Draft[]; unknown: ExtraSynonym[] } {
  const known: Record<CatalogEntityName, Set<string>> = {
    service: new Set(catalog.services.map((s) => s.id)),
    branch: new Set(catalog.branches.map((b) => b.id)),
    master: new Set(catalog.masters.map((m) => m.id)),
  };
  const drafts: Draft[] = [];
  const unknown: ExtraSynonym[] = [];
  for (const e of extra) {
    if (!known[e.entity]?.has(e.value)) {
      unknown.push(e);
    } else if (e.entity === 'master') {
      // A one-word name from outside is treated as a first name: context decides whose it is.
      const nameOnly = phraseWords(e.text).length === 1;
      const needsCue = nameOnly && catalog.masters.some((m) => m.id === e.value && m.first_name_needs_cue);
      drafts.push({ text: e.text, entity: 'master', value: e.value, confidence: 1, nameOnly, needsCue });
    } else {
      drafts.push({ text: e.text, entity: e.entity, value: e.value, confidence: 1 });
    }
  }
  return { drafts, unknown };
}

/** Interns the words of drafts into phrases. */
export function compilePhrases(drafts: readonly Draft[], vocabulary: Vocabulary): Phrase[] {
  return drafts.map(({ text, ...rest }) => ({ ...rest, words: phraseWords(text).map((w) => vocabulary.intern(w, rest.entity === 'master')) }));
}

/**
 * Appends phrases that are new: empty phrases, and phrases whose words an earlier phrase of the same
 * entity already has, are dropped (the first one wins, so sources go most specific first).
 */
export function appendUnique(into: Phrase[], more: readonly Phrase[]): Phrase[] {
  const seen = new Set(into.map((p) => `${p.entity}${p.elliptic ? '…' : ''}:${p.words.join(' ')}`));
  for (const p of more) {
    const key = `${p.entity}${p.elliptic ? '…' : ''}:${p.words.join(' ')}`;
    if (p.words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    into.push(p);
  }
  return into;
}

/** Indexes phrases by their first word. */
export function indexPhrases(phrases: Phrase[]): PhraseSet {
  const byFirstWord = new Map<number, Phrase[]>();
  for (const p of phrases) {
    const list = byFirstWord.get(p.words[0]);
    if (list) list.push(p);
    else byFirstWord.set(p.words[0], [p]);
  }
  return { phrases, byFirstWord };
}
