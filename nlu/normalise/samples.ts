/**
 * Small embedded text samples that train the letter-bigram plausibility models. They are ordinary
 * language, not salon facts: chat-style Russian a guest might write, and everyday English. A few KB is
 * enough to tell "привет" from "зкшмуе" and "hello" from "ghbdtn".
 */

/** Everyday chat Russian (lowercase, ё written as е). */
export const RUSSIAN_SAMPLE = `
привет здравствуйте добрый день добрый вечер доброе утро спасибо большое пожалуйста извините
хочу записаться на маникюр запишите меня пожалуйста на педикюр можно записаться на завтра
запишите на пятницу после шести вечером удобно утром не могу а днем получится можно в субботу
или в воскресенье есть свободное время на следующей неделе в понедельник вторник среду четверг
сколько стоит маникюр с покрытием гель лак а снятие покрытия входит в стоимость цена какая
хочу сделать брови и ресницы наращивание ресниц ламинирование коррекция бровей окрашивание
стрижка укладка окрашивание волос покраска ноготочки ногти дизайн френч наращивание ногтей
мастер свободен кто из мастеров сможет принять меня к тому же мастеру как в прошлый раз
отменить запись перенести запись на другое время я опаздываю минут на десять извините пожалуйста
у меня отломался ноготь через два дня покрытие откололось хочу пожаловаться мне не понравилось
верните деньги переделайте бесплатно по гарантии администратор позвоните мне мой телефон номер
где вы находитесь как до вас доехать есть ли парковка рядом метро оплата картой наличными
подарочный сертификат скидка на день рождения акция бонусы сегодня завтра послезавтра сейчас
да нет хорошо ладно отлично договорились подходит не подходит давайте другое время конечно
очень жаль ничего страшного все понятно поняла понял спасибо вам большое до свидания пока
меня зовут ирина запишите маму на имя тамары ивановны дочку машу подругу катю сестру олю
можно ли беременным есть ли аллергия на материалы какие материалы используете стерилизация
инструменты одноразовые пилки кофе чай вода бесплатно с детьми можно с собакой нельзя
подскажите пожалуйста а во сколько вы открываетесь и до скольки работаете каждый день
будьте добры уточните пожалуйста свободные окна на эту неделю лучше ближе к вечеру
мне нужно срочно как можно скорее в ближайшее время когда есть возможность записаться
я бы хотела попасть к ольге или к марине можно к любому мастеру без разницы
спасибо что напомнили обязательно приду буду вовремя не смогу прийти заболела
ребенок заболел работа задержали пробки простите пожалуйста буду через полчаса
отличный сервис очень довольна мастер замечательная всем советую приду еще
ужасно плохо криво больно порезали кутикулу воспаление жалоба претензия возврат
`;

/** Everyday English, for telling English (and brand) words from Russian typed in the wrong layout. */
export const ENGLISH_SAMPLE = `
hello hi good morning good evening thank you very much please sorry excuse me okay yes no
i would like to book an appointment for a manicure tomorrow can you book me for a pedicure
is there any free time on friday after six in the evening or saturday morning next week
how much does it cost what is the price do you have a discount gift card birthday offer
where are you located how do i get there is there parking near the metro station
cancel my booking please move my appointment to another time i am running late
the nail broke the polish chipped i want to complain i did not like it refund the money
call me my phone number is here thanks a lot see you soon goodbye have a nice day
we are open every day from ten to ten our masters will be happy to help you with anything
what time works best for you the weather is nice today and the coffee is great
this is the best place in the city with friendly staff and clean tools and good music
please send me the address and the link to the website and the instagram page
whatsapp telegram email message chat online support service quality customer review
beautiful nails hair style color cut shape brows lashes extension lamination design
i think that would be perfect thank you so much for your help and your time
could you check whether someone is available later this afternoon or early tomorrow
they said it was fine but i would rather come back another day when it is quieter
people often write short messages with typos and slang without any punctuation
`;
