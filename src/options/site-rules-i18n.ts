/** The words of the settings page's "Sites you taught" section (src/options/SiteRules.tsx): part `sites` of messages/catalogue.yaml. */
export { en, nl } from '../i18n/sites.generated.js';
