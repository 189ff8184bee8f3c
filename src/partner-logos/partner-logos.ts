import { define } from '../core/define.js';
import { PartnerLogos } from './partner-logos.component.js';

define('partner-logos', PartnerLogos);

declare global {
  interface HTMLElementTagNameMap {
    'partner-logos': PartnerLogos;
  }
}
