// React 19 renders custom elements natively; the package's JSX types make its tags typed there too.
import 'stadttraum/partner-logos.js';
import 'stadttraum/idea-wall.js';

export function Footer({ onLoaded }: { onLoaded: (count: number) => void }) {
  return (
    <footer>
      <partner-logos src="/partner.json" layout="strip" greyscale onst-load={(event) => onLoaded(event.detail.count)} />
      <idea-wall src="/ideen.json" sort="newest" page-size={6} />
      {/* @ts-expect-error a misspelt attribute */}
      <idea-wall srcc="/ideen.json" />
      {/* @ts-expect-error no such layout */}
      <partner-logos layout="carousel" />
    </footer>
  );
}
