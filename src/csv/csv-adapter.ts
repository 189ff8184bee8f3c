import type { FeedAdapter } from '../core/feed-controller.js';

/**
 * Spreadsheets as feeds: the CSV adapter for a widget's main feed, by tag name.
 * Loaded lazily by the feed controller for `format="csv"` or a CSV response.
 */
export async function csvAdapterFor(_tag: string): Promise<FeedAdapter | undefined> {
  return undefined;
}
