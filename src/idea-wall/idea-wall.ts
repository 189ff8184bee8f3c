import { define } from '../core/define.js';
import { IdeaWall } from './idea-wall.component.js';

define('idea-wall', IdeaWall);

declare global {
  interface HTMLElementTagNameMap {
    'idea-wall': IdeaWall;
  }
}
