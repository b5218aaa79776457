/**
 * The salon model: the types of what staff keep in `content/*.yaml` (catalog, rules, brand voice, staff
 * texts), their loaders and checks with file:line errors, and the Russian display text of prices, dates
 * and names. Used by the NLU, the core and the salon's actions alike; it knows nothing of dialogue.
 */

// The catalog: salons, services, masters
export { loadCatalog, WEEKDAYS, type Catalog, type Branch, type Service, type Master, type Weekday } from './catalog';

// The booking rules, the brand voice, what staff read
export { loadRules, type Rules, type BookingRules } from './rules';
export { loadBrand, type Brand } from './brand';
export { loadStaffTexts, checkStaffReasons, fillStaffText, type StaffTexts } from './staff-texts';

// Reading a content file and naming what is wrong in it
export { ContentError } from './errors';
export { readContentFile, parseYamlSource, schemaError, formatPath, type DataPath, type Locator, type Labeller } from './yaml-source';

// Display text: prices, counts, lists, dates, hours
export { formatCount, formatDuration, formatPercent, formatPrice, formatList, formatServiceNames, lowerFirst, formatDate, formatHours, formatSlotTime, formatWeekdays, weekdayOn, describeForGuest, type GuestDescriber } from './format';
