// Browser test of promotions in `rungs server`, in headless Debian
// chromium: Ari assesses herself against Staff Engineer and Mara, her
// manager, shares the assessment (Ari is ready); Mara opens a case, writes
// the narrative and asks two colleagues for feedback; they answer; Mara
// submits; HR opens a calibration session and puts the case in it; a
// committee member comments and votes; the chair (HR) approves; Mara tells
// Ari, who then reads the decision and its reasons and never the
// committee's comment or the recommendation. The chair then closes the
// session, through its confirmation page.
// The browser-level twin of crates/rungs-server/tests/it/promotions.rs.
// Every app page visited is checked with axe-core (no serious or critical
// violations), for console errors and CSP violations; the case page, the
// calibration page and the promotions list are also checked for sideways
// scrolling at 390 and 1280 px. Screenshots go to
// target/screenshots/promo-*.png. On SQLite and, when
// RUNGS_TEST_POSTGRES_URL is set, on PostgreSQL (a fresh database per run).
// Run directly:
//   cd tests/browser && RUNGS_BIN=../../target/debug/rungs node --test promotions.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { servers, startServer as startProcess, stopServer, watchedPage, launchChromium, text, withPostgres } from "./server-process.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BIN = process.env.RUNGS_BIN;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BIN) throw new Error("set RUNGS_BIN to the rungs binary");
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/screenshots");
const PASSWORD = "correct horse battery staple";

// Made-up people: Mara manages Ari and Bo; Dee is a peer from another
// team; Gus and Hal sit on the committee, which Ada (the administrator,
// HR) chairs.
const ROSTER = `Work Email,Full Name,Job Title,Department,Manager Email,Start Date
mara@example.org,Mara Lind,Engineering Manager,Platform,,2020-03-01
ari@example.org,Ari Okafor,Senior Engineer,Platform,mara@example.org,2021-06-15
bo@example.org,Bo Chen,Software Engineer,Platform,mara@example.org,2023-01-09
dee@example.org,Dee Park,Engineering Manager,Payments,,2019-11-11
gus@example.org,Gus Varga,Staff Engineer,Platform,,2018-04-01
hal@example.org,Hal Ibsen,Principal Engineer,Payments,,2017-09-01
`;

let browser;
const work = mkdtempSync(join(tmpdir(), "rungs-promo-browser-"));

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium(chromium, CHROMIUM);
});

after(async () => {
  await browser?.close();
  await Promise.all([...servers].map(stopServer));
  rmSync(work, { recursive: true, force: true });
});


// The browsers, checks and helpers of one server's story (as in
// assessments.test.mjs).
class Session {
  constructor(name, server) {
    this.name = name;
    this.base = server.base;
    this.setup = server.setup;
    this.problems = [];
    this.shot = 0;
    this.contexts = [];
  }

  // A browser of its own (cookies and all) for one person.
  async user(who, options = {}) {
    const context = await browser.newContext({
      viewport: { width: options.width || 1280, height: 900 },
      storageState: options.storageState,
    });
    this.contexts.push(context);
    context.setDefaultTimeout(15000);
    const page = await watchedPage(context, who, this.base, this.problems);
    return { context, page };
  }

