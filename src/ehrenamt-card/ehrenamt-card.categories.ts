import type { LocalText } from './ehrenamt-card.rules.js';

export interface Category {
  id: string;
  label: LocalText;
  /** A hex colour; white text and icons sit on it, so it must be dark enough (≥ 4.5:1). */
  colour: string;
  icon: string;
  /** Other names partners may use for it (e.g. `food` for the app's id 8). */
  aliases?: string[];
}

/**
 * The categories of the Ehrenamtskarte app (github.com/digitalfabrik/entitlementcard: ids and
 * German names from backend/.../create_categories.sql, English names from the app's
 * translations). Ids 10–18 came with the Nürnberg-Pass. The app's own colours are bright, made
 * for dark text; these are the same hues darkened until white text has at least 4.5:1.
 */
export const defaultCategories: Category[] = [
  { id: '0', aliases: ['mobility', 'auto'], label: { de: 'Auto/Zweirad', en: 'Car/bike' }, colour: '#9a5800', icon: 'car' },
  { id: '1', aliases: ['multimedia', 'media'], label: { de: 'Multimedia', en: 'Multimedia' }, colour: '#b3262d', icon: 'media' },
  {
    id: '2',
    aliases: ['health', 'sport'],
    label: { de: 'Gesundheit/Sport/Wellness', en: 'Health/sport/wellness' },
    colour: '#9c1689',
    icon: 'health',
  },
  {
    id: '3',
    aliases: ['culture', 'education'],
    label: { de: 'Bildung/Kultur/Unterhaltung', en: 'Education/culture/entertainment' },
    colour: '#6a1fc2',
    icon: 'culture',
  },
  {
    id: '4',
    aliases: ['services', 'finance'],
    label: { de: 'Dienstleistungen/Finanzen', en: 'Services/finance' },
    colour: '#4d4d4d',
    icon: 'services',
  },
  { id: '5', aliases: ['fashion', 'beauty'], label: { de: 'Mode/Beauty', en: 'Fashion/beauty' }, colour: '#3b7300', icon: 'fashion' },
  { id: '6', aliases: ['home', 'garden'], label: { de: 'Wohnen/Haus/Garten', en: 'Home/house/garden' }, colour: '#00736b', icon: 'home' },
  {
    id: '7',
    aliases: ['leisure', 'travel'],
    label: { de: 'Freizeit/Reise/Unterkünfte', en: 'Leisure/travel/accommodation' },
    colour: '#005fb0',
    icon: 'leisure',
  },
  {
    id: '8',
    aliases: ['food', 'gastronomy'],
    label: { de: 'Essen/Trinken/Gastronomie', en: 'Food/drink/restaurants' },
    colour: '#176577',
    icon: 'food',
  },
  { id: '9', aliases: ['other'], label: { de: 'Sonstiges', en: 'Other' }, colour: '#5a5d63', icon: 'other' },
  { id: '10', aliases: ['lunch'], label: { de: 'Mittagstische', en: 'Lunch offers' }, colour: '#14606f', icon: 'lunch' },
  {
    id: '11',
    aliases: ['clothing', 'second-hand'],
    label: { de: 'Kleidung/Gebrauchtes', en: 'Clothing/Second hand' },
    colour: '#356b00',
    icon: 'clothing',
  },
  {
    id: '12',
    aliases: ['museums'],
    label: { de: 'Kultur/Museen/Freizeit', en: 'Culture/Museums/Leisure' },
    colour: '#5c1fa8',
    icon: 'culture',
  },
  { id: '13', aliases: ['education'], label: { de: 'Bildung', en: 'Education' }, colour: '#8f1480', icon: 'book' },
  {
    id: '14',
    aliases: ['cinema', 'theatre', 'concerts'],
    label: { de: 'Kinos/Theater/Konzerte', en: 'Cinema/Theatre/Concerts' },
    colour: '#a30f52',
    icon: 'ticket',
  },
  {
    id: '15',
    aliases: ['pharmacies', 'pharmacy'],
    label: { de: 'Apotheken/Gesundheit', en: 'Pharmacies/Health' },
    colour: '#0b5aa0',
    icon: 'pharmacy',
  },
  { id: '16', aliases: ['digital'], label: { de: 'Digitale Teilhabe', en: 'Digital participation' }, colour: '#b3261e', icon: 'digital' },
  {
    id: '17',
    aliases: ['sports', 'dance'],
    label: { de: 'Sport/Bewegung/Tanz', en: 'Sports/Movement/Dance' },
    colour: '#00716b',
    icon: 'sport',
  },
  { id: '18', aliases: ['transport', 'mobilitaet'], label: { de: 'Mobilität', en: 'Mobility' }, colour: '#8f5200', icon: 'bus' },
];
