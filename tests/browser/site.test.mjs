// Browser tests of the rungs website, in headless Debian chromium.
// Run through `cargo test` (crates/rungs/tests/cli/browser.rs), which sets
// RUNGS_BIN to the binary under test; or directly:
//   RUNGS_BIN=target/debug/rungs node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BIN = process.env.RUNGS_BIN;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BIN) throw new Error("set RUNGS_BIN to the rungs binary");

let browser, server, base, work, framework;

function startServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ["serve", dir, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const m = log.match(/at (http:\/\/[^ ]+\/) /);
      if (m) resolve({ child, url: m[1], log: () => log });
    });
    child.on("exit", (code) => reject(new Error(`rungs serve exited with ${code}: ${log}`)));
    setTimeout(() => reject(new Error(`rungs serve did not start: ${log}`)), 15000);
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "rungs-browser-"));
  framework = join(work, "careers");
  execFileSync(BIN, ["new", framework], { stdio: "ignore" });
  server = await startServer(framework);
  base = server.url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.child.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: options.width || 1280, height: 900 }, colorScheme: options.scheme || "light",
    javaScriptEnabled: options.js !== false });
  const page = await context.newPage();
  const external = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith("file://") && !url.startsWith("data:")) external.push(url);
  });
  await page.goto(path.startsWith("file://") ? path : base + path);
  return { page, context, external };
}

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test("a level page shows its statements, indicators and links", async () => {
  const { page, context, external } = await open("tracks/engineering/senior.html");
  assert.equal(await page.locator("h1").count(), 1);
  assert.match(await page.locator("h1").innerText(), /Senior Engineer/);
  assert.ok(await page.locator("li.statement").count() >= 10);
  // The indicators: a strip at the top, the full chart further down, bars from 0.
  assert.equal(await page.locator(".strip .stack.mini").count(), 1);
  assert.equal(await page.locator("#indicators .split-chart").count(), 1);
  const bar = await page.locator(".split-bar").first().evaluate((el) => {
    const solid = getComputedStyle(el, "::before");
    return { left: parseFloat(solid.left), width: parseFloat(solid.width), of: el.getBoundingClientRect().width };
  });
  assert.ok(bar.left <= 1 && bar.width > 20 && bar.width < bar.of, `the first bar starts at 0 and is long: ${JSON.stringify(bar)}`);
  assert.equal(await page.locator("a.next-change").count(), 1);
  // Examples are collapsed and open on click.
  const details = page.locator("details.examples").first();
  assert.equal(await details.getAttribute("open"), null);
  await details.locator("summary").click();
  assert.notEqual(await details.getAttribute("open"), null);
  assert.deepEqual(external, []);
  await context.close();
});

test("search finds a statement and jumps to its anchor", async () => {
  const { page, context } = await open("index.html");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type("negotiate tme");
  const first = page.locator("#search-results li a").first();
  await first.waitFor({ timeout: 5000 });
  assert.match(await first.innerText(), /technical debt/);
  // A one-letter typo still finds it, and the matched words are marked.
  assert.ok((await first.locator("mark").allInnerTexts()).some((m) => /time/i.test(m)));
  assert.equal(await page.getAttribute("#search-input", "aria-activedescendant"), null);
  await page.keyboard.press("Enter");
  await page.waitForURL(/senior\.html#s-/);
  const hash = await page.evaluate(() => location.hash.slice(1));
  assert.equal(await page.locator(`[id="${hash}"]`).count(), 1);
  await context.close();
});

test("a translated level page: search finds a word inside a Japanese sentence, the switcher leads to the same page, nothing overflows", async () => {
  const { page, context } = await open("ja/tracks/engineering/senior.html");
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  assert.match(await page.locator("h1").innerText(), /シニアエンジニア/);
  // 思いやり stands inside 「コードと設計を、丁寧に、思いやりをもって、素早くレビューする。」
  await page.keyboard.press("/");
  await page.keyboard.type("思いやり");
  const first = page.locator("#search-results li a").first();
  await first.waitFor({ timeout: 5000 });
  assert.match(await first.innerText(), /思いやり/);
  assert.ok((await first.locator("mark").allInnerTexts()).length > 0, "the match is marked");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/ja\/tracks\/.*\.html#s-/);
  const hash = await page.evaluate(() => location.hash.slice(1));
  assert.match(await page.locator(`[id="${hash}"]`).innerText(), /思いやり/);
  // The switcher opens on the same page in German.
  await page.click(".lang-switch summary");
  await page.click(".lang-switch a[hreflang=de]");
  await page.waitForURL(/\/de\/tracks\/engineering\/senior\.html/);
  assert.equal(await page.getAttribute("html", "lang"), "de");
  await context.close();
  for (const width of [390, 1280]) {
    const { page, context } = await open("ja/tracks/engineering/senior.html", { width });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `ja/tracks/engineering/senior.html overflows by ${overflow}px at ${width}px`);
    await context.close();
  }
});

