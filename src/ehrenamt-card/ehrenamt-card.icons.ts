/**
 * Stroke icons on a 24×24 grid; feeds pick a category's icon by name. A lazy chunk of
 * <ehrenamt-card>: they are decoration (aria-hidden), so the partners need not wait for them.
 */
export const icons: Record<string, string> = {
  car: 'M4 12l2-5h12l2 5v5H4zM4 12h16M7 17v2M17 17v2M7.5 14.5h1M15.5 14.5h1',
  bike: 'M2 16a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0M15 16a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0M5.5 16l3.5-7h6l3.5 7M9 9l3.5 7M14 6h2l-1 3',
  media: 'M3 5h18v11H3zM8 20h8M12 16v4',
  health: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5a4 4 0 0 1 7 2.5c0 5.5-7 10-7 10zM9 11h6M12 8v6',
  culture: 'M3 9l9-5 9 5M5 9v9M9.5 9v9M14.5 9v9M19 9v9M3 20h18',
  book: 'M4 5h6a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H4zM20 5h-6a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h6z',
  services: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16',
  fashion: 'M9 4l3 2 3-2 5 3-2 4-2-1v10H8V10l-2 1-2-4z',
  home: 'M4 11l8-7 8 7M6 9.5V20h12V9.5M10 20v-5h4v5',
  leisure: 'M12 7a5 5 0 1 0 0 10a5 5 0 1 0 0-10M12 2v2M12 20v2M2 12h2M20 12h2M5 5l1.5 1.5M17.5 17.5L19 19M5 19l1.5-1.5M17.5 6.5L19 5',
  food: 'M6 3v7a2 2 0 0 0 2 2v9M10 3v7a2 2 0 0 1-2 2M8 3v6M17 21V3c-2 1-3 4-3 8h3',
  swim: 'M2 17c2.5 2 4.5 2 7 0s4.5-2 7 0 4.5 2 6 0M7 14V5a2 2 0 0 1 4 0M13 14V5a2 2 0 0 1 4 0M7 9h10',
  lunch: 'M12 7a5 5 0 1 0 0 10a5 5 0 1 0 0-10M3 4v5a1.5 1.5 0 0 0 3 0V4M4.5 9v11M21 4c-1.5 1-2 3-2 6h2v10',
  clothing: 'M12 8a2 2 0 1 1 2-2c0 1.2-2 1.4-2 2.5l-8.5 6.2c-.8.6-.4 1.3.5 1.3h16c.9 0 1.3-.7.5-1.3L12 8.5',
  ticket: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM15 7v10',
  pharmacy: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  digital: 'M6 3h12v18H6zM11 18h2',
  sport: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M5.5 6c4 3 9 3 13 0M5.5 18c4-3 9-3 13 0',
  bus: 'M5 4h14v13H5zM5 11h14M8 17v3M16 17v3M8 14h1M15 14h1',
  pin: 'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11zM12 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5',
  other: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.5 6.7 19.4l1.2-6L3.4 9.3l6-.7z',
};
