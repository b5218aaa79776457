/**
 * Short word lists the Latin-token decision relies on. Kept short on purpose; the training vocabulary
 * passed to the normaliser covers the rest.
 */

/**
 * Latin words that stay Latin: English guests use in Russian chats, brands and abbreviations. Neither
 * layout conversion nor transliteration touches them.
 */
export const KEEP_LATIN: ReadonlySet<string> = new Set([
  // chat English
  'ok', 'okay', 'okey', 'yes', 'no', 'hi', 'hello', 'hey', 'bye', 'thanks', 'thx', 'thank', 'you',
  'please', 'pls', 'plz', 'sorry', 'sos', 'lol', 'wow', 'top', 'vip', 'spa', 'nail', 'nails', 'gel',
  'shellac', 'french', 'nude', 'design', 'style', 'beauty', 'salon', 'online', 'price', 'booking',
  'am', 'pm', 'the', 'and', 'or', 'to', 'me', 'my', 'is', 'it', 'in', 'on', 'at', 'of', 'for',
  // tech and channels
  'sms', 'wifi', 'wi', 'fi', 'email', 'mail', 'gmail', 'www', 'http', 'https', 'com', 'ru', 'url',
  'pdf', 'qr', 'id', 'app', 'iphone', 'android', 'whatsapp', 'telegram', 'tg', 'vk', 'instagram',
  'insta', 'inst', 'viber', 'google', 'yandex',
  // payment
  'visa', 'mastercard', 'mir', 'sbp', 'apple', 'pay', 'card', 'cash',
  // nail brands guests name
  'luxio', 'kodi', 'opi', 'cnd', 'gelish', 'essie', 'tnl',
]);

/**
 * Russian one- and two-letter words. A short Latin token ("d", "yf") is converted by layout only when
 * it becomes one of these and the message has other wrong-layout words.
 */
export const RUSSIAN_SHORT_WORDS: ReadonlySet<string> = new Set([
  'в', 'с', 'к', 'у', 'и', 'а', 'о', 'я', 'на', 'не', 'но', 'по', 'до', 'за', 'из', 'от', 'об', 'да',
  'ну', 'же', 'ли', 'бы', 'то', 'мы', 'вы', 'он', 'ты', 'их', 'ее', 'её', 'ей', 'им', 'мне', 'ок',
  'во', 'со', 'ко', 'уж', 'вот', 'как', 'так', 'где', 'еще', 'все', 'это', 'кто', 'что', 'нет',
]);