test("comparing two levels highlights a changed statement, without reloading", async () => {
  // A track's comparison page opens on its first step, built from data.js.
  const { page, context } = await open("compare/engineering/index.html");
  await page.locator("#compare-result .summary").waitFor({ timeout: 5000 });
  assert.match(await page.locator(".compare-levels").innerText(), /Associate Engineer.*Engineer/s);
  await page.evaluate(() => { window.notReloaded = true; });
  // A step of the list compares that pair in place.
  await page.locator("a.step-link").nth(2).click();
  await page.waitForFunction(() => location.hash === "#engineering/senior..engineering/staff");
  await page.waitForFunction(() => /Senior Engineer/.test(document.querySelector(".compare-levels").textContent));
  await page.focus("select[name=a]");
  await page.selectOption("select[name=a]", "engineering-management/senior-manager");
  await page.selectOption("select[name=b]", "engineering-management/director");
  await page.waitForFunction(() => location.hash === "#engineering-management/senior-manager..engineering-management/director");
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  assert.ok(await page.locator("#compare-result tr.changed").count() >= 1);
  assert.ok(await page.locator("#compare-result tr.changed ins, #compare-result tr.changed del").count() >= 1);
  // The shareable URL renders the same pair on load, from any comparison page.
  await page.goto(base + "compare/index.html#engineering/senior..engineering-management/manager");
  await page.locator("#compare-result .summary").waitFor();
  assert.match(await page.locator(".compare-levels").innerText(), /Senior Engineer.*Engineering Manager/s);
  // What is new at the higher level is shown, not folded away.
  assert.ok(await page.locator("#compare-result tr.new").count() >= 1, "a manager level has new expectations");
  assert.equal(await page.locator("#compare-result details tr.new").count(), 0);
  await context.close();
});

test("search matches phrases as written, groups results by level and says when nothing matched", async () => {
  const { page, context } = await open("index.html");
  await page.fill("#search-input", "on-call");
  await page.locator("#search-results li a").first().waitFor({ timeout: 5000 });
  const texts = await page.locator("#search-results li[role=option] a").allInnerTexts();
  assert.ok(texts.length >= 1);
  for (const t of texts) assert.match(t, /on-call/i, `"on-call" matched ${t}`);
  const marks = [...new Set((await page.locator("#search-results mark").allInnerTexts()).map((x) => x.toLowerCase()))];
  assert.deepEqual(marks, ["on-call"]);
  // Statements read as text; only the matched words stand out.
  assert.equal(await page.locator("#search-results .text").first().evaluate((el) => getComputedStyle(el).fontWeight), "400");
  // Results come under their level, levels in the order of the ladders.
  await page.fill("#search-input", "mentor");
  await page.locator("#search-results li.group").first().waitFor({ timeout: 5000 });
  const groups = await page.locator("#search-results li.group").allInnerTexts();
  const order = ["Associate Engineer", "Engineer", "Senior Engineer", "Staff Engineer", "Principal Engineer", "Distinguished Engineer"];
  const positions = groups.map((g) => order.findIndex((o) => g.toLowerCase().startsWith(o.toLowerCase() + " ·"))).filter((i) => i >= 0);
  assert.ok(positions.length >= 2, `groups: ${groups}`);
  assert.deepEqual(positions, [...positions].sort((x, y) => x - y), `groups: ${groups}`);
  // Nothing matched: said so, with words to try.
  await page.fill("#search-input", "mentorx-ship");
  await page.locator("#search-results .empty").waitFor({ timeout: 5000 });
  assert.match(await page.locator("#search-results .empty").innerText(), /No results for “mentorx-ship”/);
  assert.ok(await page.locator("#search-results button.suggest").count() >= 1, "words to try");
  await context.close();
});

