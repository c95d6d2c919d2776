// Builds wwwroot/css/app.css from styles/app.scss and copies GOV.UK Frontend's script and images into
// wwwroot/lib/govuk-frontend. Run by MSBuild before every build that needs it (see IswPanel.Web.csproj).
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const lib = join(root, 'wwwroot', 'lib', 'govuk-frontend')

await mkdir(join(root, 'wwwroot', 'css'), { recursive: true })
const css = sass.compile(join(root, 'styles', 'app.scss'), {
  loadPaths: [join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import']
})
await writeFile(join(root, 'wwwroot', 'css', 'app.css'), css.css)

await mkdir(lib, { recursive: true })
await cp(join(govuk, 'govuk-frontend.min.js'), join(lib, 'govuk-frontend.min.js'))
await cp(join(govuk, 'assets', 'images'), join(lib, 'assets', 'images'), { recursive: true })
console.log('IswPanel client assets built')
