// Screenshot tests: each kind of page, at the widths the stylesheet's
// breakpoints separate, in light and dark, compared with the approved images
// committed under tests/browser/screenshots/. How to approve new images:
// tests/browser/README.md.
//
// Which images, and why (the budget is a few MB in the repository):
// - the six widths each fall in a different band of the stylesheet:
//   320 (smallest phone), 390 (phone), 768 (tablet, menu folded), 1024 (the
//   side navigation shows, "On this page" does not), 1280 (header links in
//   the header) and 1920 (the content stops growing);
// - the example, which has every feature (three tracks, grades, pages),
//   shows every kind of page at every width in light mode: layout is what
//   breaks, and it breaks per width;
// - the imported ladders bring real content (long titles, long statements,
//   links in the header): their home and level pages at every width, the
//   other kinds at one phone and one desktop width;
// - dark mode at one phone and one desktop width: it changes colours, not
//   layout, so two widths catch a colour left out of the dark palette;
// - only the first viewport, where the layout is decided (header, navigation,
//   title, the start of the content); the rest of each page repeats it;
// - images are kept in 16 shades of grey: colour adds nothing to where
//   things are, and a PNG in grey is a third of the size. A missing dark
//   colour still shows, as a light area.
// Three sites: the embedded example, and the InfraCloud and GitLab ladders
// imported from ../shared/fixtures (read at run time, skipped when absent).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

const BIN = process.env.RUNGS_BIN;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BIN) throw new Error("set RUNGS_BIN to the rungs binary");
const APPROVE = process.env.RUNGS_APPROVE_SCREENSHOTS === "1";
const APPROVED = join(import.meta.dirname, "screenshots");
const FIXTURES = process.env.RUNGS_FIXTURES || join(import.meta.dirname, "..", "..", "..", "shared", "fixtures");
// Actual and diff images of a mismatch go here (cargo sets RUNGS_TMP to the
// build's tmp directory, target/tmp).
const OUT = join(process.env.RUNGS_TMP || tmpdir(), "screenshots");

// A pixel differs when its colour is further than THRESHOLD from the
// approved one (pixelmatch's YIQ distance, 0 to 1), anti-aliased edges not
// counted; an image fails when more than MAX_DIFFERING of its pixels differ.
// Font rendering noise stays well under it; a block moved by a few pixels
// moves every line of text below it and fails by a wide margin.
const THRESHOLD = 0.1;
const MAX_DIFFERING = 0.001;

const WIDTHS = [320, 390, 768, 1024, 1280, 1920];
const HEIGHTS = { 320: 568, 390: 844, 768: 1024, 1024: 768, 1280: 800, 1920: 1080 };
const FEW_WIDTHS = [390, 1280];
const KINDS = ["home", "track", "level", "grid", "compare", "search"];

// The screenshots of a site: [kind, width, scheme].
function plan(site) {
  const shots = [];
  for (const width of WIDTHS) {
    for (const kind of KINDS) {
      if (site.everyWidth.includes(kind) || FEW_WIDTHS.includes(width)) shots.push([kind, width, "light"]);
    }
  }
  for (const width of FEW_WIDTHS) for (const kind of site.dark) shots.push([kind, width, "dark"]);
  return shots;
}

// Each page, and the word searched for on the search screenshot.
const SITES = {
  example: {
    make: (dir) => execFileSync(BIN, ["new", dir], { stdio: "ignore" }),
    pages: { home: "index.html", track: "tracks/engineering/index.html", level: "tracks/engineering/senior.html",
      grid: "tracks/engineering/matrix.html", compare: "compare/engineering/index.html" },
    search: "mentr",
    everyWidth: KINDS,
    dark: KINDS,
  },
  infracloud: {
    fixture: "infracloud-career-ladders",
    pages: { home: "index.html", track: "tracks/engineering/index.html", level: "tracks/engineering/senior-engineer.html",
      grid: "tracks/engineering/matrix.html", compare: "compare/engineering/index.html" },
    search: "mentoring",
    everyWidth: ["home", "level"],
    dark: ["level"],
  },
  gitlab: {
    fixture: "gitlab-handbook-careers",
    pages: { home: "index.html", track: "tracks/infrastructure/index.html", level: "tracks/infrastructure/senior.html",
      grid: "tracks/infrastructure/matrix.html", compare: "compare/infrastructure/index.html" },
    search: "mentor",
    everyWidth: ["home", "level"],
    dark: ["level"],
  },
};

// Animations, transitions and the caret are switched off; the page is shot
// once its fonts are loaded and two frames have been drawn.
const STILL = "*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }";

let browser, work;

