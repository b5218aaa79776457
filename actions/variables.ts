/**
 * The display variables of responses (see `RESPONSE_VARIABLES`), from a flow's slots, the
 * conversation, the catalog and the rules. Every value is display text made by the shared formatters
 * (`describeForGuest`); a variable whose inputs are missing is left out, so the renderer picks a
 * variant without it or tidies the text around it.
 */
import { canChangeBooking } from '../crm';
import type { ConversationInfo } from '../core';
import { describeForGuest, formatCount, formatDuration } from '../salon';
import { plausibleName } from './booking-actions';
import { complaintGuarantee } from './complaint-visit';
import { salonContext, type SalonDeps } from './deps';
import { extraPriceOf, prepaymentOf } from './prices';
import { noSlotVariables } from './no-slot-variables';
import { chosenOffer, namedMaster, offersSlot, pickedBooking, servicesSlot, textSlot, whenSlot } from './read-slots';

/** Builds a response's variables from a flow's slots (the dialogue engine's `VariableBuilder`). */
export type SalonVariableBuilder = (slots: Record<string, unknown>, conversation: ConversationInfo, now: Date) => Record<string, unknown>;

/**
 * The variable builder of the salon: names, times, prices, the booking in focus (the chosen offer,
 * else the booking the guest picked), the complaint's ticket and guarantee, and the rules in words.
 *
 * @example
 * createVariableBuilder(deps)({ service: ['manicure_gel'], branch: 'tverskaya' }, conversation, now)
 * // { service_names: 'маникюр с покрытием гель-лак', branch_name: '«Тверская»', branch_address: 'ул. Тверская, 12, стр. 1', …, free_change_hours: '4 часа', … }
 */
export function createVariableBuilder(deps: SalonDeps): SalonVariableBuilder {
  const context = salonContext(deps);
  const { catalog, rules } = context;
  // Several replies of a turn share its moment, and the rules' words never change: work them out once
  // (the formatters read times through Intl, the costliest part of building variables).
  const fixed = describeForGuest({ catalog });
  const ruleWords = {
    free_change_hours: formatCount(rules.changes.free_until_hours, 'hour', 'accusative'),
    lead_time: formatDuration(rules.booking.lead_minutes, 'accusative'),
    horizon_days: formatCount(rules.booking.horizon_days, 'day', 'accusative'),
    admin_hours: fixed.formatHours({ hours: rules.admin_hours }),
    senior_admin_answer_hours: formatCount(rules.complaints.senior_admin_answer_hours, 'hour', 'genitive'),
  };
  const branchHours = new Map(catalog.branches.map((b) => [b.id, fixed.formatHours(b.id)]));
  let moment: { ms: number; guest: ReturnType<typeof describeForGuest> } | undefined;
  // The administrators' answer time reads the clock to the minute.
  let answerTime: { minute: number; text: string } | undefined;

  return (slots, conversation, now) => {
    if (moment?.ms !== now.getTime()) moment = { ms: now.getTime(), guest: describeForGuest({ catalog, now }) };
    const { guest } = moment;
    const minute = Math.floor(now.getTime() / 60_000);
    if (answerTime?.minute !== minute) answerTime = { minute, text: guest.formatAdminAnswerTime(rules.admin_hours) };
    const vars: Record<string, unknown> = {};
    const set = (name: string, value: string | undefined) => {
      if (value !== undefined && value.trim() !== '') vars[name] = value;
    };

    const offer = chosenOffer(slots);
    const booking = pickedBooking(slots);
    const focus = offer ?? booking;
    const services = servicesSlot(slots) ?? focus?.services;
    // The chosen time's salon is where she goes, though she asked for another one (a way out of «nothing free»).
    const branch = offer?.branch ?? textSlot(slots, 'branch') ?? focus?.branch;
    const master = offer?.master ?? namedMaster(slots) ?? booking?.master;

    // What and where
    if (services) {
      set('service_names', guest.formatServiceNames(services));
      const offering = catalog.branches.filter((b) => services.every((id) => context.services.get(id)?.branches.includes(b.id))).map((b) => b.id);
      if (offering.length > 0) set('branch_names', guest.branchNames(offering));
    }
    // Offers in several salons (ways out of «nothing free») leave the salon open until one is chosen.
    const offersSpan = !offer && new Set(offersSlot(slots).map((o) => o.branch)).size > 1;
    if (branch && context.branches.has(branch) && !offersSpan) {
      set('branch_name', guest.branchName(branch));
      set('branch_address', guest.branchAddress(branch));
      set('branch_hours', branchHours.get(branch));
    }
    if (master) set('master_name', guest.masterName(master));
    const named = context.masters.get(namedMaster(slots) ?? master ?? '');
    if (named) set('master_branch_name', guest.branchName(named.branch));

    // When and how much (a free fix under the guarantee costs nothing and asks no prepayment)
    const guaranteeFix = textSlot(slots, 'guarantee_fix') !== undefined;
    if (focus) {
      set('slot_time', guest.formatSlotTime(focus.start));
      set('price', offer ? guest.formatPrice(offer.price, { from: offer.priceFrom }) : guest.formatPrice(focus.price));
      if (guaranteeFix) set('price', context.title('price_guarantee_fix'));
    }
    if (booking ?? offer) set('booking_summary', guest.bookingSummary((booking ?? offer)!));
    if (offer && !guaranteeFix) {
      const prepayment = prepaymentOf(offer.services, offer.master, context);
      if (prepayment > 0) set('prepayment', guest.formatPrice(prepayment));
    }
    const upsell = textSlot(slots, 'upsell');
    if (upsell && context.services.has(upsell)) {
      set('upsell_name', guest.formatServiceNames([upsell], { details: true }));
      if (services && master) set('upsell_price', guest.formatPrice(extraPriceOf(services, upsell, master, context)));
    }

    // Nothing free then: why
    Object.assign(vars, noSlotVariables(slots.no_slots, context, guest, services));

    // Who
    // Whom the booking is for, and whom the assistant speaks to: a guest booking her mother is still
    // addressed by her own name when the channel gives one («Готово, Ирина!», «На имя Тамара Ивановна»).
    const bookingName = textSlot(slots, 'guest_name');
    set('booking_name', bookingName ?? plausibleName(conversation.name));
    set('guest_name', plausibleName(conversation.name) ?? bookingName);
    const phone = textSlot(slots, 'phone') ?? conversation.phone;
    if (phone) set('phone_masked', guest.maskPhone(phone));

    // A booking that is too close to change
    if (booking) {
      const { hoursLeft } = canChangeBooking(booking, now, rules);
      if (hoursLeft > 0) set('hours_left', formatDuration(hoursLeft * 60));
    }

    // Complaints
    set('ticket_id', textSlot(slots, 'ticket'));
    const visitFrom = whenSlot(slots, 'visit_date')?.windows[0]?.from;
    if (visitFrom) set('visit_date', guest.formatDate(visitFrom));
    const guarantee = complaintGuarantee(slots, context, now);
    if (guarantee && guarantee.guarantee.days > 0) set('guarantee_until', guest.formatDate(guarantee.guarantee.until));

    // The rules in words
    set('free_change_hours', ruleWords.free_change_hours);
    set('lead_time', ruleWords.lead_time);
    set('horizon_days', ruleWords.horizon_days);
    set('admin_hours', ruleWords.admin_hours);
    set('admin_answer_time', answerTime.text);
    set('senior_admin_answer_hours', ruleWords.senior_admin_answer_hours);
    return vars;
  };
}
