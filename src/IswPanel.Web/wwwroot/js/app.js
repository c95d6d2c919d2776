// Progressive enhancement only: every page works without JavaScript. Loaded as a module, so it runs
// only in browsers GOV.UK Frontend supports; no inline script is needed (the CSP forbids it).
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