before(async () => {
  work = mkdtempSync(join(tmpdir(), "rungs-shots-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-color-profile=srgb",
      "--font-render-hinting=none"],
  });
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function build(name, site) {
  const source = join(work, name);
  if (site.fixture) {
    execFileSync(BIN, ["import", "hugo", join(FIXTURES, site.fixture), source], { stdio: "ignore" });
  } else {
    site.make(source);
  }
  const out = join(work, `${name}-site`);
  execFileSync(BIN, ["build", source, "-o", out], { stdio: "ignore" });
  return out;
}

async function shoot(out, path, width, scheme, search) {
  const context = await browser.newContext({ viewport: { width, height: HEIGHTS[width] }, deviceScaleFactor: 1,
    colorScheme: scheme, reducedMotion: "reduce" });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, path)).href);
    await page.addStyleTag({ content: STILL });
    if (path.startsWith("compare/")) await page.locator("#compare-result .summary").waitFor({ timeout: 5000 });
    if (path.endsWith("matrix.html")) await page.locator("table.matrix.filled").waitFor({ timeout: 5000 });
    if (search) {
      if (width < 640) await page.click(".search-toggle");
      await page.fill("#search-input", search);
      await page.locator("#search-results li a").first().waitFor({ timeout: 5000 });
    }
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return grey(PNG.sync.read(await page.screenshot({ animations: "disabled", caret: "hide" })));
  } finally {
    await context.close();
  }
}

// The image in 16 shades of grey (still RGBA, as pixelmatch reads it). Two
// neighbouring shades are 17 apart, below what pixelmatch counts as a
// difference at THRESHOLD, so a pixel that rounds the other way is not one.
function grey(png) {
  const d = png.data;
  for (let i = 0; i < d.length; i += 4) {
    const y = Math.round((0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]) / 17) * 17;
    d[i] = d[i + 1] = d[i + 2] = y;
    d[i + 3] = 255;
  }
  return png;
}

const write = (png) => PNG.sync.write(png, { colorType: 0, deflateLevel: 9 });

// Compares one image with its approved copy; returns a failure message or null.
function compare(name, actual, approvedPath) {
  if (APPROVE) {
    writeFileSync(approvedPath, write(actual));
    return null;
  }
  if (!existsSync(approvedPath)) {
    return `${name}: no approved image ${relative(process.cwd(), approvedPath)} (approve with RUNGS_APPROVE_SCREENSHOTS=1)`;
  }
  const approved = PNG.sync.read(readFileSync(approvedPath));
  const dir = join(OUT, name.split("/")[0]);
  const base = join(OUT, name);
  if (approved.width !== actual.width || approved.height !== actual.height) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${base}.actual.png`, write(actual));
    return `${name}: ${actual.width}×${actual.height}, approved ${approved.width}×${approved.height}; actual: ${base}.actual.png`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(approved.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
  const share = differing / (actual.width * actual.height);
  if (share <= MAX_DIFFERING) return null;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${base}.actual.png`, write(actual));
  writeFileSync(`${base}.diff.png`, PNG.sync.write(diff, { colorType: 2 }));
  return `${name}: ${(share * 100).toFixed(2)}% of pixels differ (at most ${(MAX_DIFFERING * 100).toFixed(2)}%); actual: ${base}.actual.png, diff: ${base}.diff.png`;
}

for (const [name, site] of Object.entries(SITES)) {
  test(`${name}: every kind of page looks as approved, 320 to 1920 px, light and dark`, async (t) => {
    if (site.fixture && !existsSync(join(FIXTURES, site.fixture))) {
      assert.notEqual(process.env.RUNGS_REQUIRE_ALL, "1", `RUNGS_REQUIRE_ALL=1 but ${FIXTURES}/${site.fixture} is missing`);
      t.skip(`${FIXTURES}/${site.fixture} is not present`);
      return;
    }
    const out = build(name, site);
    const dir = join(APPROVED, name);
    mkdirSync(dir, { recursive: true });
    const pages = { ...site.pages, search: site.pages.level };
    const failures = [];
    const taken = new Set();
    for (const [kind, width, scheme] of plan(site)) {
      const file = `${kind}-${width}-${scheme}`;
      taken.add(`${file}.png`);
      const actual = await shoot(out, pages[kind], width, scheme, kind === "search" ? site.search : null);
      const failure = compare(`${name}/${file}`, actual, join(dir, `${file}.png`));
      if (failure) failures.push(failure);
    }
    // Approving also removes images no test takes any more.
    if (APPROVE) {
      for (const f of readdirSync(dir)) if (!taken.has(f)) unlinkSync(join(dir, f));
    }
    assert.deepEqual(failures, [], `${failures.length} of ${taken.size} screenshots differ from the approved images:\n${failures.join("\n")}`);
  });
}
