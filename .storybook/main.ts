import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  staticDirs: [{ from: '../demo/data', to: '/data' }, { from: '../demo/assets', to: '/assets' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};
export default config;
