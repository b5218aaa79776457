/**
 * A local fake of the Telegram Bot API for tests, on 127.0.0.1 with a free port: enough of getUpdates
 * (long polling, offsets), sendMessage, answerCallbackQuery, getFile, setWebHook and deleteWebhook for
 * the real node-telegram-bot-api to talk to. Records every call; failures can be scripted per method.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type TelegramBot from 'node-telegram-bot-api';

/** One recorded Bot API call; `params` as sent (form fields are strings, `reply_markup` is parsed). */
export interface BotApiCall {
  method: string;
  token: string;
  params: Record<string, any>;
  at: number;
  /** True when the fake answered this call with a scripted error. */
  failed?: boolean;
  /** sendMessage: the message id the fake gave the sent message. */
  messageId?: number;
}

export interface FakeBotApi {
  /** What to pass as node-telegram-bot-api's `baseApiUrl`. */
  baseApiUrl: string;
  calls: BotApiCall[];
  /** Calls of one method. */
  callsOf(method: string): BotApiCall[];
  /** Makes an update available to getUpdates (gets the next update_id). */
  pushUpdate(update: Omit<TelegramBot.Update, 'update_id'>): number;
  /** The next `times` calls of `method` fail with this error (e.g. 429 with retry_after), after `skip` calls that succeed. */
  failNext(method: string, error: { error_code: number; description: string; parameters?: Record<string, unknown> }, times?: number, skip?: number): void;
  /** Successful sendMessage calls to one chat, in order. */
  sentTo(chatId: number | string): BotApiCall[];
  /** Resolves once `method` has been called `count` times in all. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<BotApiCall[]>;
  close(): Promise<void>;
}

/** Starts the fake. */
export async function startFakeBotApi(): Promise<FakeBotApi> {
  const calls: BotApiCall[] = [];
  const updates: TelegramBot.Update[] = [];
  const failures = new Map<string, Array<{ error_code: number; description: string; parameters?: Record<string, unknown> } | null>>();
  const waiters = new Set<() => void>();
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  let closed = false;
  const notify = () => waiters.forEach((w) => w());

  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(express.json());
  app.post('/bot:token/:method', async (req, res) => {
    const method = String(req.params.method);
    const params: Record<string, any> = { ...(req.query ?? {}), ...(req.body ?? {}) };
    if (typeof params.reply_markup === 'string') params.reply_markup = JSON.parse(params.reply_markup);
    if (typeof params.allowed_updates === 'string') params.allowed_updates = JSON.parse(params.allowed_updates);
    const call: BotApiCall = { method, token: String(req.params.token), params, at: Date.now() };
    calls.push(call);
    notify();

    const queued = failures.get(method);
    const error = queued && queued.length > 0 ? queued.shift() : null;
    if (error) {
      call.failed = true;
      res.status(error.error_code).json({ ok: false, ...error });
      return;
    }
    switch (method) {
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0);
        // Updates before the offset are confirmed: Telegram forgets them.
        while (updates.length > 0 && updates[0].update_id < offset) updates.shift();
        const deadline = Date.now() + Number(params.timeout ?? 0) * 1000;
        while (updates.length === 0 && Date.now() < deadline && !closed) {
          await new Promise<void>((resolve) => {
            const wake = () => {
              waiters.delete(wake);
              resolve();
            };
            waiters.add(wake);
            setTimeout(wake, Math.max(0, deadline - Date.now()));
          });
        }
        res.json({ ok: true, result: updates.slice(0, 100) });
        return;
      }
      case 'sendMessage':
        call.messageId = nextMessageId;
        res.json({
          ok: true,
          result: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id), type: 'private' }, text: params.text },
        });
        return;
      case 'getFile':
        res.json({ ok: true, result: { file_id: params.file_id, file_unique_id: `u-${params.file_id}`, file_size: 12345, file_path: `photos/${params.file_id}.jpg` } });
        return;
      case 'answerCallbackQuery':
      case 'setWebHook':
      case 'deleteWebhook':
      case 'deleteWebHook':
        res.json({ ok: true, result: true });
        return;
      default:
        res.status(404).json({ ok: false, error_code: 404, description: `Not Found: method ${method} is not faked` });
    }
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeBotApi = {
    baseApiUrl: `http://127.0.0.1:${port}`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    pushUpdate(update) {
      const id = nextUpdateId++;
      updates.push({ update_id: id, ...update } as TelegramBot.Update);
      notify();
      return id;
    },
    sentTo: (chatId) => calls.filter((c) => c.method === 'sendMessage' && !c.failed && String(c.params.chat_id) === String(chatId)),
    failNext(method, error, times = 1, skip = 0) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < skip; i++) list.push(null);
      for (let i = 0; i < times; i++) list.push(error);
      failures.set(method, list);
    },
    async waitFor(method, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (fake.callsOf(method).length < count) {
        if (Date.now() > deadline) throw new Error(`fake Bot API: ${method} called ${fake.callsOf(method).length} times, expected ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return fake.callsOf(method);
    },
    async close() {
      closed = true;
      notify();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A private-chat text message update. */
export function textUpdate(chatId: number, messageId: number, text: string): Omit<TelegramBot.Update, 'update_id'> {
  return {
    message: {
      message_id: messageId,
      date: 1764255600,
      chat: { id: chatId, type: 'private', first_name: 'Анна' },
      from: { id: chatId, is_bot: false, first_name: 'Анна', last_name: 'Иванова' },
      text,
    },
  };
}

/** A staff member's message in the staff group, optionally a reply to one of the bot's messages there. */
export function staffUpdate(chatId: number, messageId: number, text: string, replyTo?: number): Omit<TelegramBot.Update, 'update_id'> {
  return {
    message: {
      message_id: messageId,
      date: 1764255700,
      chat: { id: chatId, type: 'supergroup', title: 'Madam COCO — администраторы' },
      from: { id: 501, is_bot: false, first_name: 'Мария' },
      text,
      ...(replyTo !== undefined ? { reply_to_message: { message_id: replyTo, date: 1764255650, chat: { id: chatId, type: 'supergroup' }, text: '…' } } : {}),
    } as TelegramBot.Message,
  };
}

/** A button press under a message the bot sent. */
export function callbackUpdate(chatId: number, queryId: string, data: string, title = 'Кнопка'): Omit<TelegramBot.Update, 'update_id'> {
  return {
    callback_query: {
      id: queryId,
      from: { id: chatId, is_bot: false, first_name: 'Анна' },
      chat_instance: '-1',
      data,
      message: {
        message_id: 77,
        date: 1764255660,
        chat: { id: chatId, type: 'private' },
        text: 'Куда вас записать?',
        reply_markup: { inline_keyboard: [[{ text: title, callback_data: data }]] },
      },
    },
  };
}
