import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages (autodocs) with the API tables from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  staticDirs: [
    { from: '../demo/data', to: '/data' },
    { from: '../demo/assets', to: '/assets' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};
export default config;
