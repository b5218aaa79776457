/**
 * A choice typed from the buttons just offered is read as pressing that button: its number or title
 * («2», «Тверская»), an ordinal («второй вариант», «первое», «давайте последний»), or the time of one
 * of the offered times («давайте в 15:00», «на 12.30 можно?»), narrowed by a master's name or a day the
 * guest adds («к Светлане в 12:30», «в пятницу в 10»). Channels without buttons, and guests who type
 * instead of tapping, choose as well as those who tap. A message that refuses («второй не подходит»)
 * or names a time no button has chooses nothing: the flow reads it.
 */
import type { Button, InboundMessage } from '../../../common';

/** The ordinal words a guest chooses the n-th option with (any form: «второй», «вторая», «второе», «вторую»). */
const ORDINALS: readonly (readonly [RegExp, number])[] = [
  [/^перв/, 1], [/^втор/, 2], [/^трет/, 3], [/^четв[её]рт/, 4], [/^пят(?:ый|ая|ое|ую|ого|ой)$/, 5], [/^шест/, 6], [/^седьм/, 7], [/^восьм/, 8],
];
const LAST = /^последн/;
/** A choice is a short message: a sentence about something else is not one. */
const MAX_CHOICE_WORDS = 6;
/** «не подходит», «нет»: a refusal of an option is not its choice. */
const REFUSES = /(?:^| )(?:не|нет|ни)(?: |$)/;
/** 15:00, 15.00, 15-00, 15 00 after «в/на/к», or a bare hour after «в/на/к» («в 15», «к 12»). */
const TIME = /(?:^|[^\d])([01]?\d|2[0-3])[:.\-](\d{2})(?!\d)|(?:^| )(?:в|во|на|к|ко|около|часов в)\s+([01]?\d|2[0-3])(?:\s+(\d{2}))?(?= |$)/g;
/** The weekday abbreviations of the time buttons and the words a guest says them with. */
const WEEKDAYS: Readonly<Record<string, RegExp>> = {
  пн: /^понед/, вт: /^вторн/, ср: /^сред|^срду$/, чт: /^четверг/, пт: /^пятниц/, сб: /^суббот/, вс: /^воскрес/,
};

/** The message with the payload of the button it chooses, or as it is. */
export function withPressedButton(message: InboundMessage, buttons: Button[] | undefined): InboundMessage {
  if (message.payload || !message.text || !buttons?.length) return message;
  const pressed = chosenButton(message.text, buttons);
  return pressed ? { ...message, payload: pressed.payload } : message;
}

/** The offered button the text chooses, if exactly one. */
export function chosenButton(text: string, buttons: readonly Button[]): Button | undefined {
  const typed = fold(text).replace(/[.)]$/, '').trim();
  if (/^\d{1,2}$/.test(typed)) return buttons[Number(typed) - 1];
  const byTitle = buttons.find((b) => fold(b.title).trim() === typed);
  if (byTitle) return byTitle;
  const words = wordsOf(typed);
  if (words.length === 0 || words.length > MAX_CHOICE_WORDS || REFUSES.test(words.join(' '))) return undefined;
  return byOrdinal(words, buttons) ?? byTime(typed, words, buttons);
}

function byOrdinal(words: readonly string[], all: readonly Button[]): Button | undefined {
  // «третий» counts among the options of the list, not the «Позвать администратора» said above it.
  const options = all.filter((b) => b.payload.startsWith('/slot '));
  const buttons = options.length >= 2 ? options : all;
  const ordinals = words.flatMap((w) => (LAST.test(w) ? [buttons.length] : ORDINALS.filter(([form]) => form.test(w)).map(([, n]) => n)));
  // «второй вариант», «давайте первое»; «второй и третий» is no one choice.
  if (ordinals.length !== 1) return undefined;
  // «в понедельник/во вторник» is a day, not the second option.
  if (words.some((w) => Object.values(WEEKDAYS).some((day) => day.test(w)))) return undefined;
  return buttons[ordinals[0] - 1];
}

function byTime(typed: string, words: readonly string[], buttons: readonly Button[]): Button | undefined {
  const times = new Set([...typed.matchAll(TIME)].map((m) => clock(m[1] ?? m[3], m[2] ?? m[4] ?? '00')));
  if (times.size !== 1) return undefined;
  const [time] = times;
  let matching = buttons.filter((b) => timesOf(b.title).includes(time));
  if (matching.length > 1) matching = narrowed(matching, words);
  return matching.length === 1 ? matching[0] : undefined;
}

/** The buttons whose titles the guest's other words name: a master («к Светлане»), a weekday («в пятницу»). */
function narrowed(buttons: readonly Button[], words: readonly string[]): Button[] {
  const days = Object.entries(WEEKDAYS).filter(([, day]) => words.some((w) => day.test(w))).map(([short]) => short);
  const names = words.filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w)).map((w) => w.slice(0, 4));
  const kept = buttons.filter((b) => {
    const title = wordsOf(fold(b.title));
    const dayOk = days.length === 0 || days.some((d) => title.includes(d));
    const nameOk = names.length === 0 || names.some((n) => title.some((t) => t.startsWith(n))) || !title.some((t) => /^\p{L}{4,}$/u.test(t));
    return dayOk && nameOk;
  });
  return kept.length > 0 ? kept : [...buttons];
}

function timesOf(title: string): string[] {
  return [...title.matchAll(/(?:^|[^\d])(\d{1,2}):(\d{2})(?!\d)/g)].map((m) => clock(m[1], m[2]));
}

function clock(hours: string, minutes: string): string {
  return `${hours.padStart(2, '0')}:${minutes}`;
}

function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\d:.\-]+/u).map((w) => w.replace(/^[.\-]+|[.\-]+$/g, '')).filter(Boolean);
}
