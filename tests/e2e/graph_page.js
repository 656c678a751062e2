// Drives a page written by `plinth graph --format html` in Debian's headless Chromium through
// puppeteer-core (which downloads nothing), for test_graph_html.py and scripts/graph-screenshot.sh:
//   node graph_page.js PAGE.html [--click ADDRESS] [--search QUERY] [--screenshot FILE.png]
//                                [--size WIDTHxHEIGHT]
// loads the page from file://, then reports on stdout, as one JSON object: what went wrong
// (console errors, page errors, any request to anything but file:), every node element's
// address and whether it has a box on the page, what zoom and "Fit to screen" did, with --click
// the panel after a real mouse click on that node (the node is first brought into view with the
// search box, as a user would), with --search what the search box matched, and with --screenshot
// a picture of the whole graph fitted to the window (after the click, if any). The browser is
// PLINTH_CHROMIUM, else /usr/bin/chromium-headless-shell or /usr/bin/chromium; puppeteer-core
// comes from NODE_PATH or the global node_modules (scripts/install-deps.sh installs both).
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { pathToFileURL } = require('node:url')

function load_puppeteer() {
  try {
    return require('puppeteer-core')
  } catch (error) {
    const global_modules = path.resolve(process.execPath, '..', '..', 'lib', 'node_modules')
    return require(path.join(global_modules, 'puppeteer-core'))
  }
}

function browser_path() {
  const candidates = [process.env.PLINTH_CHROMIUM, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium']
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate))
  if (!found) throw new Error('no Chromium found: run scripts/install-deps.sh (chromium-headless-shell)')
  return found
}

function parse_arguments(argv) {
  const options = { page: argv[0], size: '1400x900' }
  for (let i = 1; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '')
    if (!['click', 'search', 'screenshot', 'size'].includes(name) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]}`)
    }
    options[name] = argv[i + 1]
  }
  if (!options.page) throw new Error('usage: node graph_page.js PAGE.html [--click ADDRESS] [--search QUERY] ...')
  const [width, height] = options.size.split('x').map(Number)
  options.viewport = { width, height }
  return options
}

// The page's own view of the drawing: every node element and whether it has a box.
function nodes_on_page(page) {
  return page.$$eval('#nodes .node', (groups) => groups.map((group) => {
    const box = group.getBBox()
    return { address: group.dataset.address, drawn: box.width > 0 && box.height > 0 }
  }))
}

function transform(page) {
  return page.$eval('#viewport', (viewport) => viewport.getAttribute('transform'))
}

async function zoom_and_fit(page) {
  const fitted = await transform(page)
  await page.mouse.move(300, 300)
  await page.mouse.wheel({ deltaY: -400 })
  const zoomed = await transform(page)
  await page.click('#fit')
  return { fitted, zoomed, refitted: await transform(page) }
}

async function search_for(page, query) {
  await page.click('#search', { count: 3 })
  await page.keyboard.type(query)
  return page.evaluate(() => ({
    matches: [...document.querySelectorAll('#nodes .node.match')].map((group) => group.dataset.address),
    dimmed: document.querySelectorAll('#nodes .node.dim').length,
    counter: document.getElementById('matches').textContent,
  }))
}

async function clear_search(page) {
  await page.click('#search', { count: 3 })
  await page.keyboard.press('Backspace')
}

// Brings the node into view (search, Enter, Escape), then clicks the middle of its box.
async function click_node(page, address) {
  await search_for(page, address)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await clear_search(page)
  const point = await page.$$eval('#nodes .node', (groups, wanted) => {
    const group = groups.find((candidate) => candidate.dataset.address === wanted)
    if (!group) return null
    const box = group.querySelector('.shape').getBoundingClientRect()
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    const hit = document.elementFromPoint(x, y)
    return { x, y, on_node: hit !== null && hit.closest('.node') === group }
  }, address)
  if (!point) return { found: false }
  await page.mouse.click(point.x, point.y)
  const panel = await page.evaluate(() => {
    const facts = {}
    const terms = document.querySelectorAll('#panel-facts dt')
    for (const term of terms) facts[term.textContent] = term.nextElementSibling.textContent
    const items = (id) => [...document.querySelectorAll(`#${id} button`)].map((button) => button.textContent)
    return {
      open: !document.getElementById('panel').hidden,
      address: document.getElementById('panel-address').textContent,
      facts,
      dependencies: items('panel-dependencies'),
      dependents: items('panel-dependents'),
      values: document.getElementById('panel-values').innerText,
      selected: [...document.querySelectorAll('#nodes .node.selected')].map((group) => group.dataset.address),
    }
  })
  return { found: true, on_node: point.on_node, ...panel }
}

async function main() {
  const options = parse_arguments(process.argv.slice(2))
  const puppeteer = load_puppeteer()
  const report = { console_errors: [], page_errors: [], foreign_requests: [] }
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  const browser = await puppeteer.launch({
    executablePath: browser_path(),
    headless: true,
    pipe: true, // DevTools over a pipe: not even a loopback port
    args: [...(root ? ['--no-sandbox'] : []), '--disable-background-networking', '--disable-component-update'],
  })
  try {
    const page = await browser.newPage()
    await page.setViewport(options.viewport)
    page.on('console', (message) => {
      if (message.type() === 'error') report.console_errors.push(message.text())
    })
    page.on('pageerror', (error) => report.page_errors.push(String(error)))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) report.foreign_requests.push(request.url())
    })
    const started = Date.now()
    await page.goto(pathToFileURL(path.resolve(options.page)).href, { waitUntil: 'load' })
    report.load_ms = Date.now() - started
    report.title = await page.title()
    report.nodes = await nodes_on_page(page)
    report.view = await zoom_and_fit(page)
    if (options.search) {
      report.search = await search_for(page, options.search)
      await clear_search(page)
    }
    if (options.click) report.click = await click_node(page, options.click)
    if (options.screenshot) {
      await page.click('#fit') // the whole graph, beside the panel when a node was clicked
      await page.screenshot({ path: options.screenshot })
    }
  } finally {
    await browser.close()
  }
  process.stdout.write(JSON.stringify(report) + '\n')
}

// Never hangs a test run: a page that does not settle in time is a failure.
setTimeout(() => {
  console.error('graph_page.js: timed out after 60 s')
  process.exit(3)
}, 60000).unref()

main().catch((error) => {
  console.error(error)
  process.exit(2)
})
