import { expect } from '@open-wc/testing';
import { randomToken, sendWrite, WriteError } from '../../src/core/write.js';
import { jsonResponse } from '../helpers.js';

interface Post {
  route: string;
  key: string;
  body: Record<string, unknown>;
  origin: string | null;
}
const state = async (scope: string) => (await (await fetch(`/mock/write/${scope}/state`)).json()) as { posts: Post[]; ideas: unknown[] };
const scope = () => `core-${randomToken().slice(0, 8)}`;
const request = (url: string, over = {}) => ({
  url,
  body: { title: 'Trinkbrunnen' },
  idempotencyKey: randomToken(),
  credentials: 'omit' as const,
  timeoutMs: 1000,
  ...over,
});

describe('write contract: timeouts, refusals, retries', () => {
  const realFetch = window.fetch;
  afterEach(() => (window.fetch = realFetch));

  it('the timeout covers the body: headers then a stalled body end in a timeout, and the same key then gets the stored answer once', async () => {
    const s = scope();
    const req = request(`/mock/write/${s}/ideas?stall=1`);
    const error = await sendWrite(req).catch((e) => e);
    expect(error).to.be.instanceOf(WriteError);
    expect(error.reason).to.equal('timeout');
    expect((await state(s)).posts, 'no automatic re-send').to.have.length(1);
    const retry = await sendWrite(req);
    expect(retry.data.id).to.equal('idea-1');
    const after = await state(s);
    expect(after.ideas, 'stored once').to.have.length(1);
    expect(after.posts.map((p) => p.key)).to.deep.equal([req.idempotencyKey, req.idempotencyKey]);
  });

  it('a 403 with a top-level { code, message } (WordPress REST style) is a refusal with the detail for the console', async () => {
    window.fetch = async () =>
      jsonResponse(
        { code: 'forbidden-origin', message: 'Origin https://fremd.example is not allowed.', data: { status: 403 } },
        { status: 403 },
      );
    const error = await sendWrite(request('/api/ideas')).catch((e) => e);
    expect(error.reason).to.equal('refused');
    expect(error.code).to.equal('forbidden-origin');
    expect(error.message).to.contain('forbidden-origin').and.to.contain('https://fremd.example');
    window.fetch = async () => jsonResponse({ error: { code: 'support-cap', message: 'Daily cap reached.' } }, { status: 403 });
    expect((await sendWrite(request('/api/support')).catch((e) => e)).reason).to.equal('refused');
  });

  it('keys and tokens are 128 random bits, also where crypto.randomUUID is missing (http pages)', () => {
    const a = randomToken();
    expect(a).to.match(/^[0-9a-f]{32}$/);
    expect(randomToken()).to.not.equal(a);
  });
});
