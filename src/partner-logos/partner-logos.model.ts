import { pick, type LocalText } from '../core/local-text.js';
import { FeedError } from '../core/feed-error.js';
import type { FeedContext } from '../core/feed-types.js';
import { safeUrl } from '../core/safe-url.js';
import { parseItems, parseShape } from '../core/validate.js';
import type * as v from 'valibot';
import { FeedSchema, GroupSchema, PartnerSchema, type PartnerInput } from './partner-logos.schema.js';

export interface Logo {
  src: string;
  /** Dark-mode variant (absolute URL). */
  darkSrc?: string;
  /** Intrinsic size; both present and > 0, or both undefined. */
  width?: number;
  height?: number;
  alt?: string;
}

export interface Partner {
  name: string;
  url?: string;
  newTab: boolean;
  logo?: Logo;
  /** The funder's minimum display height in CSS pixels (the larger of group and partner). */
  minHeight?: number;
  /** May be shown in greyscale (neither the group nor the logo opted out). */
  greyscale: boolean;
  /** Scaled by area (neither the group nor the logo opted out). */
  scale: boolean;
}

export interface PartnerGroup {
  heading: LocalText;
  notice?: LocalText;
  partners: Partner[];
}

export interface PartnerFeed {
  groups: PartnerGroup[];
}

const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : undefined);

type GroupInput = v.InferOutput<typeof GroupSchema>;

function toPartner(p: PartnerInput, g: GroupInput, ctx: FeedContext): Partner {
  const en = ctx.lang === 'en';
  const where = `${pick(g.heading, ctx.lang)} › ${p.name}`;
  let logo: Logo | undefined;
  const src = p.logo && safeUrl(p.logo.src, ctx, `${where}: logo.src`, p.name);
  if (p.logo && src) {
    let width = positive(p.logo.width);
    let height = positive(p.logo.height);
    if (!width || !height) {
      const message = en
        ? `${where}: logo without width/height – it is fitted into a fixed box; please give the image's size.`
        : `${where}: Logo ohne width/height – es wird in eine feste Box eingepasst; bitte die Maße des Bildes angeben.`;
      ctx.warn(message, { code: 'logo.size', path: `${where}: logo`, item: p.name });
      width = height = undefined;
    }
    logo = { src, darkSrc: safeUrl(p.logo.darkSrc, ctx, `${where}: logo.darkSrc`, p.name), width, height, alt: p.logo.alt };
  } else if (p.logo) {
    ctx.warn(
      en
        ? `${where}: logo.src is not an http(s) address – the name is shown as text.`
        : `${where}: logo.src ist keine http(s)-Adresse – der Name wird als Text gezeigt.`,
      { code: 'logo.unsafe-src', path: `${where}: logo.src`, item: p.name, severity: 'error' },
    );
  }
  return {
    name: p.name,
    url: safeUrl(p.url, ctx, `${where}: url`, p.name),
    newTab: p.newTab ?? g.newTab ?? false,
    logo,
    minHeight: minHeightOf(Math.max(positive(g.minHeight) ?? 0, positive(p.minHeight) ?? 0), where, p.name, ctx),
    greyscale: g.greyscale !== false && p.greyscale !== false,
    scale: g.scale !== false && p.scale !== false,
  };
}

/** Validates the feed item by item, drops unsafe URLs and skips empty groups. */
export function parsePartnerFeed(raw: unknown, ctx: FeedContext): PartnerFeed {
  const en = ctx.lang === 'en';
  if (!raw || typeof raw !== 'object')
    throw new FeedError('shape', en ? 'Expected an object with “groups”.' : 'Erwartet wird ein Objekt mit „groups“.');
  const feed = parseShape(FeedSchema, raw, 'partner-logos', ctx.lang);
  let offered = 0;
  const groups: PartnerGroup[] = [];
  parseItems(GroupSchema, feed.groups, ctx, 'groups').forEach((g, i) => {
    offered += g.partners.length;
    let partners: Partner[] = [];
    try {
      partners = parseItems(PartnerSchema, g.partners, ctx, `groups[${i}].partners`).map((p) => toPartner(p, g, ctx));
    } catch (error) {
      ctx.warn((error as Error).message, { code: 'group.invalid', path: `groups[${i}].partners`, severity: 'error' }); // one broken group must not hide the others
    }
    if (partners.length) groups.push({ heading: g.heading, notice: g.notice, partners });
    else {
      const heading = pick(g.heading, ctx.lang);
      ctx.warn(
        en
          ? `groups[${i}] (“${heading}”) has no valid partners and is skipped.`
          : `groups[${i}] („${heading}“) hat keine gültigen Partner und wird übersprungen.`,
        { code: 'group.empty', path: `groups[${i}]`, severity: 'error' },
      );
    }
  });
  if (offered > 0 && groups.length === 0) {
    throw new FeedError(
      'no-valid-item',
      en
        ? `None of the ${offered} partners in the feed is valid (details in the notes before).`
        : `Keiner der ${offered} Partner im Feed ist gültig (Details in den Hinweisen davor).`,
    );
  }
  return { groups };
}

/** The largest minimum logo height a feed may ask for: a funder's rule never needs more. */
export const MAX_MIN_HEIGHT = 400;

/** A feed-controlled minimum height, capped so that a typo (1e6) cannot make the page millions of pixels tall. */
function minHeightOf(value: number, where: string, item: string, ctx: FeedContext): number | undefined {
  if (value > MAX_MIN_HEIGHT) {
    ctx.warn(
      ctx.lang === 'en'
        ? `${where}: minHeight ${value} is more than ${MAX_MIN_HEIGHT} px – ${MAX_MIN_HEIGHT} used.`
        : `${where}: minHeight ${value} ist größer als ${MAX_MIN_HEIGHT} px – ${MAX_MIN_HEIGHT} verwendet.`,
      { code: 'value.range', path: `${where}: minHeight`, item },
    );
    return MAX_MIN_HEIGHT;
  }
  return value || undefined;
}

/** A logo's display box in CSS pixels; `fixed` when the intrinsic size is unknown (image fitted inside). */
export interface LogoBox {
  width: number;
  height: number;
  fixed: boolean;
}

/**
 * Optical size by area: every logo gets roughly the area of a square whose side is twice the
 * minimum height, so wide and square logos look balanced. The height is clamped between the
 * minimum height and 1.25 × that side; a logo that opts out of area scaling gets the full
 * side as its height; the funder's `minHeight` always wins. Unknown sizes get a fixed 2:1 box
 * of the same area.
 */
export function logoBox(
  logo: Pick<Logo, 'width' | 'height'> | undefined,
  partner: Pick<Partner, 'scale' | 'minHeight'>,
  minHeight: number,
): LogoBox {
  const base = Math.max(16, Number.isFinite(minHeight) ? minHeight : 44);
  const side = base * 2;
  const known = !!(logo?.width && logo.height);
  const ratio = known ? logo!.width! / logo!.height! : 2;
  let height = known && !partner.scale ? side : side / Math.sqrt(ratio);
  height = Math.min(Math.max(height, base), side * 1.25);
  if (partner.minHeight) height = Math.max(height, partner.minHeight);
  return { width: Math.round(height * ratio), height: Math.round(height), fixed: !known };
}
