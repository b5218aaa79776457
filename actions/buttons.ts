/**
 * The salon's button providers: the choices a collect step shows under its question (services,
 * branches, masters, free times, bookings, yes/no). Choices from the catalog and the CRM are titled
 * from them; words («Да», «Любой мастер») come from `button_*` responses in content.
 */
import type { Booking, ComplaintOutcome } from '../crm';
import type { ButtonProvider } from '../core';
import type { Button } from '../common';
import { branchOffers, mastersDoing, type SalonContext } from './deps';
import { ANY_MASTER, NO_PHOTO, avoidedMaster, namedMaster, offerChoice, offersSlot, servicesSlot, textSlot, upcomingSlot } from './read-slots';
import { compactTime, firstName, fitTitle, fitTitles, titleLimit } from './titles';

/** How many services the first question offers. */
export const POPULAR_SERVICES = 6;

/** What a guest may want after a complaint, in the order the buttons show them. */
export const OUTCOMES: readonly ComplaintOutcome[] = ['free_fix', 'redo_other_master', 'refund', 'feedback'];

/** The `button_*` responses the buttons take their words from (content must have them). */
export const BUTTON_RESPONSES = [
  'button_yes', 'button_no', 'button_any_master', 'button_master_unknown', 'button_handover', 'button_skip_photo',
  ...OUTCOMES.map((outcome) => `button_outcome_${outcome}`),
] as const;

