/**
 * A small labelled set for FAQ retrieval: paraphrases as guests write them (none copied from the
 * entries' own questions) with the entry that should answer, and messages the FAQ must not answer
 * (off-topic chat, and medical questions, which go to an administrator).
 */

/** A guest's message and the id of the entry that should answer it. */
export const LABELLED_QUERIES: ReadonlyArray<readonly [query: string, expected: string]> = [
  ['скок стоит шеллак', 'price_manicure_gel'],
  ['маникюр с покрытием почем у вас', 'price_manicure_gel'],
  ['сколько по времени маникюр с покрытием', 'price_manicure_gel'],
  ['маникюр без лака сколько будет', 'price_manicure_classic'],
  ['снятие старого гель лака сколько', 'price_polish_removal'],
  ['нарастить ногти сколько будет стоить', 'price_nail_extension'],
  ['а дизайн сколько за ноготь', 'price_nail_design'],
  ['педикюр сколько стоит у вас', 'price_pedicure_gel'],
  ['педикюр без гель лака какая цена', 'price_pedicure_classic'],
  ['бровки поправить скок', 'price_brow_shape'],
  ['покраска бровей сколько стоит', 'price_brow_tint'],
  ['почем ресницы нарастить', 'price_lash_extension'],
  ['сколько длится наращивание ресничек', 'price_lash_extension'],
  ['ламинирование ресничек сколько стоит', 'price_lash_lamination'],
  ['сколько стоит подстричь волосы', 'price_haircut_women'],
  ['покраситься сколько стоит', 'price_hair_coloring'],
  ['сколько за укладку волос', 'price_blowout'],
  ['пришлите цены на услуги', 'price_list'],
  ['у топ мастера дороже чем у обычного?', 'top_master_surcharge'],
  ['где находится ваш салон', 'branches_list'],
  ['адрес салона на тверской скиньте', 'address_tverskaya'],
  ['как добраться до патриарших', 'address_patriki'],
  ['как вас найти в москва сити', 'address_city'],
  ['во сколько вы закрываетесь', 'hours_all'],
  ['до скольки открыт салон на тверской', 'hours_tverskaya'],
  ['в воскресенье сити работает?', 'hours_city'],
  ['патрики до скольки', 'hours_patriki'],
  ['парковка есть у вас', 'parking_all'],
  ['где припарковаться в сити', 'parking_city'],
  ['есть где машину поставить на патриках', 'parking_patriki'],
  ['какие услуги есть в сити', 'services_city'],
  ['что у вас делают', 'services_all'],
  ['в каком салоне делают ресницы', 'where_lashes'],
  ['где у вас стригут', 'where_hair'],
  ['где можно нарастить ногти', 'where_nail_extension'],
  ['картой оплатить можно?', 'payment_methods'],
  ['можно оплатить по сбп', 'payment_methods'],
  ['хочу сертификат в подарок', 'gift_certificates'],
  ['надо ли вносить предоплату', 'prepayment'],
  ['если отменю вернете предоплату', 'prepayment_refund'],
  ['есть какие то скидки', 'discounts'],
  ['скидка на день рождения есть', 'birthday_discount'],
  ['за сколько часов можно отменить запись', 'cancel_window'],
  ['опаздываю минут на 20 что делать', 'lateness'],
  ['ребенку 13 лет можно к вам', 'children'],
  ['можно с собачкой прийти', 'pets'],
  ['гарантия на шеллак есть', 'guarantee_gel_polish'],
  ['реснички отпали через 2 дня переделаете', 'guarantee_lashes'],
  ['нарощенный ноготь сломался', 'guarantee_nail_extension'],
  ['гарантия на стрижку', 'guarantee_haircut'],
  ['какой гель лак используете', 'materials_gel_polish'],
  ['пилки одноразовые у вас?', 'single_use_files'],
  ['инструменты стерилизуете?', 'sterilisation'],
  ['кофе у вас можно попить', 'drinks'],
  ['как записаться к вам', 'booking_how'],
  ['можно записаться на месяц вперед', 'booking_horizon'],
  ['хочу записать маму', 'book_for_someone'],
  ['можно к определенному мастеру записаться', 'choose_master'],
  ['делаете ботокс', 'injections_not_offered'],
  ['каждый 6 маникюр со скидкой это правда', 'loyalty_sixth_manicure'],
];

