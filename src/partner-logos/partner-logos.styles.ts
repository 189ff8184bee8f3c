import { css } from 'lit';

export default css`
  .group + .group {
    margin-top: 1.5em;
  }
  h2,
  h3,
  h4 {
    font-size: 1em;
    margin: 0 0 0.75em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 1em 2em;
    align-items: center;
  }
  img {
    display: block;
    height: 3.5em;
    width: auto;
  }
`;
