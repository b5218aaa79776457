/**
 * The demo guests: known people with visits set up to try the flows (rebook "как в прошлый раз",
 * choose which booking to move, meet the 4-hour rule, complain within and outside the guarantee). The
 * README lists them from this data. Days count from the date the demo CRM was seeded.
 */

/** When a demo visit is: days from the seed date at a local time, or minutes after the seed moment. */
export type DemoVisitTime = { days: number; time: string } | { minutesAfterSeed: number };

export interface DemoVisit {
  services: string[];
  branch: string;
  /** The master, or several to choose from: the first who works that day. */
  masters: string[];
  at: DemoVisitTime;
  /**
   * Exactly on that day even when no listed master works then. Otherwise the visit moves to the nearest
   * day one of them works (later for an upcoming visit, earlier for a past one).
   */
  exact?: boolean;
}

export interface DemoGuest {
  name: string;
  /** E.164. */
  phone: string;
  /** What to try with this guest. */
  tryThis: string;
  /** Past visits become completed, the others booked. */
  visits: DemoVisit[];
}

export const DEMO_GUESTS: readonly DemoGuest[] = [
  {
    name: 'Анна Петрова',
    phone: '+79990000001',
    tryThis: 'постоянная гостья: «запишите как в прошлый раз» (маникюр с покрытием у Ольги), перенос или отмена педикюра',
    visits: [
      { services: ['manicure_gel'], branch: 'tverskaya', masters: ['olga'], at: { days: -21, time: '12:00' }, exact: true },
      { services: ['pedicure_gel'], branch: 'tverskaya', masters: ['marina'], at: { days: 3, time: '15:00' }, exact: true },
    ],
  },
  {
    name: 'Мария Соколова',
    phone: '+79990000002',
    tryThis: 'две предстоящие записи: «перенесите запись» — ассистент спросит, какую',
    visits: [
      { services: ['manicure_gel'], branch: 'city', masters: ['darya'], at: { days: -30, time: '11:00' } },
      { services: ['manicure_gel'], branch: 'city', masters: ['darya'], at: { days: 2, time: '11:00' } },
      { services: ['lash_lamination'], branch: 'city', masters: ['yulia'], at: { days: 6, time: '17:00' } },
    ],
  },
  {
    name: 'Екатерина Волкова',
    phone: '+79990000003',
    tryThis: 'запись через 3 часа после запуска демо: «отмените запись» — меньше 4 часов, передаём администратору',
    visits: [
      { services: ['manicure_classic'], branch: 'tverskaya', masters: ['olga', 'marina'], at: { minutesAfterSeed: 180 } },
    ],
  },
  {
    name: 'Ирина Морозова',
    phone: '+79990000004',
    tryThis: 'маникюр с покрытием 3 дня назад: «отошло покрытие» — жалоба в пределах гарантии, бесплатное исправление',
    visits: [
      // Ольга and Марина between them work every day, so the visit is exactly 3 days before.
      { services: ['manicure_gel'], branch: 'tverskaya', masters: ['marina', 'olga'], at: { days: -3, time: '14:00' } },
    ],
  },
  {
    name: 'Татьяна Лебедева',
    phone: '+79990000005',
    tryThis: 'стрижка 20 дней назад: жалоба вне гарантии (7 дней) — тикет старшему администратору',
    visits: [
      { services: ['haircut_women'], branch: 'patriki', masters: ['elena'], at: { days: -20, time: '16:00' } },
    ],
  },
];
