import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import manifest from '../custom-elements.json';
import { argTypesFor } from '../stories/support/widget-args.js';
import '../stories/support/fetch-fixtures.js';

// The component descriptions on the docs pages come from the manifest.
setCustomElementsManifest(manifest);

// Interaction tests query inside the widgets' shadow roots. testing-library prints the container
// into a failed query's message and cannot print a ShadowRoot (it throws a TypeError instead of
// the real message), so the message stays plain.
configure({
  getElementError: (message) => Object.assign(new Error(message ?? 'element not found'), { name: 'TestingLibraryElementError' }),
});

const preview: Preview = {
  // A docs page per widget, generated from the manifest and the widget's stories.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: {
      toc: true,
      // Controls and the API tables from custom-elements.json, typed: a select for `sort`, a
      // colour picker for `--st-color-accent`, events in the Actions panel (see widget-args.ts).
      extractArgTypes: (component: unknown) => (typeof component === 'string' ? argTypesFor(component) : null),
    },
  },
};
export default preview;
