// A fixed pseudo-random election for the youth budget benchmarks (same numbers in Node and the
// page): popularity is skewed (a few favourites), each ballot approves 1–8 projects, 5 % of the
// projects were found not feasible. Also written out as a native feed and as a Pabulib file.

export function election(P, N) {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const weight = Array.from({ length: P }, (_, i) => 1 / (1 + i / 20));
  const total = weight.reduce((a, b) => a + b, 0);
  const cum = [];
  weight.reduce((s, w, i) => (cum[i] = s + w / total), 0);
  const pickOne = () => {
    const r = rnd();
    let lo = 0;
    let hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballots = [];
  const votes = new Array(P).fill(0);
  for (let v = 0; v < N; v++) {
    const k = 1 + Math.floor(rnd() * 8);
    const set = new Set();
    while (set.size < k) set.add(pickOne());
    const b = [...set];
    b.forEach((p) => votes[p]++);
    ballots.push(b);
  }
  const projects = votes.map((n, i) => ({ id: `p${i}`, cost: 1000 * (5 + Math.floor(rnd() * 95)), votes: n, feasible: rnd() > 0.05 }));
  return { budget: 2_000_000, projects, ballots };
}

/** The election as the widget's native JSON feed (result phase, no published selection). */
export function asFeed(e, rule) {
  return {
    schemaVersion: 1,
    title: 'Bench: Jugendbudget',
    budget: e.budget,
    currency: 'EUR',
    rule,
    phase: 'result',
    projects: e.projects.map((p) => ({
      id: p.id,
      title: `Projekt ${p.id}`,
      description: 'Ein Vorschlag.',
      cost: p.cost,
      votes: p.votes,
      feasible: p.feasible,
    })),
    ballots: e.ballots.map((b) => b.map((i) => e.projects[i].id)),
  };
}

/** The election as a Pabulib `.pb` file (approval ballots, no `selected` column: the widget computes). */
export function asPabulib(e, rule) {
  const lines = [
    'META',
    'key;value',
    'description;Bench',
    `num_projects;${e.projects.length}`,
    `num_votes;${e.ballots.length}`,
    `budget;${e.budget}`,
    'vote_type;approval',
    `rule;${rule}`,
    'currency;EUR',
  ];
  lines.push('PROJECTS', 'project_id;cost;votes;name');
  for (const p of e.projects) lines.push(`${p.id};${p.cost};${p.votes};Projekt ${p.id}`);
  lines.push('VOTES', 'voter_id;vote');
  e.ballots.forEach((b, v) => lines.push(`${v + 1};${b.map((i) => e.projects[i].id).join(',')}`));
  return `${lines.join('\n')}\n`;
}