  async goto(page, path) {
    const response = await page.goto(path.startsWith("http") ? path : this.base + path.replace(/^\//, ""));
    assert.equal(response.status(), 200, `GET ${path}`);
    return response;
  }

  file(name) {
    this.shot += 1;
    return join(SHOTS, `promo-${this.name}-${String(this.shot).padStart(2, "0")}-${name}.png`);
  }

  // axe-core (serious and critical only) and a full-page screenshot.
  async check(page, name) {
    // Evaluated through the devtools protocol: an inline <script> would be
    // (rightly) refused by the app's CSP.
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    await page.screenshot({ path: this.file(name), fullPage: true });
    assert.deepEqual(serious, [], `axe on ${name} (${page.url()})`);
  }

  // `path` as `page`'s person sees it at 390 and 1280 px: checked,
  // photographed, and no sideways scrolling of the whole page (wide
  // tables scroll inside their own box).
  async widths(page, who, path, name) {
    const storageState = await page.context().storageState();
    for (const width of [390, 1280]) {
      const { page: sized, context } = await this.user(`${who} at ${width}px`, { width, storageState });
      await this.goto(sized, path);
      await this.check(sized, `${width}-${name}`);
      const overflow = await sized.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} (${who}) overflows by ${overflow}px at ${width} px`);
      await context.close();
    }
  }

  // Submits the form holding `button` and waits for the page it leads to
  // (through a redirect, if any); returns that page's response.
  async submit(page, button) {
    const final = page.waitForResponse((r) => r.request().isNavigationRequest()
      && r.request().frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400));
    const loaded = page.waitForEvent("load");
    await button.click();
    const response = await final;
    await loaded;
    return response;
  }

  async signIn(page, email) {
    await this.goto(page, "/app/login");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await this.submit(page, page.getByRole("button", { name: "Sign in" }));
    assert.equal(new URL(page.url()).pathname, "/app", `signed in as ${email}`);
  }

  // The first administrator, through the setup link.
  async admin() {
    const { page } = await this.user("admin");
    await this.goto(page, this.setup);
    await page.fill("#name", "Ada Admin");
    await page.fill("#email", "ada@example.org");
    await page.fill("#password", PASSWORD);
    await this.submit(page, page.locator("main form button[type=submit]"));
    assert.equal(new URL(page.url()).pathname, "/app");
    return page;
  }

  async importRoster(admin) {
    await this.goto(admin, "/app/roster");
    await admin.setInputFiles("#file", { name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(ROSTER) });
    await admin.getByLabel(/Dry run/).uncheck();
    const imported = await this.submit(admin, admin.getByRole("button", { name: "Import" }));
    assert.equal(imported.status(), 200);
    assert.match(await admin.locator("main").innerText(), /Imported/);
  }

  // The admin opens the person's page, records a placement when `level`
  // is given, and makes a password link; the person sets a password and
  // signs in in a browser of their own. Returns that browser's page and
  // the person's id.
  async invite(admin, name, email, level) {
    await this.goto(admin, "/app/people");
    await admin.getByRole("link", { name, exact: true }).click();
    await admin.waitForURL(/\/app\/people\/\d+$/);
    const id = Number(new URL(admin.url()).pathname.split("/").pop());
    if (level) {
      await admin.getByLabel("New level").selectOption(level);
      await admin.getByLabel("From", { exact: true }).fill("2021-06-15");
      await admin.getByLabel("Reason").selectOption("hire");
      const placed = await this.submit(admin, admin.getByRole("button", { name: "Record placement" }));
      assert.equal(placed.status(), 200);
    }
    await this.submit(admin, admin.getByRole("button", { name: "Make a password link" }));
    const link = await admin.locator("main a[href*='/app/reset?token=']").first().getAttribute("href");
    assert.ok(link?.startsWith(this.base + "app/reset?token="), `the page shows the password link: ${link}`);
    const { page } = await this.user(name);
    await this.goto(page, link);
    await page.fill("#password", PASSWORD);
    const set = await this.submit(page, page.locator("main form button[type=submit]"));
    assert.equal(set.status(), 200, "the password is set");
    await this.signIn(page, email);
    return { page, id };
  }

  // Rates every statement of the assessment form `label` and submits.
  async rateAll(page, label) {
    const selects = page.locator("form.app-rate .app-statement select");
    const n = await selects.count();
    assert.ok(n >= 8, `a rating select per statement: ${n}`);
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption({ label });
    const submitted = await this.submit(page, page.getByRole("button", { name: "Submit" }));
    assert.equal(submitted.status(), 200);
    assert.match(await text(page.locator(".app-flash")), /Submitted\./);
  }

  // `path` is "not found" for `page`'s person; the browser's console
  // error about that 404 is expected, not a problem.
  async notFound(page, path, why) {
    const before = this.problems.length;
    const response = await page.goto(this.base + path.replace(/^\//, ""));
    assert.equal(response.status(), 404, why);
    this.problems.splice(before, this.problems.length - before,
      ...this.problems.slice(before).filter((p) => !p.includes("status of 404")));
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
  }
}

// A colleague answers the request found under Promotions.
async function answer(s, page, slug, rating, words) {
  await s.goto(page, "/app/promotions");
  await page.getByRole("link", { name: "Feedback on Ari Okafor" }).click();
  await page.waitForURL(/\/app\/feedback\/\d+$/);
  assert.match(await text(page.locator("main")), /Ari Okafor is considered for Staff Engineer/);
  await s.check(page, `feedback-${slug}`);
  await page.getByLabel("Rating").selectOption({ label: rating });
  await page.getByLabel("What you saw").fill(words);
  const sent = await s.submit(page, page.getByRole("button", { name: "Send feedback" }));
  assert.equal(sent.status(), 200);
  assert.match(await text(page.locator("main")), new RegExp(`You answered: ${rating}\\.`));
  await s.check(page, `feedback-${slug}-answered`);
}

async function story(s) {
  const admin = await s.admin();
  await s.importRoster(admin);
  const { page: ari, id: ariId } = await s.invite(admin, "Ari Okafor", "ari@example.org", "engineering/senior");
  const { page: mara } = await s.invite(admin, "Mara Lind", "mara@example.org");
  const { page: bo } = await s.invite(admin, "Bo Chen", "bo@example.org");
  const { page: dee } = await s.invite(admin, "Dee Park", "dee@example.org");
  const { page: gus } = await s.invite(admin, "Gus Varga", "gus@example.org");

  // ---- Ari rates herself against the next level; Mara rates and shares.
  await ari.getByRole("link", { name: "My growth" }).click();
  await ari.waitForURL(/\/app\/people\/\d+\/growth$/);
  assert.equal(await ari.getByLabel("Assess against").locator("option:checked").innerText(), "Next level: Staff Engineer");
  await s.submit(ari, ari.getByRole("button", { name: "Start an assessment" }));
  const assessment = new URL(ari.url()).pathname;
  assert.match(assessment, /^\/app\/assessments\/\d+$/);
  await s.rateAll(ari, "Consistently");
  await s.goto(mara, assessment);
  await s.rateAll(mara, "Consistently");
  await s.submit(mara, mara.getByRole("button", { name: "Share with Ari Okafor" }));
  assert.equal((await mara.locator(".app-sub .app-state").textContent()).trim(), "shared");

  // ---- Mara opens a case from Ari's page.
  await s.goto(mara, `/app/people/${ariId}`);
  await mara.getByLabel("Open a case for").selectOption("engineering/staff");
  await s.check(mara, "person-ari-by-mara");
  const opened = await s.submit(mara, mara.getByRole("button", { name: "Open a promotion case" }));
  assert.equal(opened.status(), 200);
  const casePath = new URL(mara.url()).pathname;
  assert.match(casePath, /^\/app\/promotions\/\d+$/, `on the new case: ${mara.url()}`);
  let main = await text(mara.locator("main"));
  assert.match(main, /Ari Okafor: promotion to Staff Engineer/);
  assert.match(main, /Draft/);
  assert.match(main, /Before it is submitted, the case needs: a narrative, 2 peer responses \(0 so far\)\./);
  assert.match(await text(mara.locator(".app-readiness, section[aria-labelledby=ready-h]").first()), /Ready/);
  await s.check(mara, "case-draft");

  // Ari does not see a draft about her.
  await s.notFound(ari, casePath, "the person does not find a draft about her");

  // The narrative and recommendation.
  await mara.getByLabel("Narrative").fill("Ari led the storage migration across two teams and mentors two engineers.");
  await mara.getByLabel("Recommendation").fill("Private recommendation: promote, I have seen this for a year.");
  const saved = await s.submit(mara, mara.getByRole("button", { name: "Save" }));
  assert.equal(saved.status(), 200);
  assert.match(await text(mara.locator("section[aria-labelledby=narrative-h]")), /storage migration/);

  // Two colleagues are asked.
  for (const email of ["bo@example.org", "dee@example.org"]) {
    await mara.getByLabel("Colleague (email)").fill(email);
    await mara.getByLabel(/^About/).fill("craft");
    const asked = await s.submit(mara, mara.getByRole("button", { name: "Ask" }));
    assert.equal(asked.status(), 200);
  }
  const peers = await text(mara.locator("section[aria-labelledby=peers-h]"));
  assert.match(peers, /Bo Chen: asked, due \d{4}-\d{2}-\d{2}/);
  assert.match(peers, /Dee Park: asked/);
  await s.check(mara, "case-asked");

  // ---- They answer.
  await answer(s, bo, "bo", "Consistently", "Ari reviews my designs carefully and teaches as she goes.");
  await answer(s, dee, "dee", "Role model", "Ari's migration plan is the one we copied in Payments.");

  // ---- Mara submits.
  await s.goto(mara, casePath);
  main = await text(mara.locator("main"));
  assert.doesNotMatch(main, /Before it is submitted/);
  assert.match(main, /2 answers, average 3\.5 against the manager's 3\.0: peers agree\./);
  await s.widths(mara, "mara", casePath, "case-ready");
  const submitted = await s.submit(mara, mara.getByRole("button", { name: "Submit for calibration" }));
  assert.equal(submitted.status(), 200);
  assert.match(await text(mara.locator(".app-dl")), /State Submitted/);

  // ---- HR opens a session chaired by Ada, with Gus and Hal.
  await s.goto(admin, "/app/calibrations");
  await admin.getByLabel("Name").fill("Spring promotions");
  await admin.getByLabel("Covers").fill("Platform, senior to staff");
  await admin.getByLabel("Chair (email)").fill("ada@example.org");
  await admin.getByLabel("Committee (emails)").fill("gus@example.org\nhal@example.org");
  await s.check(admin, "calibrations");
  const session = await s.submit(admin, admin.getByRole("button", { name: "Open the session" }));
  assert.equal(session.status(), 200);
  const sessionPath = new URL(admin.url()).pathname;
  assert.match(sessionPath, /^\/app\/calibrations\/\d+$/);
  assert.match(await text(admin.locator("main")), /No cases in this session yet/);
  // HR puts the case in it.
  await s.goto(admin, casePath);
  await admin.getByLabel("Calibration session").selectOption({ label: "Spring promotions" });
  const calibrating = await s.submit(admin, admin.getByRole("button", { name: "Put in the session" }));
  assert.equal(calibrating.status(), 200);
  assert.match(await text(admin.locator(".app-dl")), /State In calibration/);
  await s.check(admin, "case-in-calibration-hr");

  // The session side by side.
  await s.goto(admin, sessionPath);
  const row = admin.locator("table tbody tr", { hasText: "Ari Okafor" }).first();
  assert.match(await text(row), /Mara Lind.*Staff Engineer.*Ready/);
  await s.widths(admin, "admin", sessionPath, "calibration");

  // ---- Gus, on the committee, comments and votes.
  await s.goto(gus, casePath);
  assert.match(await text(gus.locator("main")), /Private recommendation/, "the committee reads the recommendation");
  await gus.getByLabel("Comment (the committee's only)").fill("Private: strongest case this round.");
  await gus.getByLabel("Vote", { exact: true }).selectOption("approve");
  const commented = await s.submit(gus, gus.getByRole("button", { name: "Comment" }));
  assert.equal(commented.status(), 200);
  assert.match(await text(gus.locator("section[aria-labelledby=comments-h]")), /Gus Varga voted approve: Private: strongest case/);
  assert.equal(await gus.getByRole("button", { name: "Record" }).count(), 0, "only the chair decides");
  await s.check(gus, "case-committee");

  // ---- The chair approves.
  await s.goto(admin, casePath);
  await admin.getByLabel("Decision", { exact: true }).selectOption("approved");
  await admin.getByLabel("Reasons", { exact: true }).fill("Every area met; peers agree; impact across two teams.");
  const decided = await s.submit(admin, admin.getByRole("button", { name: "Record" }));
  assert.equal(decided.status(), 200);
  assert.match(await text(admin.locator("section[aria-labelledby=decision-h]")), /Decision: Approved Every area met/);
  await s.check(admin, "case-decided");

  // Ari still sees nothing until told.
  await s.notFound(ari, casePath, "not told yet");

  // ---- Mara tells Ari.
  await s.goto(mara, casePath);
  const told = await s.submit(mara, mara.getByRole("button", { name: "Mark as told to Ari Okafor" }));
  assert.equal(told.status(), 200);
  assert.match(await text(mara.locator(".app-dl")), /State Communicated/);

  // ---- Ari reads the decision and its reasons, never the committee's
  // comment or the recommendation.
  await s.goto(ari, "/app/promotions");
  await ari.locator("main").getByRole("link", { name: "Ari Okafor" }).click();
  await ari.waitForURL(new RegExp(`${casePath}$`));
  main = await text(ari.locator("main"));
  assert.match(main, /Decision: Approved/);
  assert.match(main, /Every area met; peers agree; impact across two teams\./);
  assert.match(main, /Effective \d{4}-\d{2}-\d{2}\./);
  assert.doesNotMatch(main, /Private/, "no committee comment, no recommendation");
  assert.doesNotMatch(main, /voted/);
  assert.equal(await ari.locator("#comments-h").count(), 0);
  assert.equal(await ari.locator("#rec-h").count(), 0);
  assert.equal(await ari.locator("main form").count(), 0, "the person has nothing to do on the case");
  await s.widths(ari, "ari", casePath, "case-told-person");
  await s.widths(ari, "ari", "/app/promotions", "promotions-person");
  await s.widths(mara, "mara", "/app/promotions", "promotions-manager");
  await s.widths(admin, "admin", "/app/promotions", "promotions-hr");

  // ---- The chair closes the session: a page says what will happen
  // first, then the session is closed and the case page offers no more
  // comments.
  await s.goto(admin, sessionPath);
  await s.submit(admin, admin.getByRole("button", { name: "Close the session" }));
  assert.match(new URL(admin.url()).pathname, /\/close$/);
  main = await text(admin.locator("main"));
  assert.match(main, /Close the session Spring promotions\?/);
  assert.match(main, /no more comments, votes or decisions/);
  await s.check(admin, "calibration-close-confirm");
  const closed = await s.submit(admin, admin.getByRole("button", { name: "Close Spring promotions" }));
  assert.equal(closed.status(), 200);
  assert.equal(new URL(admin.url()).pathname, sessionPath);
  assert.match(await text(admin.locator("main")), /Closed on \d{4}-\d{2}-\d{2}/);
  assert.equal(await admin.getByRole("button", { name: "Close the session" }).count(), 0);
  await s.check(admin, "calibration-closed");

  assert.deepEqual(s.problems, [], "no console errors, CSP violations or external requests");
}

test("a promotion from case to decision, on SQLite", { timeout: 300000 }, async () => {
  const server = await startProcess(BIN, ["--data", join(work, "sqlite")]);
  const s = new Session("sqlite", server);
  try {
    await story(s);
  } finally {
    await s.close();
    await stopServer(server.child);
  }
});

test("a promotion from case to decision, on PostgreSQL", { timeout: 300000 }, async (t) => {
  await withPostgres(t, "rungs_promo_browser", async (database) => {
    let server;
    try {
      server = await startProcess(BIN, ["--data", join(work, "postgres"), "--database", database]);
      const s = new Session("postgres", server);
      try {
        await story(s);
      } finally {
        await s.close();
      }
    } finally {
      await stopServer(server?.child);
    }
  });
});