/** Chat outside the salon: the FAQ must not answer. */
export const OFF_TOPIC_QUERIES: readonly string[] = [
  'какая погода завтра',
  'закажи пиццу',
  'сколько стоит айфон',
  'посоветуй сериал на вечер',
  'как дела',
  'вызови такси',
  'какой курс доллара',
  'кто выиграл вчера матч',
  'где ближайшая аптека',
  'как похудеть к лету',
  'ааааа',
  'привет',
  'спасибо',
];

/** Medical questions go to an administrator: the FAQ must not answer them either. */
export const MEDICAL_QUERIES: readonly string[] = [
  'можно ли беременным делать маникюр',
  'у меня аллергия на гель лак что посоветуете',
  'грибок на ногтях можно ли педикюр',
  'кормящим мамам можно ресницы?',
  'у меня диабет педикюр можно делать?',
];

/**
 * Held out: written after the weights and threshold were tuned on the sets above and never used to
 * tune them, so their accuracy is the honest estimate. First measured: top-1 28/31 without entities,
 * 27/31 with them; 20–22/31 answered (the rest fell below the threshold); two answered wrongly. Two
 * general fixes followed that measurement (handover entries match any mentioned service; request verbs
 * such as "скиньте" are not lexical terms); no weight or threshold was changed for it.
 */
export const HELD_OUT_QUERIES: ReadonlyArray<readonly [query: string, expected: string]> = [
  ['сколько у вас стоит гелевое покрытие на руки', 'price_manicure_gel'],
  ['прайс на маникюр без покрытия', 'price_manicure_classic'],
  ['снять гельлак у вас платно?', 'price_polish_removal'],
  ['наращивание ногтей какая цена', 'price_nail_extension'],
  ['френч на все ногти сколько выйдет', 'price_nail_design'],
  ['педикюр с покрытием сколько по деньгам', 'price_pedicure_gel'],
  ['коррекция бровок цена', 'price_brow_shape'],
  ['ламинирование сколько длится по времени', 'price_lash_lamination'],
  ['стрижка у вас от скольки', 'price_haircut_women'],
  ['окраска волос на длинные сколько будет', 'price_hair_coloring'],
  ['скиньте адреса салонов', 'branches_list'],
  ['как пройти к салону от маяковской', 'address_patriki'],
  ['салон на пушкинской где именно', 'address_tverskaya'],
  ['до какого часа работает салон в сити', 'hours_city'],
  ['на тверской до 22 работаете?', 'hours_tverskaya'],
  ['можно приехать на машине на тверскую где оставить', 'parking_tverskaya'],
  ['чем можно расплатиться', 'payment_methods'],
  ['подарочный сертификат на 5000 есть?', 'gift_certificates'],
  ['предоплату надо вносить за наращивание?', 'prepayment'],
  ['если отменю за день деньги вернут?', 'prepayment_refund'],
  ['можно ли бесплатно отменить запись', 'cancel_window'],
  ['я опоздаю минут на 10 ничего?', 'lateness'],
  ['с какого возраста вы принимаете детей', 'children'],
  ['можно с кошкой', 'pets'],
  ['чаем угощаете?', 'drinks'],
  ['пилочки каждый раз новые?', 'single_use_files'],
  ['гарантия на гель лак сколько дней', 'guarantee_gel_polish'],
  ['за частые визиты дают скидку?', 'loyalty_sixth_manicure'],
  ['как у вас записаться на ноготочки', 'booking_how'],
  ['увеличение губ делаете', 'injections_not_offered'],
  ['где можно сделать ламинирование ресниц', 'where_lashes'],
];

/** Held-out messages the FAQ must not answer (medical ones should find a handover entry or nothing). */
export const HELD_OUT_UNANSWERED: readonly string[] = [
  'при беременности можно наращивать ногти?',
  'у меня экзема на руках можно маникюр',
  'после химиотерапии можно красить волосы?',
  'как приготовить борщ',
  'какой сегодня день',
  'сколько стоит машина',
  'где купить цветы',
  'ты кто',
];
