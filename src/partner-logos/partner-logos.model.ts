import { FeedError } from '../core/feed-error.js';
import type { FeedContext } from '../core/feed-controller.js';
import { safeUrl } from '../core/safe-url.js';
import { parseItems, parseShape } from '../core/validate.js';
import { FeedSchema, GroupSchema, PartnerSchema } from './partner-logos.schema.js';

export interface Partner {
  name: string;
  url?: string;
  logo?: { src: string; width?: number; height?: number };
}
export interface PartnerGroup {
  heading: string;
  notice?: string;
  partners: Partner[];
}
export interface PartnerFeed {
  groups: PartnerGroup[];
}

/** Validates the feed, drops unsafe URLs and skips empty groups. */
export function parsePartnerFeed(raw: unknown, ctx: FeedContext): PartnerFeed {
  if (!raw || typeof raw !== 'object') throw new FeedError('shape', 'Erwartet wird ein Objekt mit „groups“.');
  const feed = parseShape(FeedSchema, raw, 'Partner-Feed');
  const groups = parseItems(GroupSchema, feed.groups, ctx, 'groups')
    .map((g, i) => ({
      heading: g.heading,
      notice: g.notice,
      partners: parseItems(PartnerSchema, g.partners, ctx, `groups[${i}].partners`).map((p) => {
        const url = safeUrl(p.url, ctx.baseUrl, `${p.name}: url`);
        const src = p.logo && safeUrl(p.logo.src, ctx.baseUrl, `${p.name}: logo.src`);
        return { name: p.name, url, logo: src ? { ...p.logo, src } : undefined };
      }),
    }))
    .filter((g) => g.partners.length > 0);
  return { groups };
}
