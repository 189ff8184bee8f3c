import * as v from 'valibot';
import { FeedError } from '../core/feed-error.js';
import type { FeedContext } from '../core/feed-types.js';
import { safeMail, safeTel, safeUrl } from '../core/safe-url.js';
import { fold } from '../core/text.js';
import { parseItems, parseShape } from '../core/validate.js';
import type { Category } from './ehrenamt-card.categories.js';
import { plainLocation, plainPartner } from './ehrenamt-card.plain.js';
import { normalizeRule, type LocalText, type Rule } from './ehrenamt-card.rules.js';
import { CategorySchema, FeedSchema, LocationSchema, PartnerFeedSchema, PartnerSchema, TierSchema } from './ehrenamt-card.schema.js';

export interface Location {
  street?: string;
  postalCode?: string;
  city?: string;
  lat?: number;
  /** Longitude (the feed's `lng`). */
  lon?: number;
}

export interface Partner {
  key: string;
  name: string;
  /** The category id as written in the feed; resolved against the category list when shown. */
  category: string;
  benefit?: LocalText;
  locations: Location[];
  website?: string;
  phone?: string;
  /** `tel:` link, only when `phone` consists of digits, spaces, `+`, `/`, `-`. */
  tel?: string;
  email?: string;
  mailto?: string;
  hours?: LocalText;
  /** Name, benefit and places as the feed has them, for the search; folded on first use (`searchText`). */
  text: string;
  folded?: string;
}

export interface Tier {
  id: string;
  name: LocalText;
  /** CSS colour (a theme token or a hex value) and the text colour on it. */
  colour: string;
  ink: string;
  validityYears?: number | 'unlimited';
  description?: LocalText;
  rule?: Rule;
}

export interface Apply {
  url?: string;
  formUrl?: string;
  office?: LocalText;
  address?: LocalText;
  phone?: string;
  tel?: string;
  email?: string;
  mailto?: string;
  hours?: LocalText;
  costs?: LocalText;
  note?: LocalText;
}

export interface Programme {
  name: LocalText;
  issuer?: LocalText;
  region?: LocalText;
  description?: LocalText;
  benefits: LocalText[];
  weeksPerYear: number;
  tiers: Tier[];
  apply?: Apply;
  categories: Category[];
  partners: Partner[];
}

export interface PartnerList {
  categories: Category[];
  partners: Partner[];
}

import { pick } from '../core/local-text.js';

export { pick };

const tierColours: Record<string, [string, string]> = {
  blue: ['var(--st-ehrenamt-blue, #1f4e8c)', 'var(--st-ehrenamt-on-blue, #ffffff)'],
  gold: ['var(--st-ehrenamt-gold, #d8b04a)', 'var(--st-ehrenamt-on-gold, #1d2327)'],
  green: ['var(--st-ehrenamt-green, #1e6b35)', 'var(--st-ehrenamt-on-green, #ffffff)'],
  red: ['var(--st-ehrenamt-red, #a4262c)', 'var(--st-ehrenamt-on-red, #ffffff)'],
  silver: ['var(--st-ehrenamt-silver, #c4c9ce)', 'var(--st-ehrenamt-on-silver, #1d2327)'],
};

function colourOf(value: string | undefined, where: string, ctx: FeedContext): [string, string] {
  if (!value) return tierColours.blue;
  // Own keys only: a colour named "constructor" or "toString" is unknown, not Object.prototype's.
  if (Object.hasOwn(tierColours, value)) return tierColours[value];
  if (/^#[0-9a-f]{6}$/i.test(value)) {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(value.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return [value, lum > 0.18 ? '#1d2327' : '#ffffff'];
  }
  const names = Object.keys(tierColours).join(', ');
  const message =
    ctx.lang === 'en'
      ? `${where}: colour “${value}” unknown (possible: ${names} or #rrggbb) – blue used.`
      : `${where}: Farbe „${value}“ unbekannt (möglich: ${names} oder #rrggbb) – Blau verwendet.`;
  ctx.warn(message, { code: 'value.unknown', path: where, severity: 'note' });
  return tierColours.blue;
}

function contact<T extends { phone?: string; email?: string }>(o: T, where: string, ctx: FeedContext, item?: string) {
  const tel = safeTel(o.phone);
  const en = ctx.lang === 'en';
  const phone = o.phone?.slice(0, 40);
  const email = o.email?.slice(0, 60);
  if (o.phone && !tel) {
    const message = en
      ? `${where}: phone number “${phone}” has characters other than digits, spaces, +, /, - – shown without a call link.`
      : `${where}: Telefonnummer „${phone}“ enthält andere Zeichen als Ziffern, Leerzeichen, +, /, - – ohne Anruf-Link angezeigt.`;
    ctx.warn(message, { code: 'value.contact', path: where, item });
  }
  const mailto = safeMail(o.email);
  if (o.email && !mailto)
    ctx.warn(
      en ? `${where}: e-mail address “${email}” invalid – left out.` : `${where}: E-Mail-Adresse „${email}“ ungültig – weggelassen.`,
      { code: 'value.contact', path: where, item, severity: 'error' },
    );
  return { tel, mailto, email: mailto ? o.email : undefined };
}

