/**
 * Russian display text for engine values, one convention for every part of the product (responses,
 * FAQ answers, salon actions): prices with a narrow no-break space between thousands and a no-break
 * space before "₽", counts with the unit in the right form, lists, names, phones, dates and opening
 * hours in the salon's time zone. Pure functions; "now" is always passed in.
 */

// Numbers: prices, percentages, counted units
export { formatCount, formatDuration, formatPercent, formatPrice, THOUSANDS_SEPARATOR, UNIT_SPACE } from './numbers';
export type { CountCase, CountUnit } from './numbers';

// Words: lists, names inside a sentence, phones
export { formatList, formatServiceNames, lowerFirst, maskPhone } from './text';

// Dates, times and opening hours in the salon's zone
export { formatAdminAnswerTime, formatDate, formatHours, formatSlotTime, formatWeekdays, weekdayOn } from './time';
export type { TimeOptions } from './time';

// The helpers bound to a catalog and a moment, for one turn
export { describeForGuest } from './guest';
export type { BookingLike, GuestDescriber } from './guest';
