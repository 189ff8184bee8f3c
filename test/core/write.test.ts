import { expect } from '@open-wc/testing';
import { newIdempotencyKey, sendWrite, WriteError } from '../../src/core/write.js';
import { jsonResponse } from '../helpers.js';

const realFetch = window.fetch;
function stubFetch(respond: () => Response | Promise<Response>) {
  const calls: RequestInit[] = [];
  window.fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init!);
    return respond();
  };
  return calls;
}
const request = (over = {}) => ({
  url: '/api/support',
  body: { idea: 'a' },
  idempotencyKey: newIdempotencyKey(),
  credentials: 'omit' as const,
  timeoutMs: 2000,
  ...over,
});

describe('write contract', () => {
  afterEach(() => (window.fetch = realFetch));

  it('POSTs JSON with an Idempotency-Key and returns the server data', async () => {
    const calls = stubFetch(() => jsonResponse({ supporters: 13 }));
    const req = request();
    const result = await sendWrite(req);
    expect(result.data.supporters).to.equal(13);
    expect(calls[0].method).to.equal('POST');
    expect((calls[0].headers as Record<string, string>)['Idempotency-Key']).to.equal(req.idempotencyKey);
    expect(JSON.parse(calls[0].body as string)).to.deep.equal({ idea: 'a' });
  });

  it('the same action is never sent twice at once (double click)', async () => {
    let release!: () => void;
    const calls = stubFetch(() => new Promise<Response>((r) => (release = () => r(jsonResponse({})))));
    const req = request();
    const a = sendWrite(req);
    const b = sendWrite(req);
    release();
    await Promise.all([a, b]);
    expect(calls).to.have.length(1);
  });

  it('409 means "already done", not a failure', async () => {
    stubFetch(() => jsonResponse({ supporters: 4, error: { code: 'duplicate' } }, { status: 409 }));
    const result = await sendWrite(request());
    expect(result.duplicate).to.equal(true);
    expect(result.data.supporters).to.equal(4);
    expect(result.code).to.equal('duplicate');
  });

  it('a 409 tells which kind of "already done" it is (a used voting code is not the visitor\'s own vote)', async () => {
    stubFetch(() => jsonResponse({ error: { code: 'code-used', message: 'Dieser Code wurde schon benutzt.' } }, { status: 409 }));
    const result = await sendWrite(request());
    expect(result.duplicate).to.equal(true);
    expect(result.code).to.equal('code-used');
    stubFetch(() => jsonResponse({ supporters: 4 }, { status: 409 }));
    expect((await sendWrite(request())).code).to.equal(undefined);
  });

  it('4xx with an error body gives the server message for the visitor', async () => {
    stubFetch(() => jsonResponse({ error: { code: 'invalid', message: 'Titel fehlt.' } }, { status: 422 }));
    const error = await sendWrite(request()).catch((e) => e);
    expect(error).to.be.instanceOf(WriteError);
    expect(error.reason).to.equal('rejected');
    expect(error.serverMessage).to.equal('Titel fehlt.');
    expect(error.code).to.equal('invalid');
  });

  it('5xx and HTML answers fail clearly and are not retried', async () => {
    const calls = stubFetch(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = await sendWrite(request()).catch((e) => e);
    expect(error.reason).to.equal('server');
    expect(error.status).to.equal(502);
    expect(calls).to.have.length(1);
    stubFetch(() => new Response('<html>Login</html>', { status: 403 }));
    const html = await sendWrite(request()).catch((e) => e);
    expect(html.reason).to.equal('invalid-response');
  });

  it('a network failure and a timeout are told apart', async () => {
    window.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await sendWrite(request()).catch((e) => e)).reason).to.equal('network');
    window.fetch = (_i: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))));
    expect((await sendWrite(request({ timeoutMs: 50 })).catch((e) => e)).reason).to.equal('timeout');
  });
});
