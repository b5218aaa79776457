import { expect } from 'chai';
import { ConfigError } from '../../../common/errors';
import { describeChannels, serverConfigFromEnv } from '../../../app/server';

describe('serverConfigFromEnv', () => {
  it('listens on port 3000, with CORS off (no other site may call the API), when nothing is set', () => {
    expect(serverConfigFromEnv({})).to.deep.include({ port: 3000, widgetOrigins: [] });
    expect(serverConfigFromEnv({ COCO_WIDGET_ORIGINS: ' * ' }).widgetOrigins).to.equal('*');
  });

  it('listens on this machine only (127.0.0.1) unless COCO_HOST names another interface', () => {
    expect(serverConfigFromEnv({}).host).to.equal('127.0.0.1');
    expect(serverConfigFromEnv({ COCO_HOST: '0.0.0.0' }).host).to.equal('0.0.0.0');
  });

  it('reads PORT and the allowed widget origins', () => {
    const config = serverConfigFromEnv({ PORT: '8080', COCO_WIDGET_ORIGINS: 'https://madamcoco.ru, https://www.madamcoco.ru/' });
    expect(config.port).to.equal(8080);
    expect(config.widgetOrigins).to.deep.equal(['https://madamcoco.ru', 'https://www.madamcoco.ru']);
  });

  for (const port of ['abc', '-1', '70000', '30.5']) {
    it(`refuses PORT=${port} naming the variable and a fix`, () => {
      expect(() => serverConfigFromEnv({ PORT: port })).to.throw(ConfigError, /^PORT: .* is not a port number\n {2}→ use a whole number/);
    });
  }

  it('refuses an origin with a path', () => {
    expect(() => serverConfigFromEnv({ COCO_WIDGET_ORIGINS: 'https://madamcoco.ru/chat' })).to.throw(ConfigError, /COCO_WIDGET_ORIGINS: "https:\/\/madamcoco.ru\/chat" is not an origin/);
  });
});