export function parseCategories(list: unknown, ctx: FeedContext): Category[] {
  return parseItems(CategorySchema, list, ctx, 'categories').map((c) => ({
    id: String(c.id),
    label: c.label,
    colour: c.colour ?? '#5a5d63',
    icon: c.icon ?? 'other',
  }));
}

export function parsePartners(list: unknown, ctx: FeedContext, what = 'partners'): Partner[] {
  // Plain partners (the common case) skip valibot; with any other item, the schema reads them all.
  const plain = Array.isArray(list) && list.map(plainPartner);
  const items =
    plain && plain.every(Boolean) ? (plain as v.InferOutput<typeof PartnerSchema>[]) : parseItems(PartnerSchema, list, ctx, what);
  return items.map((p, i) => {
    const name = p.name.slice(0, 40);
    const where = ctx.lang === 'en' ? `${what}[${i}] (“${name}”)` : `${what}[${i}] („${name}“)`;
    const locations: Location[] = [];
    (p.locations ?? []).forEach((raw, j) => {
      let l = plainLocation(raw);
      if (!l) {
        const r = v.safeParse(LocationSchema, raw, { lang: ctx.lang });
        if (!r.success) {
          ctx.warn(`${where}.locations[${j}] ${ctx.lang === 'en' ? 'skipped' : 'übersprungen'} – ${r.issues[0].message}`, {
            code: 'item.location',
            path: `${what}[${i}].locations[${j}]`,
            item: p.name,
            severity: 'error',
          });
          return;
        }
        l = r.output;
      }
      const hasPos = l.lat !== undefined && l.lng !== undefined && !(l.lat === 0 && l.lng === 0);
      locations.push({
        street: l.street,
        postalCode: l.postalCode === undefined ? undefined : String(l.postalCode),
        city: l.city,
        lat: hasPos ? l.lat : undefined,
        lon: hasPos ? l.lng : undefined,
      });
    });
    const website = safeUrl(p.website, ctx, `${where}: website`, p.name);
    const benefit = p.benefit;
    const words = [
      p.name,
      pick(benefit, 'de'),
      typeof benefit === 'object' ? benefit.en : '',
      ...locations.flatMap((l) => [l.street, l.postalCode, l.city]),
    ];
    return {
      key: `${p.id ?? i}`,
      name: p.name,
      category: p.category === undefined ? '9' : String(p.category),
      benefit,
      locations,
      website,
      phone: p.phone,
      hours: p.hours,
      ...contact(p, where, ctx, p.name),
      text: words.filter(Boolean).join(' '),
    };
  });
}

/**
 * A partner's folded search text, made at the first search, not while the feed is read: folding
 * (NFD, umlauts) every partner's name, benefit and places ran on the way to the card's first
 * screen, which shows no partner (issue 18).
 */
export const searchText = (partner: Partner): string => (partner.folded ??= fold(partner.text));

/** The programme feed: validates, keeps unknown rules as text, drops unsafe links. */
export function parseProgramme(raw: unknown, ctx: FeedContext): Programme {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'Expected an object with “name”, “tiers” and “partners”.'
        : 'Erwartet wird ein Objekt mit „name“, „tiers“ und „partners“.',
    );
  const feed = parseShape(FeedSchema, raw, 'ehrenamt-card', ctx.lang);
  const tiers = parseItems(TierSchema, feed.tiers, ctx, 'tiers').map((t, i): Tier => {
    const where = `tiers[${i}]`;
    const [colour, ink] = colourOf(t.colour, where, ctx);
    return {
      id: String(t.id),
      name: t.name,
      colour,
      ink,
      validityYears: t.validityYears,
      description: t.description,
      rule: t.rule === undefined ? undefined : normalizeRule(t.rule, `${where}.rule`, ctx),
    };
  });
  const a = feed.apply;
  const apply: Apply | undefined = a && {
    ...a,
    url: safeUrl(a.url, ctx, 'apply.url'),
    formUrl: safeUrl(a.formUrl, ctx, 'apply.formUrl'),
    ...contact(a, 'apply', ctx),
  };
  return {
    name: feed.name,
    issuer: feed.issuer,
    region: feed.region,
    description: feed.description,
    benefits: feed.benefits ?? [],
    weeksPerYear: feed.weeksPerYear ?? 50,
    tiers,
    apply,
    categories: parseCategories(feed.categories, ctx),
    partners: parsePartners(feed.partners, ctx),
  };
}

/** The second feed (`partners-src`): `{ categories?, partners }` or a bare list of partners. */
export function parsePartnerList(raw: unknown, ctx: FeedContext): PartnerList {
  if (Array.isArray(raw)) raw = { partners: raw };
  if (!raw || typeof raw !== 'object')
    throw new FeedError(
      'shape',
      ctx.lang === 'en'
        ? 'Expected a list of partners or an object with “partners”.'
        : 'Erwartet wird eine Liste von Partnern oder ein Objekt mit „partners“.',
    );
  const feed = parseShape(PartnerFeedSchema, raw, 'partners-src', ctx.lang);
  return { categories: parseCategories(feed.categories, ctx), partners: parsePartners(feed.partners, ctx) };
}
