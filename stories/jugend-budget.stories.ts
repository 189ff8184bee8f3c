import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/jugend-budget/jugend-budget.js';

const meta: Meta = {
  title: 'Widgets/jugend-budget',
  component: 'jugend-budget',
  parameters: {
    docs: {
      description: {
        component:
          'Ein Jugendbudget vom Vorschlag bis zur Umsetzung: Phasen mit Daten (jetzt / danach), Prüfung der Verwaltung, Ergebnis nach der Regel des Feeds (nach Stimmen oder gleiche Anteile) als Diagramm mit Tabelle und „Warum nicht gefördert?“, danach die Umsetzung.',
      },
    },
  },
};
export default meta;

type Phase = 'proposals' | 'check' | 'vote' | 'result' | 'implementation';
interface Args {
  phase: Phase;
  theme: 'light' | 'dark';
  lang: 'de' | 'en';
}
type Story = StoryObj<Args>;

/** The sample town's Jugendbudget, shown in the phase `args.phase` (the attribute overrides the dates). */
const sample: Story = {
  args: { phase: 'implementation', theme: 'light', lang: 'de' },
  argTypes: {
    phase: { control: 'select', options: ['proposals', 'check', 'vote', 'result', 'implementation'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: ({ phase, theme, lang }) =>
    html`<jugend-budget eager lang=${lang} theme=${theme} phase=${phase} heading-level="2" src=${lang === 'en' ? '/data/en/jugendbudget.json' : '/data/jugendbudget.json'}></jugend-budget>`,
};

export const Proposals: Story = { ...sample, args: { ...sample.args, phase: 'proposals' } as Args };
export const Check: Story = { ...sample, args: { ...sample.args, phase: 'check' } as Args };
export const Vote: Story = { ...sample, args: { ...sample.args, phase: 'vote' } as Args };
export const Result: Story = { ...sample, args: { ...sample.args, phase: 'result' } as Args };
export const Implementation: Story = { ...sample, args: { ...sample.args, phase: 'implementation' } as Args };
export const ResultDark: Story = { ...sample, name: 'Result (dark)', args: { ...sample.args, phase: 'result', theme: 'dark' } as Args };
export const ResultEnglish: Story = { ...sample, name: 'Result (English)', args: { ...sample.args, phase: 'result', lang: 'en' } as Args };

/** A real election from Pabulib (Assen 2024, a youth budget counted with equal shares). */
export const PabulibFile: Story = {
  name: 'Pabulib file (equal shares)',
  render: () => html`<jugend-budget eager format="pabulib" src="/data/assen-2024.pb"></jugend-budget>`,
};

export const Loading: Story = {
  render: () => html`<jugend-budget eager src="/nie-fertig.json" timeout="3600"></jugend-budget>`,
};

export const Empty: Story = {
  render: () =>
    html`<jugend-budget eager .data=${{ title: 'Jugendbudget 2027', budget: 5000, phase: 'proposals', projects: [] }}></jugend-budget>`,
};

export const FeedError: Story = {
  name: 'Error',
  render: () => html`<jugend-budget eager src="/gibt-es-nicht.json"></jugend-budget>`,
};

/** Data without a budget: the widget says the data has not the expected shape (details for the webmaster). */
export const BadData: Story = {
  name: 'Bad data',
  render: () => html`<jugend-budget eager .data=${{ title: 'Jugendbudget', projects: [{ id: 1 }] }}></jugend-budget>`,
};

// --- the ballot (vote phase with a `voting` block) -------------------------------------------

const VOTE_URL = 'https://example.org/api/vote/ballot';
const voteFeed = (voting: Record<string, unknown> = {}) => ({
  title: 'Jugendbudget Harzstedt 2026',
  budget: 5000,
  currency: 'EUR',
  rule: 'greedy',
  phase: 'vote',
  voting: { url: VOTE_URL, ...voting },
  projects: [
    {
      id: 'bolzplatz-netz',
      title: 'Neue Netze am Bolzplatz',
      description: 'Die Tore haben seit Jahren keine Netze.',
      cost: 1800,
      feasible: true,
    },
    { id: 'sommerkonzert', title: 'Sommerkonzert mit Bands aus der Region', cost: 2400, feasible: true },
    { id: 'sofa', title: 'Das rollende Sofa bekommt ein Dach', cost: 900, feasible: true },
    { id: 'wlan-treff', title: 'Freies WLAN am Jugendtreff', cost: 1500, feasible: true },
    { id: 'graffiti', title: 'Graffiti-Wand an der Unterführung', cost: 700, feasible: true },
  ],
});

type BallotStatus = 'choose' | 'counted' | 'used' | 'voter-used' | 'closed' | 'not-open' | 'failed';
/** The widget in the vote phase; the ballot (lazy) starts with `chosen` and shows `status`. */
function ballotStory(
  status: BallotStatus,
  options: { chosen?: string[]; voting?: Record<string, unknown>; theme?: string; lang?: string } = {},
): Story {
  return {
    render: () => {
      sessionStorage.setItem(`stadttraum.jugend-budget.ballot:${VOTE_URL}`, JSON.stringify({ chosen: options.chosen ?? [] }));
      return html`<jugend-budget eager heading-level="2" theme=${options.theme ?? 'light'} lang=${options.lang ?? 'de'} .data=${voteFeed(options.voting)}></jugend-budget>`;
    },
    play: async ({ canvasElement }) => {
      if (status === 'choose') return;
      for (let i = 0; i < 100; i++) {
        const ballot = canvasElement.querySelector('jugend-budget')?.shadowRoot?.querySelector('st-budget-ballot') as
          (HTMLElement & { status: string }) | null;
        if (ballot) {
          ballot.status = status;
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

export const BallotEmpty: Story = { name: 'Ballot: nothing chosen yet', ...ballotStory('choose') };
export const BallotBlocked: Story = {
  name: 'Ballot: budget nearly spent (projects blocked, with the reason)',
  ...ballotStory('choose', { chosen: ['sommerkonzert', 'bolzplatz-netz'] }),
};
export const BallotLimits: Story = {
  name: 'Ballot: Decidim rules (at most 3, at least 2, 60 % of the budget)',
  ...ballotStory('choose', { chosen: ['sofa'], voting: { maxProjects: 3, minProjects: 2, minShare: 0.6 } }),
};
export const BallotCounted: Story = { name: 'Ballot: counted', ...ballotStory('counted') };
export const BallotUsed: Story = { name: 'Ballot: code already used', ...ballotStory('used', { chosen: ['sofa'] }) };
export const BallotClosed: Story = { name: 'Ballot: voting closed', ...ballotStory('closed') };
export const BallotNotOpen: Story = { name: 'Ballot: voting not open yet', ...ballotStory('not-open', { chosen: ['sofa'] }) };
export const BallotFailed: Story = {
  name: 'Ballot: sending failed (choice kept)',
  ...ballotStory('failed', { chosen: ['sofa', 'graffiti'] }),
};
export const BallotBrowser: Story = {
  name: 'Ballot: one vote per browser (English, dark)',
  ...ballotStory('choose', { chosen: ['graffiti'], voting: { access: 'browser' }, theme: 'dark', lang: 'en' }),
};
