/**
 * TODO(#12) describe salon
 */

export { type Catalog, type Branch, type Service, type Master, WEEKDAYS, type Weekday, loadCatalog } from './catalog';
export { ContentError } from './errors';
export { parseYamlSource, readContentFile, schemaError, type DataPath, type Locator, formatPath, type Labeller } from './yaml-source';
export { formatCount, formatHours, formatList, formatPercent, formatPrice, lowerFirst, formatDate, formatServiceNames, formatSlotTime, describeForGuest, formatDuration } from './format';
export { type Brand, loadBrand } from './brand';
export { type Rules, type BookingRules, loadRules } from './rules';
export { fillStaffText, type StaffTexts, checkStaffReasons, loadStaffTexts } from './staff-texts';
