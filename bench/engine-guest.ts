/**
 * Scripted guests for the engine benchmark: each books one visit the way guests write in messengers
 * (service and time in one message, then the branch, the master, a free slot, the name, the phone, yes,
 * and the upsell), with a few questions in passing. A guest reads the assistant's last turn and answers
 * what it waits for, so it adapts to the offered buttons (it presses the first free slot offered), to a
 * slot taken meanwhile and to "no free time then".
 */
import type { TurnResult } from '../core';
import type { InboundMessage } from '../common';
import type { Random } from '../crm';

/** An opening message: the service and a time preference together. */
interface Opening {
  text: string;
  /** The catalog service id the NLU reads from it (checked after the run). */
  service: string;
}

const OPENINGS: readonly Opening[] = [
  { text: 'запишите на маникюр с покрытием в пятницу после 18', service: 'manicure_gel' },
  { text: 'запишите плз на ноготочки в пт после 6', service: 'manicure_gel' },
  { text: 'хочу на классический маникюр завтра', service: 'manicure_classic' },
  { text: 'можно записаться на педикюр с покрытием в субботу утром', service: 'pedicure_gel' },
  { text: 'запишите на коррекцию бровей послезавтра днем', service: 'brow_shape' },
  { text: 'запишите на ламинирование ресниц 2 декабря', service: 'lash_lamination' },
  { text: 'хочу записаться на наращивание ресниц в четверг', service: 'lash_extension' },
  { text: 'хочу постричься в четверг вечером', service: 'haircut_women' },
  { text: 'запишите на окрашивание волос в среду после 12', service: 'hair_coloring' },
  { text: 'запишите на наращивание ногтей 30 ноября', service: 'nail_extension' },
  { text: 'запишите на окрашивание бровей в воскресенье', service: 'brow_tint' },
  { text: 'можно на укладку в субботу в 15:00', service: 'blowout' },
  { text: 'хочу на педикюр в понедельник', service: 'pedicure_gel' },
  { text: 'запишите на маникюр с покрытием 3 декабря после обеда', service: 'manicure_gel' },
];

/** A second time preference, when nothing is free at the first one. */
const LATER = ['на следующей неделе', 'ближайшее время', 'любое время', 'в субботу', '5 декабря'] as const;

/** How a guest names each branch (the buttons' payloads say which branches fit the service). */
const BRANCH_WORDS: Record<string, readonly string[]> = {
  tverskaya: ['на тверской', 'тверская', 'пушка'],
  patriki: ['патрики', 'на патриарших'],
  city: ['в сити', 'сити'],
};

/** How a guest asks for a master by name. */
const MASTER_WORDS: Record<string, string> = {
  olga: 'к ольге', marina: 'к марине', anna: 'к ане', svetlana: 'к светлане',
  kristina: 'к кристине', elena: 'к елене', darya: 'к дарье', yulia: 'к юле',
};
const ANY_MASTER = ['любой мастер', 'без разницы'] as const;

/** Questions in passing: answered, then the pending question is asked again. */
const DIGRESSIONS = ['а сколько стоит?', 'а парковка есть?', 'где вы находитесь?', 'спасибо'] as const;

const FIRST_NAMES = ['Алина', 'Ксения', 'Полина', 'Диана', 'Софья', 'Яна', 'Вероника', 'Милана', 'Инна', 'Карина'] as const;
const LAST_NAMES = ['Иванова', 'Кузнецова', 'Попова', 'Павлова', 'Орлова', 'Титова'] as const;

/** A guest's answers are fixed up front, from the seeded random; the turns adapt to the replies. */
export class ScriptedGuest {
  readonly userId: string;
  readonly opening: Opening;
  readonly phone: string;
  /** The channel's display name: a plausible one skips the name question (the flow prefills it). */
  private readonly userName?: string;
  private readonly typedName: string;
  private readonly phoneText: string;
  private readonly greets: boolean;
  private readonly acceptsUpsell: boolean;
  private readonly namesMaster: boolean;
  /** Slot → the question asked in passing before answering it. */
  private readonly digressions = new Map<string, string>();
  private whenAnswers = 0;
  private branchChanges = 0;
  /** Times another guest booked the chosen slot first (the flow then offers others). */
  slotsLost = 0;
  private readonly triedBranches = new Set<string>();
  private turns = 0;
  /** The booking id, once the flow confirmed it. */
  bookingId?: string;
  /** True once the guest has nothing more to say. */
  done = false;
  /** Why the guest gave up, if it did. */
  failure?: string;

