/**
 * The prompt of a rephrased reply (Rasa's Contextual Response Rephraser): the brand voice, the last
 * turns for context, the template text, and the fragments that must stay word for word. The buttons are
 * not shown: the model returns text only, and the buttons are sent as they were.
 */
import type { Brand } from '../../salon';
import { brandSection, recentForPrompt } from './brand-prompt';
import type { ChatMessage, RecentTurn } from './types';

/**
 * Builds the messages: the rules in a system message, then one user message with the conversation and
 * the message to reword.
 *
 * @param keep  fragments the reworded text must contain unchanged (variable values, times, prices).
 */
export function buildRephrasePrompt(templateText: string, keep: readonly string[], brand: Brand, recentTurns: readonly RecentTurn[]): ChatMessage[] {
  const system = [
    `Ты — редактор сообщений салона красоты «${brand.name}». Перепиши сообщение ассистента так, чтобы оно естественно продолжало разговор и звучало в голосе салона. Смысл не меняй.`,
    '',
    brandSection(brand),
    '',
    'Правила:',
    ...(keep.length > 0 ? [`- Сохрани дословно: ${keep.map((k) => `«${k}»`).join(', ')}.`] : []),
    '- Сохрани все числа, время, даты, цены и имена из сообщения. Не добавляй новых фактов, цен, времени, адресов, имён, обещаний и вопросов.',
    '- Кнопки гость увидит под сообщением: не перечисляй их.',
    '- Если переписать нельзя, верни сообщение без изменений.',
    '- Пиши только текст сообщения, без кавычек и разметки.',
  ].join('\n');
  const recent = recentForPrompt(recentTurns);
  const conversation = recent.length > 0
    ? ['Разговор:', ...recent.map((t) => `${t.role === 'guest' ? 'Гость' : 'Ассистент'}: ${t.text}`), '']
    : [];
  return [
    { role: 'system', content: system },
    { role: 'user', content: [...conversation, 'Сообщение:', templateText].join('\n') },
  ];
}