describe('describeChannels', () => {
  it('says which channels are active and which settings would enable the others', () => {
    expect(describeChannels(serverConfigFromEnv({}).channels)).to.deep.equal([
      'web: active',
      'telegram: inactive — set TELEGRAM_BOT_TOKEN to enable it',
      'whatsapp: inactive — set WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN (or WHATSAPP_PROVIDER=360dialog with D360_API_KEY and WHATSAPP_APP_SECRET) to enable it',
    ]);
  });

  it('says how an active channel runs', () => {
    const config = serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', ...CLOUD });
    expect(describeChannels(config.channels).slice(1)).to.deep.equal(['telegram: active (long polling)', 'whatsapp: active (Cloud API, webhook at /whatsapp/webhook)']);
  });

  it('says what enables the staff relay, and where it posts once enabled', () => {
    expect(serverConfigFromEnv({}).staffRelay).to.deep.equal({ active: false, status: "staff relay: inactive — set STAFF_CHAT_ID (the staff group's chat id) and TELEGRAM_BOT_TOKEN to relay handed-over conversations to staff" });
    expect(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc' }).staffRelay.status).to.match(/^staff relay: inactive — set STAFF_CHAT_ID \(the staff group's chat id\) to relay/);
    expect(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-1001234567890' }).staffRelay).to.deep.equal({ active: true, status: 'staff relay: active — handed-over conversations go to Telegram chat -1001234567890' });
    expect(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-1001234567890', STAFF_USER_IDS: '501,502' }).staffRelay.status)
      .to.equal('staff relay: active — handed-over conversations go to Telegram chat -1001234567890, answered by 2 listed staff members (STAFF_USER_IDS)');
  });
});

const CLOUD = { WHATSAPP_ACCESS_TOKEN: 'EAAG-token', WHATSAPP_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_APP_SECRET: 'app-secret', WHATSAPP_VERIFY_TOKEN: 'coco-verify' };

describe('serverConfigFromEnv: Telegram', () => {
  it('polls by default, with a fake or self-hosted Bot API when TELEGRAM_API_URL is set', () => {
    expect(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: ' 123:abc ', TELEGRAM_API_URL: 'http://127.0.0.1:8081/' }).telegram).to.deep.equal({ token: '123:abc', mode: 'polling', apiUrl: 'http://127.0.0.1:8081' });
  });

  it('reads webhook mode with its secret, URL and the staff chat', () => {
    const config = serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 's3cr3t_-', TELEGRAM_WEBHOOK_URL: 'https://bot.madamcoco.ru/telegram/webhook', STAFF_CHAT_ID: '-100123' });
    expect(config.telegram).to.deep.equal({ token: '123:abc', mode: 'webhook', webhookSecret: 's3cr3t_-', webhookUrl: 'https://bot.madamcoco.ru/telegram/webhook', staffChatId: '-100123' });
  });

  it('reads who may answer guests in the staff chat from STAFF_USER_IDS, commas and spaces as they come', () => {
    const config = serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-100123', STAFF_USER_IDS: ' 501, 502 ,501,' });
    expect(config.telegram).to.deep.include({ staffChatId: '-100123', staffUserIds: ['501', '502'] });
    expect(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-100123' }).telegram).not.to.have.property('staffUserIds');
  });

  const refused: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a staff chat without a bot', { STAFF_CHAT_ID: '-100123' }, /^TELEGRAM_BOT_TOKEN: is not set, but STAFF_CHAT_ID is\n {2}→ the staff relay posts .* through the Telegram bot/],
    ['webhook settings without a bot', { TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'x' }, /^TELEGRAM_BOT_TOKEN: is not set, but TELEGRAM_MODE, TELEGRAM_WEBHOOK_SECRET are/],
    ['a token that is not one', { TELEGRAM_BOT_TOKEN: 'my bot' }, /^TELEGRAM_BOT_TOKEN: does not look like a bot token\n {2}→ copy it from @BotFather/],
    ['an unknown mode', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'push' }, /^TELEGRAM_MODE: unknown mode "push"\n {2}→ use "polling"/],
    ['webhook mode without a secret', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'webhook' }, /^TELEGRAM_WEBHOOK_SECRET: is not set, but TELEGRAM_MODE is webhook\n {2}→ set a secret/],
    ['a secret Telegram would refuse', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'with spaces!' }, /^TELEGRAM_WEBHOOK_SECRET: has characters Telegram does not allow/],
    ['a plain-http webhook on Telegram itself', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'x', TELEGRAM_WEBHOOK_URL: 'http://bot.madamcoco.ru/telegram/webhook' }, /^TELEGRAM_WEBHOOK_URL: "http:.*" is not an https URL/],
    ['a webhook URL while polling', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.madamcoco.ru/telegram/webhook' }, /^TELEGRAM_WEBHOOK_URL: is set, but TELEGRAM_MODE is polling \(the default\)\n {2}→ set TELEGRAM_MODE=webhook/],
    ['an API address that is not a URL', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_URL: 'localhost:8081' }, /^TELEGRAM_API_URL: "localhost:8081" is not an http\(s\) URL/],
    ['a staff list without a staff chat', { TELEGRAM_BOT_TOKEN: '123:abc', STAFF_USER_IDS: '501' }, /^STAFF_USER_IDS: is set, but STAFF_CHAT_ID is not\n {2}→ the list says who may answer/],
    ['a staff list with a username', { TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-100123', STAFF_USER_IDS: '501,@maria' }, /^STAFF_USER_IDS: "@maria" is not a Telegram user id\n {2}→ list the staff members' numeric Telegram user ids/],
    ['a staff list that lists nobody', { TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-100123', STAFF_USER_IDS: ' , ' }, /^STAFF_USER_IDS: lists no user id/],
    ['a staff chat given by name', { TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: 'madamcoco_staff' }, /^STAFF_CHAT_ID: "madamcoco_staff" is not a Telegram chat id\n {2}→ use the staff group's numeric id/],
  ];
  for (const [what, env, message] of refused) {
    it(`refuses ${what}, naming the variable and a fix`, () => {
      expect(() => serverConfigFromEnv(env)).to.throw(ConfigError, message);
    });
  }
});

describe('serverConfigFromEnv: WhatsApp', () => {
  it('reads the Cloud API settings, with a template for outside the 24-hour window', () => {
    const config = serverConfigFromEnv({ ...CLOUD, WHATSAPP_API_URL: 'http://127.0.0.1:9000', WHATSAPP_TEMPLATE_NAME: 'coco_followup' });
    expect(config.whatsapp).to.deep.equal({
      provider: { kind: 'cloud', accessToken: 'EAAG-token', phoneNumberId: '106540352242922', baseUrl: 'http://127.0.0.1:9000' },
      appSecret: 'app-secret',
      verifyToken: 'coco-verify',
      template: { name: 'coco_followup', language: 'ru' },
    });
  });

  it('reads 360dialog with its API key (no verify token needed)', () => {
    const config = serverConfigFromEnv({ WHATSAPP_PROVIDER: '360dialog', D360_API_KEY: 'd360-key', WHATSAPP_APP_SECRET: 'app-secret' });
    expect(config.whatsapp).to.deep.equal({ provider: { kind: '360dialog', apiKey: 'd360-key' }, appSecret: 'app-secret' });
  });

  it('reads who may answer guests in the staff chat from STAFF_USER_IDS, commas and spaces as they come', () => {
    const config = serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-100123', STAFF_USER_IDS: ' 501, 502 ,501,' });
    expect(config.telegram).to.deep.include({ staffChatId: '-100123', staffUserIds: ['501', '502'] });
    expect(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc', STAFF_CHAT_ID: '-100123' }).telegram).not.to.have.property('staffUserIds');
  });

  const refused: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a partial Cloud API setup', { WHATSAPP_ACCESS_TOKEN: 'EAAG-token' }, /^WHATSAPP_PHONE_NUMBER_ID: is not set, but WHATSAPP_ACCESS_TOKEN is: the Cloud API channel needs .*\n {2}→ set WHATSAPP_PHONE_NUMBER_ID \(WhatsApp Manager → API setup → Phone number ID\); WHATSAPP_APP_SECRET/],
    ['360dialog without its key', { WHATSAPP_PROVIDER: '360dialog', WHATSAPP_APP_SECRET: 's' }, /^D360_API_KEY: is not set, but WHATSAPP_PROVIDER, WHATSAPP_APP_SECRET are: the 360dialog channel needs D360_API_KEY, WHATSAPP_APP_SECRET/],
    ['an unknown provider', { WHATSAPP_PROVIDER: 'twilio' }, /^WHATSAPP_PROVIDER: unknown provider "twilio"/],
    ['a 360dialog key with the Cloud API', { ...CLOUD, D360_API_KEY: 'k' }, /^D360_API_KEY: is set, but WHATSAPP_PROVIDER is cloud\n {2}→ set WHATSAPP_PROVIDER=360dialog/],
    ['a phone number instead of its id', { ...CLOUD, WHATSAPP_PHONE_NUMBER_ID: '+7 999 123-45-67' }, /^WHATSAPP_PHONE_NUMBER_ID: .* is not a phone number id/],
    ['a template language without a template', { ...CLOUD, WHATSAPP_TEMPLATE_LANGUAGE: 'ru' }, /^WHATSAPP_TEMPLATE_LANGUAGE: is set, but WHATSAPP_TEMPLATE_NAME is not/],
    ['a template name with spaces', { ...CLOUD, WHATSAPP_TEMPLATE_NAME: 'Follow up' }, /^WHATSAPP_TEMPLATE_NAME: "Follow up" is not a template name/],
  ];
  for (const [what, env, message] of refused) {
    it(`refuses ${what}, naming the variable and a fix`, () => {
      expect(() => serverConfigFromEnv(env)).to.throw(ConfigError, message);
    });
  }
});