  /**
   * @param userId  the guest's id in the `bench` channel.
   * @param number  a number of the guest's own (0 … 8 999 999): it makes the phone.
   */
  constructor(userId: string, number: number, random: Random, private readonly maxTurns = 40) {
    this.userId = userId;
    this.opening = random.pick(OPENINGS);
    const first = random.pick(FIRST_NAMES);
    this.typedName = random.chance(0.5) ? first : `${first} ${random.pick(LAST_NAMES)}`;
    if (random.chance(0.3)) this.userName = first;
    else if (random.chance(0.3)) this.userName = `user_${number}`; // not a name: the flow asks
    const digits = String(1_000_000 + number).padStart(7, '0');
    this.phone = `+7916${digits}`;
    const formats = [`+7 916 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`, `8916${digits}`, `8 (916) ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`];
    this.phoneText = random.pick(formats);
    this.greets = random.chance(0.4);
    this.acceptsUpsell = random.chance(0.5);
    this.namesMaster = random.chance(0.4);
    for (const slot of ['branch', 'master', 'slot', 'phone']) if (random.chance(0.2)) this.digressions.set(slot, random.pick(DIGRESSIONS));
    this.random = random;
  }

  private readonly random: Random;

  /** The guest's next message after the assistant's last turn (null before the first), or null when done. */
  next(last: TurnResult | null): InboundMessage | null {
    if (this.done) return null;
    if (++this.turns > this.maxTurns) return this.giveUp(`no booking after ${this.maxTurns} turns (awaiting ${last?.awaiting ?? 'nothing'})`);
    if (last) this.noteBooking(last);
    const message = (fields: Pick<InboundMessage, 'text' | 'payload'>): InboundMessage => ({
      channel: 'bench', userId: this.userId, ...(this.userName && { userName: this.userName }), ...fields,
    });

    if (!last) return message({ text: this.greets ? 'привет' : this.opening.text });
    const awaiting = last.awaiting;
    if (awaiting === null) {
      if (this.bookingId) {
        this.done = true;
        return null;
      }
      // Nothing running: the greeting was answered (or a flow ended without a booking); ask to book.
      if (this.turns > 3) return this.giveUp(`the booking flow ended without a booking: ${last.replies.map((r) => r.response).join(', ')}`);
      return message({ text: this.opening.text });
    }
    const digression = this.digressions.get(awaiting);
    if (digression) {
      this.digressions.delete(awaiting);
      return message({ text: digression });
    }
    switch (awaiting) {
      case 'service':
        return message({ text: this.opening.text });
      case 'branch': {
        const branch = this.random.pick(payloadValues(last, 'branch'));
        this.triedBranches.add(branch);
        return message({ text: this.random.pick(BRANCH_WORDS[branch] ?? [branch]) });
      }
      case 'master': {
        const named = payloadValues(last, 'master').filter((id) => MASTER_WORDS[id]);
        if (named.length === 0 && this.branchChanges++ < 2) {
          // No master here does it (the branch lists the service all the same): "тогда в другом салоне".
          const others = Object.keys(BRANCH_WORDS).filter((id) => !this.triedBranches.has(id));
          const branch = this.random.pick(others.length ? others : Object.keys(BRANCH_WORDS));
          this.triedBranches.add(branch);
          return message({ text: `тогда ${this.random.pick(BRANCH_WORDS[branch])}` });
        }
        return message({ text: this.namesMaster && named.length ? MASTER_WORDS[this.random.pick(named)] : this.random.pick(ANY_MASTER) });
      }
      case 'when':
        return message({ text: LATER[Math.min(this.whenAnswers++, LATER.length - 1)] });
      case 'slot': {
        // The first offered time; after losing one to another guest, any of the others.
        const offered = last.replies.flatMap((r) => r.buttons).filter((b) => b.payload.startsWith('/slot slot='));
        if (offered.length === 0) return this.giveUp('no slot button offered');
        const lost = last.replies.some((r) => r.response === 'slot_taken_meanwhile');
        if (lost) this.slotsLost++;
        return message({ payload: (this.slotsLost > 0 ? this.random.pick(offered) : offered[0]).payload });
      }
      case 'guest_name':
        return message({ text: this.typedName });
      case 'phone':
        return message({ text: this.phoneText });
      case 'confirmed':
        return message({ text: this.random.pick(['да', 'да, все верно', 'давайте']) });
      case 'upsell_accepted':
        return message({ text: this.acceptsUpsell ? 'да' : 'нет, спасибо' });
      default:
        return this.giveUp(`unexpected question for "${awaiting}"`);
    }
  }

  private noteBooking(last: TurnResult): void {
    const created = last.slots.created_booking;
    if (typeof created === 'string' && last.replies.some((r) => r.response === 'booking_confirmed')) this.bookingId = created;
  }

  private giveUp(reason: string): null {
    this.failure = reason;
    this.done = true;
    return null;
  }
}

/** The values of the `/slot <name>=…` buttons of a turn. */
function payloadValues(turn: TurnResult, slot: string): string[] {
  const prefix = `/slot ${slot}=`;
  return turn.replies.flatMap((r) => r.buttons).filter((b) => b.payload.startsWith(prefix)).map((b) => b.payload.slice(prefix.length));
}