test("dark mode toggles and is remembered", async () => {
  const { page, context } = await open("index.html");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.click(".theme-toggle");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.notEqual(await background(), light);
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await context.close();
});

test("nothing overflows at 390 px", async () => {
  for (const path of ["index.html", "tracks/engineering/index.html", "tracks/engineering/senior.html",
    "tracks/engineering/matrix.html", "compare/engineering/index.html#engineering/senior..engineering/staff", "pages/faq.html"]) {
    const { page, context } = await open(path, { width: 390 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    await context.close();
  }
  // On a phone the navigation folds behind the Menu button.
  const { page, context } = await open("tracks/engineering/senior.html", { width: 390 });
  assert.equal(await page.locator("#side-nav").isVisible(), false);
  await page.click(".menu-toggle");
  assert.equal(await page.locator("#side-nav").isVisible(), true);
  assert.equal(await page.getAttribute(".menu-toggle", "aria-expanded"), "true");
  await context.close();
});

test("axe-core finds no serious or critical violation", async () => {
  for (const scheme of ["light", "dark"]) {
    for (const path of ["index.html", "tracks/engineering-management/index.html", "tracks/engineering/senior.html",
      "tracks/engineering/matrix.html", "compare/engineering/index.html#engineering/senior..engineering/staff", "pages/introduction.html", "404.html"]) {
      const { page, context } = await open(path, { scheme });
      assert.deepEqual(await axe(page), [], `${path} (${scheme})`);
      await context.close();
    }
  }
});

test("the site works from file:// with search", async () => {
  const out = join(work, "public");
  execFileSync(BIN, ["build", framework, "-o", out], { stdio: "ignore" });
  const { page, context, external } = await open("file://" + join(out, "tracks/engineering/staff.html"));
  const font = await page.evaluate(() => getComputedStyle(document.querySelector(".top")).position);
  assert.equal(font, "sticky", "stylesheet not applied");
  await page.fill("#search-input", "on-call");
  await page.locator("#search-results li a").first().waitFor({ timeout: 5000 });
  assert.deepEqual(external, []);
  await context.close();
});

test("saving a file reloads the page; an error shows an overlay with file:line", async () => {
  const { page, context } = await open("tracks/engineering/senior.html");
  const file = join(framework, "tracks/engineering/senior.md");
  const original = readFileSync(file, "utf8");
  const reloaded = page.waitForEvent("load");
  const savedAt = Date.now();
  writeFileSync(file, original.replace("You review code and designs thoroughly", "You review code, designs and plans thoroughly"));
  await reloaded;
  const elapsed = Date.now() - savedAt;
  assert.match(await page.locator("main").innerText(), /designs and plans thoroughly/);
  assert.ok(elapsed < 1000, `reload took ${elapsed} ms`);
  console.log(`live reload after save: ${elapsed} ms`);

  const again = page.waitForEvent("load");
  writeFileSync(file, original.replace("## Delivery", "## Delivry"));
  await again;
  const overlay = page.locator("#rungs-overlay");
  await overlay.waitFor();
  assert.match(await overlay.innerText(), /tracks\/engineering\/senior\.md:\d+:\d+/);
  assert.match(await overlay.innerText(), /Delivry/);

  const fixed = page.waitForEvent("load");
  writeFileSync(file, original);
  await fixed;
  assert.equal(await page.locator("#rungs-overlay").count(), 0);
  await context.close();
});

// ---- The reading experience, page by page ----

const HEADER_BOTTOM = (page) => page.evaluate(() => document.querySelector(".top").getBoundingClientRect().bottom);

test("a level page shows competencies on the first screen, with sticky navigation and On this page", async () => {
  const { page, context } = await open("tracks/engineering/senior.html");
  const firstStatement = await page.locator("li.statement").first().boundingBox();
  assert.ok(firstStatement && firstStatement.y < 900, `first statement at ${firstStatement?.y}px`);
  // Breadcrumbs name the level, never a rank; the position is in words.
  assert.match(await page.locator(".crumbs").innerText(), /^Home\s+Engineering\s+Senior Engineer$/);
  assert.doesNotMatch(await page.locator("main").innerText(), /Rank \d/);
  assert.match(await page.locator(".strip").innerText(), /Level \d+ of \d+/);
  // The sidebar stays in view and highlights the level; the table of contents follows scrolling.
  await page.mouse.wheel(0, 700);
  await page.waitForTimeout(300);
  const side = await page.locator("#side-nav").boundingBox();
  assert.ok(side && side.y >= 0 && side.y < 100, `sidebar in view after scrolling: ${side?.y}`);
  assert.equal(await page.locator("#side-nav [aria-current=page]").innerText(), "Senior Engineer");
  assert.ok(await page.locator(".toc").isVisible());
  // "On this page" is written by the script: every section, in order, by its heading's words.
  const entries = await page.locator(".toc a").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
  const sections = await page.locator("main section[id]").evaluateAll((ss) =>
    ss.map((s) => ["#" + s.id, s.firstElementChild.firstChild.textContent.trim()]));
  assert.deepEqual(entries, sections);
  const current = await page.locator(".toc a[aria-current]").allInnerTexts();
  assert.equal(current.length, 1);
  assert.notEqual(current[0], "Craft", "the table of contents followed the scroll");
  // Prev/next are cards.
  assert.match(await page.locator(".pager-card.prev").innerText(), /←/);
  assert.match(await page.locator(".pager-card.next").innerText(), /→/);
  await context.close();
});

test("a targeted statement lands below the sticky header and is highlighted", async () => {
  for (const width of [1280, 390]) {
    const { page, context } = await open("tracks/engineering/senior.html", { width });
    const id = await page.locator("li.statement").nth(6).getAttribute("id");
    await page.goto(base + "tracks/engineering/senior.html#" + id);
    await page.waitForTimeout(200);
    const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= (await HEADER_BOTTOM(page)), `#${id} at ${top}px is under the header (${width}px)`);
    const background = await page.locator(`[id="${id}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, "rgba(0, 0, 0, 0)", "the target is highlighted");
    // Permalinks stay quiet until hover or focus.
    const opacity = await page.locator(".area .heading-anchor").first().evaluate((el) => getComputedStyle(el).opacity);
    if (width === 1280) assert.equal(opacity, "0");
    await context.close();
  }
});

test("the phone menu opens wherever the page is scrolled, traps focus and closes on Esc, a link or outside", async () => {
  const { page, context } = await open("tracks/engineering/senior.html", { width: 390 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click(".menu-toggle");
  const panel = await page.locator("#side-nav").boundingBox();
  assert.ok(panel && panel.y <= 1 && panel.height >= 890, `panel fills the screen: ${JSON.stringify(panel)}`);
  assert.ok(await page.locator("#side-nav [aria-current=page]").isVisible(), "the levels are listed, current one visible");
  // Focus stays inside while open.
  for (let i = 0; i < 25; i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.getElementById("side-nav").contains(document.activeElement)), true);
  await page.keyboard.press("Escape");
  await page.locator("#side-nav").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.className), "menu-toggle");
  // A tap outside closes it too.
  await page.click(".menu-toggle");
  await page.mouse.click(380, 450);
  await page.locator("#side-nav").waitFor({ state: "hidden" });
  // Search sits behind an icon on phones.
  assert.equal(await page.locator("#search-input").isVisible(), false);
  await page.click(".search-toggle");
  assert.equal(await page.locator("#search-input").isVisible(), true);
  await context.close();
});

test("the matrix shows whole columns: one level at a time on a phone", async () => {
  const { page, context } = await open("tracks/engineering/matrix.html", { width: 390 });
  const visible = () => page.locator(".matrix thead th:not(.corner)").evaluateAll((ths) => ths.filter((t) => t.offsetParent !== null).map((t) => t.innerText.trim()));
  const first = await visible();
  assert.equal(first.length, 1);
  await page.click(".matrix-next");
  const second = await visible();
  assert.equal(second.length, 1);
  assert.notEqual(second[0], first[0]);
  // The cells come from data.js; each statement's link is invisible until
  // hovered or focused, and leads to the statement on its level's page.
  await page.locator("table.matrix.filled").waitFor({ state: "attached", timeout: 5000 });
  await page.mouse.move(0, 0);
  assert.equal(await page.locator(".cell-link").first().evaluate((el) => getComputedStyle(el).opacity), "0");
  assert.match(await page.locator(".cell-link").first().getAttribute("href"), /\.html#s-/);
  await context.close();
  // Every statement of a level in the grid is the one on its page, in the
  // same order, area by area; examples and sub-statements stay on the page.
  const grid = await open("tracks/engineering/matrix.html");
  await grid.page.locator("table.matrix.filled").waitFor({ state: "attached", timeout: 5000 });
  const column = await grid.page.evaluate(() => {
    const heads = [...document.querySelectorAll(".matrix thead th")];
    const at = heads.findIndex((th) => /senior\.html$/.test(th.querySelector("a")?.getAttribute("href") || ""));
    return [...document.querySelectorAll(".matrix tr[data-area]")].flatMap((tr) =>
      [...(tr.cells[at]?.querySelectorAll("li") || [])].map((li) => li.querySelector(".cell-link").getAttribute("href").split("#")[1]));
  });
  await grid.context.close();
  const level = await open("tracks/engineering/senior.html");
  const onPage = await level.page.evaluate(() =>
    [...document.querySelectorAll("section.area > ul.statements > li[id]")].map((li) => li.id));
  await level.context.close();
  assert.ok(column.length > 3, `the Senior column has ${column.length} statements`);
  assert.deepEqual(column, onPage);
  // On a wide screen every column fits, none is cut off, and headers stick under the page header.
  const wide = await open("tracks/engineering/matrix.html");
  const table = await wide.page.locator("table.matrix").boundingBox();
  assert.ok(table && table.x + table.width <= 1280, "the last column is not cut off");
  await wide.page.mouse.wheel(0, 1500);
  await wide.page.waitForTimeout(200);
  const th = await wide.page.locator(".matrix thead th").nth(1).boundingBox();
  assert.ok(th && Math.abs(th.y - (await HEADER_BOTTOM(wide.page))) < 4, `sticky header at ${th?.y}`);
  await wide.context.close();
});

test("a comparison shows reworded and new statements first and folds the rest, never 'dropped'", async () => {
  const { page, context } = await open("compare/engineering/index.html#engineering/senior..engineering/staff");
  await page.locator("#compare-result .summary").waitFor({ timeout: 5000 });
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /dropped/i);
  assert.match(text, /not restated at Staff Engineer/);
  const folded = page.locator("details.folded").first();
  assert.equal(await folded.getAttribute("open"), null);
  assert.match(await folded.locator("summary").innerText(), /\d+ (not restated|unchanged)/);
  assert.doesNotMatch(await folded.locator("summary").innerText(), /new/);
  // On a phone the change's colour runs down the row's edge, clear of the words.
  await page.setViewportSize({ width: 390, height: 800 });
  const clear = await page.locator("#compare-result tr.changed td, #compare-result tr.new td").first().evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const lefts = [...range.getClientRects()].map((r) => r.left);
    return Math.min(...lefts) - td.closest("tr").getBoundingClientRect().left;
  });
  assert.ok(clear >= 6, `text starts ${clear}px from the row's coloured edge`);
  await context.close();
  // On a phone no "#" sits beside bullets or headings.
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const level = await phone.newPage();
  await level.goto(base + "tracks/engineering/senior.html");
  assert.equal(await level.locator(".heading-anchor:visible, .statement > .anchor:visible").count(), 0);
  await phone.close();
});

test("no page has duplicate ids, and every page reads without JavaScript", async () => {
  for (const path of ["index.html", "tracks/engineering/index.html", "tracks/engineering/senior.html",
    "tracks/engineering/matrix.html", "compare/engineering/index.html#engineering/senior..engineering/staff", "pages/faq.html"]) {
    const { page, context } = await open(path, { js: false, width: 390 });
    const duplicates = await page.evaluate(() => {
      const seen = new Map();
      document.querySelectorAll("[id]").forEach((el) => seen.set(el.id, (seen.get(el.id) || 0) + 1));
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    assert.deepEqual(duplicates, [], path);
    assert.ok(await page.locator("#side-nav").isVisible(), `${path}: navigation readable without JavaScript`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px without JavaScript`);
    if (path.endsWith("matrix.html")) {
      // The grid is drawn by the script; without it the page says so and
      // links every level of the grid, where the same statements are.
      assert.equal(await page.locator("table.matrix").isVisible(), false);
      assert.ok(await page.locator(".no-js-only a[href$='senior.html']").isVisible(), "the levels are linked without JavaScript");
    }
    await context.close();
  }
});

// Text and page count of a PDF, read with pdf.js.
async function pdfText(bytes) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const content = await p.getTextContent();
    const view = p.getViewport({ scale: 1 });
    pages.push({ text: content.items.map((it) => it.str + (it.hasEOL ? "\n" : "")).join(""), landscape: view.width > view.height });
  }
  await doc.destroy();
  return pages;
}

// The printed PDFs are left under target/screenshots/ for reviewers.
const SCREENSHOTS = join(process.env.RUNGS_SCREENSHOTS || join(import.meta.dirname, "..", "..", "target", "screenshots"));
mkdirSync(SCREENSHOTS, { recursive: true });

test("each kind of page prints: no navigation or codes, the footer on every page, the grid in landscape, whole words", async () => {
  const kinds = {
    level: ["tracks/engineering/senior.html", 1, 4, /Senior Engineer/],
    track: ["tracks/engineering/index.html", 1, 3, /The ladder/],
    matrix: ["tracks/engineering/matrix.html", 1, 8, /Distinguished Engineer/],
    compare: ["compare/engineering/index.html#engineering/senior..engineering/staff", 1, 6, /not restated at Staff Engineer/],
    home: ["index.html", 1, 3, /Northwind Engineering Careers/],
    page: ["pages/faq.html", 1, 4, /./],
  };
  for (const [kind, [path, min, max, must]] of Object.entries(kinds)) {
    const { page, context } = await open(path);
    if (kind === "compare") await page.locator("#compare-result .summary").waitFor({ timeout: 5000 });
    if (kind === "matrix") await page.locator("table.matrix.filled").waitFor({ timeout: 5000 });
    await page.emulateMedia({ media: "print" });
    for (const selector of [".top", "#side-nav", ".toc", ".pager"]) {
      assert.equal(await page.locator(selector).isVisible(), false, `${kind}: ${selector} is not printed`);
    }
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(SCREENSHOTS, `${kind}-a4.pdf`), pdf);
    const pages = await pdfText(pdf);
    assert.ok(pages.length >= min && pages.length <= max, `${kind}: ${pages.length} pages`);
    const all = pages.map((p) => p.text).join("\n");
    assert.match(all, must, kind);
    assert.doesNotMatch(all, /#s-|Skip to content|Search statements/, `${kind}: codes or navigation printed`);
    // The footer (the site's name, without a footer setting) is on every page.
    pages.forEach((p, i) => assert.match(p.text, /Northwind Engineering Careers/, `${kind} page ${i + 1} has no footer`));
    if (kind === "matrix") {
      assert.ok(pages.every((p) => p.landscape), "the grid prints in landscape");
      // Whole words: each level's title is printed unbroken.
      const titles = await page.locator(".matrix thead th a").allInnerTexts();
      const flat = all.replace(/\s+/g, " ");
      for (const t of titles) assert.ok(flat.includes(t.trim()), `"${t}" is broken in the printed grid`);
    }
    await context.close();
  }
});

test("with print_codes, statements print with their codes", async () => {
  const dir = join(work, "codes");
  execFileSync(BIN, ["new", dir], { stdio: "ignore" });
  writeFileSync(join(dir, "rungs.toml"), readFileSync(join(dir, "rungs.toml"), "utf8") + "\n[site]\nprint_codes = true\n");
  const out = join(work, "codes-site");
  execFileSync(BIN, ["build", dir, "-o", out], { stdio: "ignore" });
  const { page, context } = await open("file://" + join(out, "tracks/engineering/senior.html"));
  await page.emulateMedia({ media: "print" });
  const pages = await pdfText(await page.pdf({ format: "A4", preferCSSPageSize: true }));
  assert.match(pages.map((p) => p.text).join("\n"), /#s-/);
  await context.close();
});

test("the header never clips, with a logo and five links, from 320 to 1920 px; the dark logo in dark mode", async () => {
  const dir = join(work, "branded");
  execFileSync(BIN, ["new", dir], { stdio: "ignore" });
  mkdirSync(join(dir, "static"), { recursive: true });
  const svg = (fill) => `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="28"><rect width="96" height="28" rx="4" fill="${fill}"/></svg>`;
  writeFileSync(join(dir, "static", "logo.svg"), svg("#123456"));
  writeFileSync(join(dir, "static", "logo-dark.svg"), svg("#eeeeee"));
  const links = [["Blog", "https://blog.example/"], ["Handbook", "https://handbook.example/"], ["Jobs", "https://jobs.example/"],
    ["GitHub", "https://github.com/example/careers"], ["GitLab", "https://gitlab.com/example/careers"]]
    .map(([t, u]) => `\n[[site.links]]\ntitle = "${t}"\nurl = "${u}"\n`).join("");
  writeFileSync(join(dir, "rungs.toml"), readFileSync(join(dir, "rungs.toml"), "utf8") +
    `\n[site]\nlogo = "static/logo.svg"\nlogo_dark = "static/logo-dark.svg"\n${links}`);
  const out = join(work, "branded-site");
  execFileSync(BIN, ["build", dir, "-o", out], { stdio: "ignore" });
  for (const width of [320, 390, 768, 1024, 1280, 1920]) {
    const { page, context } = await open("file://" + join(out, "tracks/engineering/senior.html"), { width });
    const report = await page.evaluate(() => {
      const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden" ? r : null; };
      const parts = [".menu-toggle", ".brand", ".top-links a", ".search", ".search-toggle", ".theme-toggle", ".lang-switch"]
        .flatMap((s) => [...document.querySelectorAll(".top " + s)]).map((el) => [el.className || el.tagName, visible(el)]).filter(([, r]) => r);
      const problems = [];
      parts.forEach(([name, r]) => { if (r.left < 0 || r.right > window.innerWidth + 0.5) problems.push(`${name} outside the window`); });
      for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
        const [a, ra] = parts[i], [b, rb] = parts[j];
        if (ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) problems.push(`${a} overlaps ${b}`);
      }
      const name = document.querySelector(".brand span");
      if (name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1) problems.push("the site's name is cut");
      const header = document.querySelector(".top").getBoundingClientRect();
      const brand = document.querySelector(".top .brand").getBoundingClientRect();
      if (brand.top < header.top - 0.5 || brand.bottom > header.bottom + 0.5) problems.push("the brand leaves the header");
      return { problems, links: [...document.querySelectorAll(".top-links a")].filter(visible).length };
    });
    assert.deepEqual(report.problems, [], `at ${width}px`);
    // Links left out of the header are in the menu.
    if (report.links < 5) {
      if (await page.locator(".menu-toggle").isVisible()) await page.click(".menu-toggle");
      assert.equal(await page.locator(".side-links a:visible").count(), 5, `at ${width}px the links are in the menu`);
    } else {
      assert.ok(width >= 1280, `all five links in the header at ${width}px`);
    }
    await context.close();
  }
  const dark = await open("file://" + join(out, "index.html"), { scheme: "dark" });
  assert.equal(await dark.page.locator(".brand img.logo-dark").isVisible(), true);
  assert.equal(await dark.page.locator(".brand img.logo-light").isVisible(), false);
  assert.equal(await dark.page.locator(".top-links a.icon-github").count(), 1);
  await dark.context.close();
  // No page asks for /favicon.ico.
  const served = await open("index.html");
  const missing = [];
  served.page.on("response", (r) => { if (r.status() >= 400) missing.push(r.url()); });
  await served.page.reload();
  assert.deepEqual(missing, []);
  assert.equal(await served.page.getAttribute("link[rel=icon]", "href"), "data:,");
  await served.context.close();
});

// Layout at two widths in both schemes; screenshots.test.mjs compares how
// each kind of page looks with the approved images.
test("every kind of page fits 1280 and 390 px, light and dark, and search answers on each", async () => {
  const pages = { home: "index.html", track: "tracks/engineering/index.html", level: "tracks/engineering/senior.html",
    matrix: "tracks/engineering/matrix.html", compare: "compare/engineering/index.html#engineering/senior..engineering/staff" };
  for (const width of [1280, 390]) {
    for (const scheme of ["light", "dark"]) {
      for (const [name, path] of Object.entries(pages)) {
        const { page, context } = await open(path, { width, scheme });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} overflows by ${overflow}px at ${width}px`);
        await context.close();
      }
      const { page, context } = await open("index.html", { width, scheme });
      if (width < 640) await page.click(".search-toggle");
      await page.fill("#search-input", "mentr");
      await page.locator("#search-results li a").first().waitFor({ timeout: 5000 });
      // Statements about mentoring are found; within a level they come before its indicators.
      const hrefs = await page.locator("#search-results li[role=option] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.ok(hrefs.some((h) => /#s-/.test(h)), `${hrefs}`);
      await page.keyboard.press("ArrowDown");
      await context.close();
    }
  }
});

test("the site works hosted under a sub-path, with search and comparisons", async () => {
  const out = join(work, "sub-path-site");
  execFileSync(BIN, ["build", framework, "-o", out], { stdio: "ignore" });
  const { createServer } = await import("node:http");
  const { extname } = await import("node:path");
  const types = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json" };
  const http = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith("/careers/")) { res.writeHead(404); res.end(); return; }
    const file = join(out, decodeURIComponent(url.pathname.slice("/careers/".length)) || "index.html");
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
  const at = `http://127.0.0.1:${http.address().port}/careers/`;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failed = [];
    page.on("response", (r) => { if (r.status() >= 400) failed.push(r.url()); });
    await page.goto(at + "tracks/engineering/senior.html");
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".top")).position), "sticky");
    await page.fill("#search-input", "mentor");
    await page.locator("#search-results li a").first().waitFor({ timeout: 5000 });
    await page.goto(at + "compare/index.html#engineering/senior..engineering/staff");
    await page.locator("#compare-result .summary").waitFor({ timeout: 5000 });
    assert.deepEqual(failed, []);
    await context.close();
  } finally {
    http.close();
  }
});

