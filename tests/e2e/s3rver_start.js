// Starts @20minutes/s3rver (npm) for the end-to-end tests, which has no command of its own:
//   node s3rver_start.js PORT DIRECTORY [BUCKET ...]
// listens on 127.0.0.1:PORT, keeps objects under DIRECTORY, creates the BUCKETs, and prints
// "s3rver listening on PORT" once it answers. Credentials are s3rver's own: S3RVER / S3RVER; it
// checks SigV4 signatures, so a wrongly signed request fails. Found through NODE_PATH, else in
// the global node_modules beside this node (npm install --global puts it there).
'use strict'
const path = require('node:path')

function load_s3rver() {
  try {
    return require('@20minutes/s3rver')
  } catch (error) {
    const global_modules = path.resolve(process.execPath, '..', '..', 'lib', 'node_modules')
    return require(path.join(global_modules, '@20minutes', 's3rver'))
  }
}

const [port, directory, ...buckets] = process.argv.slice(2)
if (!port || !directory) {
  console.error('usage: node s3rver_start.js PORT DIRECTORY [BUCKET ...]')
  process.exit(2)
}
const S3rver = load_s3rver()
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: true,
  configureBuckets: buckets.map((name) => ({ name })),
})
server.run().then(
  () => console.log(`s3rver listening on ${port}`),
  (error) => {
    console.error(`s3rver failed to start: ${error.message}`)
    process.exit(1)
  }
)
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close().finally(() => process.exit(0)))
