/** The demo CRM: the CRM port on the engine's SQLite database, with seeded demo guests. */
export { createDemoCrm, type DemoCrm, type DemoCrmOptions } from './create';
export type { BookingFixture, ClientFixture, DemoCrmFixtures } from './fixtures';
export { DEMO_GUESTS, type DemoGuest, type DemoVisit, type DemoVisitTime } from './guests';
export { PAST_DAYS, TARGET_OCCUPANCY } from './seed';
export { restoreDemoData, snapshotDemoData, type DemoSnapshot } from './snapshot';

// Reproducible demo data (the seed, the benchmark's guests)
export { seededRandom, type Random } from './random';
