// Correct use of the tags in TSX: attributes, properties and events as the JSX types describe them.
import 'stadttraum/idea-wall.js';
import 'stadttraum/mitfahrbank-map.js';

export function Ideas({ onPick }: { onPick: (id: string) => void }) {
  return (
    <section>
      <idea-wall
        src="/ideen.json"
        sort="support"
        layout="list"
        page-size={12}
        theme="auto"
        lang="en"
        onst-idea-select={(event) => onPick(event.detail.id)}
        onst-load={(event) => console.log(event.detail.count.toFixed(0))}
      >
        <a href="/ideen">Alle Ideen</a>
      </idea-wall>
      <mitfahrbank-map src="/baenke.json" view="list" onst-bench-select={(event) => onPick(event.detail.id ?? '')} />
    </section>
  );
}

export function Wrong() {
  // Typed values and handlers: each line below must be an error.
  return (
    <>
      {/* @ts-expect-error no such sort order */}
      <idea-wall sort="alphabetisch" />
      {/* @ts-expect-error the event detail's id is a string */}
      <idea-wall onst-idea-select={(event) => Math.round(event.detail.id)} />
    </>
  );
}