test("a site in German and in Japanese: its words, no overflow at 390 and 1280 px, no axe violation", async () => {
  const words = {
    de: { home: "Startseite", search: "Suchen  /", compare: "geändert", toc: "Auf dieser Seite" },
    ja: { home: "ホーム", search: "検索  /", compare: "変更", toc: "このページの内容" },
  };
  for (const lang of ["de", "ja"]) {
    const dir = join(work, `lang-${lang}`);
    execFileSync(BIN, ["new", dir], { stdio: "ignore" });
    writeFileSync(join(dir, "rungs.toml"), readFileSync(join(dir, "rungs.toml"), "utf8") + `\n[site]\nlanguage = "${lang}"\n`);
    const out = join(work, `lang-${lang}-site`);
    execFileSync(BIN, ["build", dir, "-o", out], { stdio: "ignore" });
    for (const path of ["index.html", "tracks/engineering/index.html", "tracks/engineering/senior.html",
      "tracks/engineering/matrix.html", "compare/engineering/index.html#engineering/senior..engineering/staff", "404.html"]) {
      for (const width of [390, 1280]) {
        const { page, context } = await open("file://" + join(out, path), { width });
        assert.equal(await page.getAttribute("html", "lang"), lang);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${lang} ${path} at ${width} px overflows by ${overflow}px`);
        if (width === 1280) {
          // The 404 page links from the site's root (base_url), not from file://.
          if (path !== "404.html") assert.equal(await page.getAttribute("#search-input", "placeholder"), words[lang].search);
          assert.deepEqual(await axe(page), [], `${lang} ${path}`);
        }
        if (path.startsWith("compare/")) {
          await page.waitForSelector(".summary");
          assert.match(await page.locator(".summary").innerText(), new RegExp(words[lang].compare));
        }
        if (path === "tracks/engineering/senior.html") {
          const text = await page.locator("body").innerText();
          assert.match(text, new RegExp(words[lang].home));
          if (width === 1280) assert.match(text, new RegExp(words[lang].toc, "i"));
        }
        await context.close();
      }
    }
  }
});
