import { expect } from 'chai';
import { isValidSignature, signatureOf, verifyHandshake } from '../../../connectors/whatsapp';

describe('isValidSignature (X-Hub-Signature-256)', () => {
  const secret = 'app-secret-123';
  const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('accepts the HMAC-SHA256 of the raw body with the app secret', () => {
    expect(isValidSignature(raw, signatureOf(raw, secret), secret)).to.equal(true);
    expect(isValidSignature(raw.toString(), signatureOf(raw, secret).toUpperCase().replace('SHA256=', 'sha256='), secret)).to.equal(true);
  });

  it('rejects a body changed after signing, even only in its whitespace', () => {
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 1));
    expect(isValidSignature(reformatted, signatureOf(raw, secret), secret)).to.equal(false);
  });

  it('rejects another secret, a missing, truncated or malformed header, and an empty secret', () => {
    expect(isValidSignature(raw, signatureOf(raw, 'other-secret'), secret)).to.equal(false);
    expect(isValidSignature(raw, undefined, secret)).to.equal(false);
    expect(isValidSignature(raw, signatureOf(raw, secret).slice(0, -2), secret)).to.equal(false);
    expect(isValidSignature(raw, 'sha1=abc', secret)).to.equal(false);
    expect(isValidSignature(raw, ['a', 'b'], secret)).to.equal(false);
    expect(isValidSignature(raw, signatureOf(raw, ''), '')).to.equal(false);
  });
});

describe('verifyHandshake (hub.mode, hub.verify_token, hub.challenge)', () => {
  it('echoes the challenge when the mode is subscribe and the token matches', () => {
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'coco-verify', 'hub.challenge': '1158201444' }, 'coco-verify')).to.deep.equal({ status: 200, body: '1158201444' });
  });

  it('answers 403 to a wrong token, another mode or a missing challenge', () => {
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }, 'coco-verify').status).to.equal(403);
    expect(verifyHandshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'coco-verify', 'hub.challenge': '1' }, 'coco-verify').status).to.equal(403);
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'coco-verify' }, 'coco-verify').status).to.equal(403);
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }, '').status).to.equal(403);
  });
});
