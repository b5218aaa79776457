/**
 * The variables a response template may use, each with what it holds. The loader rejects any other
 * `{name}`, so a typo in `content/responses.yaml` is caught at start-up, not by a guest; the README and
 * the header of the responses file list the same names.
 *
 * Values are display text, already formatted (see `salon/format`): the renderer does not format dates,
 * prices or lists itself. A number is shown as is.
 */

/** Every allowed `{variable}`, with a one-line description (what it holds, an example value). */
export const RESPONSE_VARIABLES = {
  guest_name: 'the name of the guest the assistant speaks to (the channel\'s, else the booking\'s): «Анна»',
  booking_name: 'the name the booking is for (the guest\'s, or her mother\'s when she books for her): «Тамара Ивановна»',
  service_names: 'the services, lowercase, joined with «, » and «и»: «маникюр с покрытием гель-лак и дизайн»',
  branch_name: 'the branch name with its quotes, as in the catalog: «Тверская»',
  branch_names: 'several branches, e.g. where a service is offered: «Патриаршие» и «Сити»',
  branch_address: 'the branch address from the catalog: ул. Тверская, 12, стр. 1',
  branch_hours: 'the branch opening hours: «ежедневно 10:00–22:00»',
  master_name: 'the master\'s full name: «Ольга Смирнова»',
  master_branch_name: 'the branch where the named master works, with its quotes: «Патриаршие»',
  slot_time: 'a start time in salon time: «пт, 27 ноября, 18:00» or «завтра, 25 ноября, 18:00»',
  price: 'a visit price: «2 900 ₽» or «от 2 500 ₽»',
  phone_masked: 'the guest\'s phone with the middle hidden: «+7 999 ***-**-67»',
  booking_summary: 'one booking in a line: «маникюр с покрытием гель-лак, пт, 27 ноября, 18:00, «Тверская», мастер Ольга Смирнова»',
  flow_title: 'what an interrupted conversation was about, after «к»: «записи на маникюр»',
  admin_answer_time: 'when an administrator will answer: «в ближайшее время» or «завтра после 10:00»',
  admin_hours: 'when administrators answer: «ежедневно 10:00–21:00»',
  upsell_name: 'the offered extra service, its full name lowercase: «дизайн (1 ноготь)»',
  upsell_price: 'the price of the extra service: «150 ₽»',
  prepayment: 'the prepayment amount: «1 350 ₽»',
  free_change_hours: 'how long before the start a free change is possible, after «за»: «4 часа»',
  hours_left: 'how long is left before the visit, after «осталось»: «3 часа» or «40 минут»',
  lead_time: 'the earliest online booking before the start, after «за»: «2 часа»',
  horizon_days: 'how far ahead guests may book, after «на»: «30 дней»',
  ticket_id: 'the complaint ticket number: «T-1042»',
  guarantee_until: 'the last day of the guarantee: «4 декабря»',
  senior_admin_answer_hours: 'when the senior administrator answers, after «в течение»: «2 часов»',
  visit_date: 'the date of a visit: «27 ноября»',
  identity_code: 'the one-time code that confirms a phone: «407215» (only in the message sent to her verified chat)',
  no_slots_master: 'nothing free: the master who does not work on the wished day: «Ольга Смирнова»',
  no_slots_weekday: 'nothing free: the wished weekday, after the master: «в субботу»',
  no_slots_master_days: 'nothing free: the master\'s working days: «пн–пт»',
  no_slots_branch: 'nothing free: the salon that is closed at the wished time: «Тверская» (with its quotes)',
  no_slots_hours: 'nothing free: that salon\'s opening hours: «ежедневно 10:00–22:00»',
  no_slots_services: 'nothing free: the services that take too long for the wish, capitalised: «Маникюр с покрытием гель-лак»',
  no_slots_duration: 'nothing free: how long they take: «1 час 30 минут»',
  no_slots_latest: 'nothing free: the latest start that ends before closing: «20:30»',
  no_slots_day: 'nothing free: the wished day, after «на»: «28 ноября» or «эти дни»',
  bookings: 'upcoming bookings in short, one per line, without names, masters or prices: «запись на 26.11 в 15:00, маникюр»',
} as const satisfies Record<string, string>;

/** The name of an allowed variable. */
export type ResponseVariable = keyof typeof RESPONSE_VARIABLES;

/** True when `name` is an allowed variable. */
export function isResponseVariable(name: string): name is ResponseVariable {
  return Object.prototype.hasOwnProperty.call(RESPONSE_VARIABLES, name);
}
