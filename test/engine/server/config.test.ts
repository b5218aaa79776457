import { expect } from 'chai';
import { ConfigError } from '../../../engine/config/embedder';
import { describeChannels, serverConfigFromEnv } from '../../../engine/server';

describe('serverConfigFromEnv', () => {
  it('listens on port 3000 for the widget on any site when nothing is set', () => {
    expect(serverConfigFromEnv({})).to.include({ port: 3000, widgetOrigins: '*' });
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
      'whatsapp: inactive — set WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN to enable it',
    ]);
  });

  it('says when a channel is configured but its connector is not in this build', () => {
    const [, telegram] = describeChannels(serverConfigFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc' }).channels);
    expect(telegram).to.equal('telegram: inactive — TELEGRAM_BOT_TOKEN set, but this build has no telegram connector yet');
  });
});
