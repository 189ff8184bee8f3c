// A typo in an attribute name: `tsc` has to reject it (the consumer test asserts it does).
import 'stadttraum/idea-wall.js';

export const Misspelt = () => <idea-wall srcc="/ideen.json" />;
