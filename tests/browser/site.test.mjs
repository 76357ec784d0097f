// Browser tests of the rungs website, in headless Debian chromium.
// Run through `cargo test` (crates/rungs/tests/cli/browser.rs), which sets
// RUNGS_BIN to the binary under test; or directly:
//   RUNGS_BIN=target/debug/rungs node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
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
  const context = await browser.newContext({ viewport: { width: options.width || 1280, height: 900 }, colorScheme: options.scheme || "light" });
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
  assert.equal(await page.locator("svg.chart").count(), 1);
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
  await page.keyboard.type("negotiate time");
  const first = page.locator("#search-results li a").first();
  await first.waitFor({ timeout: 5000 });
  assert.match(await first.innerText(), /technical debt/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/senior\.html#s-/);
  const hash = await page.evaluate(() => location.hash.slice(1));
  assert.equal(await page.locator(`[id="${hash}"]`).count(), 1);
  await context.close();
});

test("comparing two levels highlights a changed statement, without reloading", async () => {
  const { page, context } = await open("compare/engineering/senior--staff.html");
  assert.match(await page.locator(".summary").innerText(), /new/);
  await page.evaluate(() => { window.notReloaded = true; });
  await page.focus("select[name=a]");
  await page.selectOption("select[name=a]", "engineering-management/senior-manager");
  await page.selectOption("select[name=b]", "engineering-management/director");
  await page.waitForFunction(() => location.hash === "#engineering-management/senior-manager..engineering-management/director");
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  assert.ok(await page.locator("#compare-result tr.changed").count() >= 1);
  assert.ok(await page.locator("#compare-result tr.changed ins, #compare-result tr.changed del").count() >= 1);
  // The in-browser result agrees with the pre-rendered page of the same pair.
  const live = await page.locator("#compare-result .summary").innerText();
  await page.goto(base + "compare/engineering-management/senior-manager--director.html");
  assert.equal(await page.locator("#compare-result .summary").innerText(), live);
  // The shareable URL renders the same pair on load.
  await page.goto(base + "compare/index.html#engineering/senior..engineering-management/manager");
  await page.locator("#compare-result .summary").waitFor();
  assert.match(await page.locator(".compare-levels").innerText(), /Senior Engineer.*Engineering Manager/s);
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
    "tracks/engineering/matrix.html", "compare/engineering/senior--staff.html", "pages/faq.html"]) {
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
      "tracks/engineering/matrix.html", "compare/engineering/senior--staff.html", "pages/introduction.html", "404.html"]) {
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
