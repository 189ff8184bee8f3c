// A write backend for browser tests, keeping the write contract: POST JSON with an
// Idempotency-Key; a replayed key gets the first answer and stores nothing new. Per test scope:
//   POST /mock/write/<scope>/ideas     stores an idea       (?stall=N: the first N accepted
//   POST /mock/write/<scope>/support   counts a support      writes send headers, then stall)
//        ?refuse=<code>                answers 403 { code, message } and stores nothing
//   GET  /mock/write/<scope>/state     what arrived and what was stored

/** scope → { posts: [], answers: Map(key → [status, body]), ideas: [], supporters: {}, stalled: 0 } */
const scopes = new Map();

function scopeOf(name) {
  if (!scopes.has(name)) scopes.set(name, { posts: [], answers: new Map(), ideas: [], supporters: {}, stalled: 0 });
  return scopes.get(name);
}

async function readBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function writeMock(ctx, url) {
  const [, , , name, route] = url.pathname.split('/');
  if (!name || !route) return false;
  const scope = scopeOf(name);
  if (route === 'state' && ctx.method === 'GET') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { posts: scope.posts, ideas: scope.ideas, supporters: scope.supporters };
    return true;
  }
  if (ctx.method !== 'POST' || (route !== 'ideas' && route !== 'support')) return false;
  const key = ctx.get('idempotency-key');
  const body = await readBody(ctx.req);
  scope.posts.push({ route, key, body, origin: ctx.get('origin') || null, contentType: ctx.get('content-type') });
  const refuse = url.searchParams.get('refuse');
  let answer = scope.answers.get(`${route} ${key}`);
  if (!answer && refuse) answer = [403, { code: refuse, message: `Refused for the test: ${refuse}` }];
  if (!answer) {
    if (route === 'ideas') {
      scope.ideas.push(body);
      answer = [201, { id: `idea-${scope.ideas.length}`, status: 'pending' }];
    } else {
      const id = body?.idea;
      scope.supporters[id] = (scope.supporters[id] ?? 0) + (body?.support === false ? -1 : 1);
      answer = [200, { idea: id, supported: body?.support !== false, supporters: scope.supporters[id] }];
    }
    if (key) scope.answers.set(`${route} ${key}`, answer);
    if (scope.stalled < Number(url.searchParams.get('stall') ?? 0)) {
      scope.stalled++;
      // Stored and acknowledged, but the body never completes (a proxy or server that hangs).
      ctx.respond = false;
      ctx.res.writeHead(answer[0], { 'Content-Type': 'application/json' });
      ctx.res.write(JSON.stringify(answer[1]).slice(0, 5));
      return true;
    }
  }
  ctx.status = answer[0];
  ctx.set('Cache-Control', 'no-store');
  ctx.body = answer[1];
  return true;
}
