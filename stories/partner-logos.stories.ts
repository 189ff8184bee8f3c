import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/partner-logos/partner-logos.js';

const meta: Meta = {
  title: 'Widgets/partner-logos',
  component: 'partner-logos',
};
export default meta;

export const Workshop: StoryObj = {
  render: () => html`<partner-logos eager src="/data/partners.json"></partner-logos>`,
};