/** `/slot name=value`; lists and other non-strings are written as JSON. */
export function slotPayload(name: string, value: unknown): string {
  return `/slot ${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/**
 * The button providers the flows name, by name.
 *
 * @example
 * await createButtons(context).offeredSlots(input)
 * // [{ title: 'пт 27.11 18:00 Ольга', payload: '/slot slot=2026-11-27T18:00:00+03:00@olga' }, …]
 */
export function createButtons(context: SalonContext): Record<string, ButtonProvider> {
  const { catalog } = context;
  const popular = popularServices(context);
  const branchButton = (id: string): Button => ({ title: context.branches.get(id)?.name ?? id, payload: slotPayload('branch', id) });
  const masterButton = (id: string): Button => {
    const name = context.masters.get(id)?.name ?? id;
    return { title: fitTitle([name, firstName(name)]), payload: slotPayload('master', id) };
  };
  const anyMaster = (key: string): Button => ({ title: context.title(key), payload: slotPayload('master', ANY_MASTER) });

  return {
    /** The default services of the most booked categories. */
    popularServices: async () => (await popular()).map((id) => ({
      title: catalog.categories.find((c) => c.default_service === id)?.name ?? context.services.get(id)?.name ?? id,
      payload: slotPayload('service', [id]),
    })),

    /**
     * The branches that offer the chosen services (all when none offers them all, or none is chosen);
     * for a redo with another master, those where someone else does them.
     */
    branchesForServices: ({ slots }) => {
      const services = servicesSlot(slots) ?? [];
      const avoid = avoidedMaster(slots);
      const offering = catalog.branches.filter((b) => branchOffers(context, b.id, services, avoid));
      return (offering.length > 0 ? offering : catalog.branches).map((b) => branchButton(b.id));
    },

    branches: () => catalog.branches.map((b) => branchButton(b.id)),

    /**
     * The masters of the chosen branch who do the chosen services, and «Любой мастер»; never the master
     * a guest who complained wants a redo without (`avoid_master`).
     */
    mastersForBooking: ({ slots }) => {
      const fitting = mastersDoing(context, textSlot(slots, 'branch'), servicesSlot(slots) ?? [], avoidedMaster(slots));
      return [...fitting.map((id) => masterButton(id)), anyMaster('button_any_master')];
    },

    /** The masters of the branch a complaint is about, and «Не помню». */
    mastersOfBranch: ({ slots }) => {
      const branch = textSlot(slots, 'branch');
      const masters = catalog.masters.filter((m) => branch === undefined || m.branch === branch);
      return [...masters.map((m) => masterButton(m.id)), anyMaster('button_master_unknown')];
    },

    /**
     * One button per free slot: its time, and the master's first name unless the guest named one — in one
     * form for every button of the list, shortened only where the channel cuts titles.
     */
    offeredSlots: ({ slots, conversation }) => {
      const offers = offersSlot(slots);
      // Ways out of «nothing free» may be another master's or another salon's: then their titles say so.
      const named = namedMaster(slots);
      const showMaster = named === undefined || offers.some((o) => o.master !== named);
      const asked = textSlot(slots, 'branch') ?? context.masters.get(named ?? '')?.branch;
      const showBranch = asked !== undefined && offers.some((o) => o.branch !== asked);
      const forms = offers.map((offer) => {
        const time = compactTime(offer.start, context);
        const master = firstName(context.masters.get(offer.master)?.name ?? offer.master);
        const withMaster = showMaster ? [`${time} ${master}`, `${time.slice(3)} ${master}`, time] : [time];
        const salon = context.branches.get(offer.branch)?.name;
        return showBranch && salon ? [...withMaster.slice(0, 1).map((t) => `${t}, ${salon}`), ...withMaster] : withMaster;
      });
      const titles = fitTitles(forms, titleLimit(conversation.channel));
      return offers.map((offer, i) => ({ title: titles[i], payload: slotPayload('slot', offerChoice(offer, offers)) }));
    },

    /** Да / Нет: the dialogue manager turns affirm and deny into the awaited yes/no slot. */
    yesNo: () => [
      { title: context.title('button_yes'), payload: '/intent affirm' },
      { title: context.title('button_no'), payload: '/intent deny' },
    ],

    /** One button per upcoming booking: its time and what it is for. */
    upcomingBookings: ({ slots, conversation }) => {
      const bookings = upcomingSlot(slots);
      const titles = fitTitles(bookings.map((booking) => bookingTitles(booking, context)), titleLimit(conversation.channel));
      return bookings.map((booking, i) => ({ title: titles[i], payload: slotPayload('booking', booking.id) }));
    },

    outcomes: () => OUTCOMES.map((outcome) => ({ title: context.title(`button_outcome_${outcome}`), payload: slotPayload('outcome', outcome) })),

    skipPhoto: () => [{ title: context.title('button_skip_photo'), payload: slotPayload('photo', NO_PHOTO) }],

    handoverButton: () => [{ title: context.title('button_handover'), payload: '/handover' }],
  };
}

/** A booking's titles, longest first: "чт 26.11 11:00 маникюр", "26.11 11:00 маникюр", "чт 26.11 11:00". */
function bookingTitles(booking: Booking, context: SalonContext): string[] {
  const time = compactTime(booking.start, context);
  const category = context.services.get(booking.services[0])?.category;
  const what = (context.catalog.categories.find((c) => c.id === category)?.name ?? '').toLocaleLowerCase('ru');
  return what ? [`${time} ${what}`, `${time.slice(3)} ${what}`, time] : [time];
}

/**
 * The default services of the categories booked most (cancellations left out), most booked first;
 * counted once a salon day, in catalog order while the CRM cannot be read.
 */
function popularServices(context: SalonContext): () => Promise<string[]> {
  let cached: { day: number; services: string[] } | undefined;
  const inCatalogOrder = () => context.catalog.categories.map((c) => c.default_service).slice(0, POPULAR_SERVICES);
  return async () => {
    const day = context.calendar.dayOf(context.clock().getTime());
    if (cached?.day === day) return cached.services;
    let bookings: Booking[];
    try {
      bookings = await context.crm.listBookings();
    } catch {
      // The first question must not fail with the CRM: offer the catalog's own order this time.
      return inCatalogOrder();
    }
    const counts = new Map<string, number>();
    for (const booking of bookings) {
      if (booking.status === 'cancelled') continue;
      for (const category of new Set(booking.services.map((id) => context.services.get(id)?.category))) {
        if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
      }
    }
    const ranked = context.catalog.categories
      .map((category, order) => ({ category, order, count: counts.get(category.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.order - b.order);
    cached = { day, services: ranked.slice(0, POPULAR_SERVICES).map((r) => r.category.default_service) };
    return cached.services;
  };
}
