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
  render: () => html`<jugend-budget eager .data=${{ title: 'Jugendbudget 2027', budget: 5000, phase: 'proposals', projects: [] }}></jugend-budget>`,
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
