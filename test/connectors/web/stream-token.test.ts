import { expect } from 'chai';
import { StreamTokens } from '../../../connectors/web/stream-token';
import { HttpError } from '../../../app/server/errors';

const codeOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error instanceof HttpError ? `${error.status} ${error.code}` : String(error);
  }
  return 'accepted';
};

describe('stream tokens', () => {
  it('stand for their session without showing it', () => {
    const tokens = new StreamTokens();
    const { token, expiresIn } = tokens.issue('k3j4h5g6f7-session');
    expect(token).to.not.contain('k3j4h5g6f7');
    expect(expiresIn).to.equal(120);
    expect(tokens.sessionOf(token)).to.equal('k3j4h5g6f7-session');
  });

  it('stop opening streams once expired', () => {
    let now = 1_000_000;
    const tokens = new StreamTokens({ ttlMs: 1000, now: () => now });
    const { token } = tokens.issue('k3j4h5g6f7-session');
    now += 999;
    expect(tokens.sessionOf(token)).to.equal('k3j4h5g6f7-session');
    now += 1;
    expect(codeOf(() => tokens.sessionOf(token))).to.equal('401 stream_token_expired');
  });

  it('are refused when altered, issued under another key, missing or not a token', () => {
    const tokens = new StreamTokens();
    const { token } = tokens.issue('k3j4h5g6f7-session');
    const altered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    for (const bad of [altered, new StreamTokens().issue('k3j4h5g6f7-session').token, undefined, '', 'k3j4h5g6f7-session', ['x']]) {
      expect(codeOf(() => tokens.sessionOf(bad)), String(bad)).to.equal('401 invalid_stream_token');
    }
  });
});
