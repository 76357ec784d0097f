// Browser test of assessments in `rungs server`, in headless Debian chromium:
//   1. self-assessment → manager assessment → shared view with the
//      disagreement highlighted → acknowledgment (locked) → printable page;
//   2. the ladder edited in git between two assessments: ratings carried,
//      reworded (with the word diff), moved, removed, new statements unrated;
//   3. a growth plan from the next level's gaps, and a 1-on-1 note.
// The browser-level twin of crates/rungs-server/tests/it/assessments.rs.
// Every app page visited is checked with axe-core, for console errors and
// CSP violations; screenshots go to target/screenshots/assess-*.png.
// Run directly:
//   cd tests/browser && RUNGS_BIN=../../target/debug/rungs node --test assessments.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { servers, startServer as startProcess, stopServer, watchedPage, launchChromium, text } from "./server-process.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BIN = process.env.RUNGS_BIN;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BIN) throw new Error("set RUNGS_BIN to the rungs binary");
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/screenshots");
const PASSWORD = "correct horse battery staple";

// Made-up people: Mara manages Bo and Ari; Dee manages nobody here.
const ROSTER = `Work Email,Full Name,Job Title,Department,Manager Email,Start Date
mara@example.org,Mara Lind,Engineering Manager,Platform,,2020-03-01
ari@example.org,Ari Okafor,Senior Engineer,Platform,mara@example.org,2021-06-15
bo@example.org,Bo Chen,Software Engineer,Platform,mara@example.org,2023-01-09
dee@example.org,Dee Park,Engineering Manager,Payments,,2019-11-11
`;

let browser;
const work = mkdtempSync(join(tmpdir(), "rungs-assess-browser-"));

const startServer = (args) => startProcess(BIN, args);

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium(chromium, CHROMIUM);
});

after(async () => {
  await browser?.close();
  await Promise.all([...servers].map(stopServer));
  rmSync(work, { recursive: true, force: true });
});

// App bugs this test found, tolerated where marked (`check(page, name,
// [id])`) so that the rest of the story runs; each is printed as
// "# known app bug" when met. Remove an entry once the app is fixed.
const KNOWN_BUGS = {};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The browsers, checks and helpers of one server's story (as in
// server.test.mjs).
class Session {
  constructor(name, server) {
    this.name = name;
    this.base = server.base;
    this.setup = server.setup;
    this.problems = [];
    this.shot = 0;
    this.contexts = [];
    this.known = [];
  }

  // A browser of its own (cookies and all) for one person.
  async user(who, options = {}) {
    const context = await browser.newContext({
      viewport: { width: options.width || 1280, height: 900 },
      colorScheme: options.scheme || "light",
      storageState: options.storageState,
    });
    this.contexts.push(context);
    context.setDefaultTimeout(15000);
    const page = await watchedPage(context, who, this.base, this.problems);
    return { context, page };
  }

  // The same person in another browser window of `width` pixels.
  async resized(page, who, width) {
    const storageState = await page.context().storageState();
    return (await this.user(`${who} at ${width}px`, { width, storageState })).page;
  }

  async goto(page, path) {
    const response = await page.goto(path.startsWith("http") ? path : this.base + path.replace(/^\//, ""));
    assert.equal(response.status(), 200, `GET ${path}`);
    return response;
  }

  file(name) {
    this.shot += 1;
    return join(SHOTS, `assess-${this.name}-${String(this.shot).padStart(2, "0")}-${name}.png`);
  }

  // axe-core (serious and critical only) and a full-page screenshot.
  // `known` names app bugs (keys of KNOWN_BUGS) tolerated on this page:
  // they are reported (see `this.known`), not failed on.
  async check(page, name, known = []) {
    // Evaluated through the devtools protocol: an inline <script> would be
    // (rightly) refused by the app's CSP.
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const describe = (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`;
    if (process.env.AXE_VERBOSE) {
      for (const v of result.violations) console.log(`# axe ${v.impact} on ${name}: ${describe(v)}`);
    }
    const serious = [];
    for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      if (known.includes(v.id)) this.known.push(`${name}: ${describe(v)} [${KNOWN_BUGS[v.id]}]`);
      else serious.push(describe(v));
    }
    await page.screenshot({ path: this.file(name), fullPage: true });
    assert.deepEqual(serious, [], `axe on ${name} (${page.url()})`);
  }

  // A check the app fails today because of a bug named in KNOWN_BUGS:
  // reported, not failed on.
  bug(ok, key, detail) {
    if (!ok) this.known.push(`${detail} [${KNOWN_BUGS[key]}]`);
  }

  // At a phone's width: checked, photographed, and no sideways scrolling
  // of the whole page (wide tables scroll inside their own box).
  async phone(page, who, path, name, known = []) {
    const narrow = await this.resized(page, who, 390);
    await this.goto(narrow, path);
    await this.check(narrow, `390-${name}`, known);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0 && known.includes("page-overflow")) {
      this.known.push(`390-${name}: ${path} overflows by ${overflow}px [${KNOWN_BUGS["page-overflow"]}]`);
    } else {
      assert.ok(overflow <= 0, `${path} (${who}) overflows by ${overflow}px at 390 px`);
    }
    await narrow.context().close();
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

  async signIn(page, email, name) {
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
  // is given ("engineering/engineer"), and makes a password link; the
  // person opens it in a browser of their own, sets a password and signs in.
  async invite(admin, name, email, slug, level) {
    await this.goto(admin, "/app/people");
    await admin.getByRole("link", { name, exact: true }).click();
    await admin.waitForURL(/\/app\/people\/\d+$/);
    const person = admin.url();
    if (level) {
      await admin.getByLabel("New level").selectOption(level);
      await admin.getByLabel("From", { exact: true }).fill("2023-01-09");
      await admin.getByLabel("Reason").selectOption("hire");
      const placed = await this.submit(admin, admin.getByRole("button", { name: "Record placement" }));
      assert.equal(placed.status(), 200);
      assert.equal(admin.url(), person);
      assert.match(await admin.locator("main").innerText(), /Engineer/);
      await this.check(admin, `person-${slug}-placed`);
    }
    const made = await this.submit(admin, admin.getByRole("button", { name: "Make a password link" }));
    assert.equal(made.status(), 200);
    const link = await admin.locator("main a[href*='/app/reset?token=']").first().getAttribute("href");
    assert.ok(link?.startsWith(this.base + "app/reset?token="), `the page shows the password link: ${link}`);

    const { page } = await this.user(name);
    await this.goto(page, link);
    await page.fill("#password", PASSWORD);
    const set = await this.submit(page, page.locator("main form button[type=submit]"));
    assert.equal(set.status(), 200, "the password is set");
    await this.signIn(page, email, slug);
    return page;
  }

  // The rating selects of the form, one per statement, in page order.
  async statements(page) {
    const blocks = page.locator("form.app-rate .app-statement");
    const out = [];
    for (let i = 0; i < await blocks.count(); i++) {
      const block = blocks.nth(i);
      const id = (await block.getAttribute("id")).replace(/^s-/, "");
      out.push({ id, block, text: await text(block.locator(".app-statement-text")), select: block.locator("select") });
    }
    return out;
  }

  async close() {
    for (const k of this.known) console.log(`# known app bug: ${k}`);
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
  }
}

// Opens an assessment from the person's own growth page, against the level
// the select offers first (the next one); returns its id.
async function startAssessment(s, page, expectedLevel, slug) {
  await page.getByRole("link", { name: "My growth" }).click();
  await page.waitForURL(/\/app\/people\/\d+\/growth$/);
  assert.equal(await page.locator("h1").innerText(), "My growth");
  const select = page.getByLabel("Assess against");
  assert.equal(await select.locator("option:checked").innerText(), `Next level: ${expectedLevel}`);
  await s.check(page, `growth-${slug}-empty`);
  const opened = await s.submit(page, page.getByRole("button", { name: "Start an assessment" }));
  assert.equal(opened.status(), 200);
  const id = Number(new URL(page.url()).pathname.match(/^\/app\/assessments\/(\d+)$/)?.[1]);
  assert.ok(id > 0, `on the new assessment: ${page.url()}`);
  return id;
}

test("self-assessment, manager's assessment, shared view, acknowledgment; then a growth plan", { timeout: 240000 }, async () => {
  const server = await startServer(["--data", join(work, "story")]);
  const s = new Session("story", server);
  try {
    const admin = await s.admin();
    await s.importRoster(admin);
    const bo = await s.invite(admin, "Bo Chen", "bo@example.org", "bo", "engineering/engineer");
    const mara = await s.invite(admin, "Mara Lind", "mara@example.org", "mara");

    // ---- Story 1: Bo assesses himself against the next level.
    const id = await startAssessment(s, bo, "Senior Engineer", "bo");
    const path = `/app/assessments/${id}`;
    let main = await text(bo.locator("main"));
    assert.match(bo.url(), new RegExp(`${escape(path)}$`));
    assert.match(main, /Bo Chen: Senior Engineer/);
    assert.match(main, /draft/);
    assert.match(main, /Your self-assessment/);
    assert.match(main, /Readiness shows once the assessment is shared/);
    await s.check(bo, "assessment-self-draft");

    let rows = await s.statements(bo);
    assert.ok(rows.length >= 8, `a statement per rating select: ${rows.length}`);
    const first = rows[0];
    assert.match(first.text, /You design components and services/);
    // The select offers the scale, "Not rated" first.
    const options = (await first.select.locator("option").allInnerTexts()).map((o) => o.trim());
    assert.deepEqual(options.slice(0, 5), ["Not rated", "Not yet", "Sometimes", "Consistently", "Role model"]);
    // Bo: "Consistently" on the first statement, "Sometimes" on the
    // second, "Consistently" on the rest; a comment and evidence on the first.
    for (const [i, row] of rows.entries()) {
      await row.select.selectOption({ label: i === 1 ? "Sometimes" : "Consistently" });
    }
    await first.block.getByLabel("Comment").fill("I designed the storage API and wrote its design doc.");
    await first.block.getByLabel("Evidence").fill("https://git.example.org/pr/1");
    // A draft first: saved, still editable.
    let saved = await s.submit(bo, bo.getByRole("button", { name: "Save draft" }));
    assert.equal(saved.status(), 200);
    assert.match(await text(bo.locator(".app-flash")), new RegExp(`Saved \\(${rows.length} changed\\)\\.`));
    rows = await s.statements(bo);
    assert.equal(await rows[0].select.locator("option:checked").innerText(), "Consistently", "the draft keeps the rating");
    assert.equal(await rows[0].block.getByLabel("Evidence").inputValue(), "https://git.example.org/pr/1");
    await s.check(bo, "assessment-self-saved");
    // Then submitted: final, and the manager's side is hidden until shared.
    const submitted = await s.submit(bo, bo.getByRole("button", { name: "Submit" }));
    assert.equal(submitted.status(), 200);
    assert.match(await text(bo.locator(".app-flash")), /Submitted\./);
    assert.equal(await bo.locator("form.app-rate").count(), 0, "no more rating form once submitted");
    main = await text(bo.locator("main"));
    assert.match(main, /Self-assessment: submitted; manager's: not submitted yet\./);
    assert.doesNotMatch(main, /Ratings differ/);
    assert.equal(await bo.locator("table.app-sxs thead th", { hasText: "Manager" }).count(), 0);
    await s.check(bo, "assessment-self-submitted");

    // ---- Mara finds it from the team heatmap: Bo has nothing shared yet,
    // his name leads to his growth page and its list of assessments.
    await mara.getByRole("link", { name: "Team", exact: true }).click();
    await mara.waitForURL(/\/app\/team$/);
    const boRow = mara.locator("table.app-heatmap tr", { hasText: "Bo Chen" });
    assert.match(await text(boRow), /none shared/);
    await s.check(mara, "team-before");
    await boRow.getByRole("link", { name: "Bo Chen" }).click();
    await mara.waitForURL(/\/app\/people\/\d+\/growth$/);
    assert.match(await text(mara.locator("h1")), /Growth · Bo Chen/);
    await s.check(mara, "growth-bo-by-mara");
    await mara.locator(`#assess-h ~ .app-scroll a[href="${path}"]`).click();
    await mara.waitForURL(new RegExp(`${escape(path)}$`));
    main = await text(mara.locator("main"));
    assert.match(main, /Your assessment of Bo Chen/);
    assert.doesNotMatch(main, /storage API/, "Bo's comment stays hidden until shared");
    await s.check(mara, "assessment-manager-draft");

    // She rates "Not yet" on the first statement (a disagreement),
    // "Sometimes" on the second and "Consistently" on the rest (as Bo did).
    rows = await s.statements(mara);
    for (const [i, row] of rows.entries()) {
      await row.select.selectOption({ label: ["Not yet", "Sometimes"][i] || "Consistently" });
    }
    await rows[0].block.getByLabel("Comment").fill("The storage API design was Ari's; let's find you the next one.");
    const managerSubmitted = await s.submit(mara, mara.getByRole("button", { name: "Submit" }));
    assert.equal(managerSubmitted.status(), 200);
    assert.match(await text(mara.locator(".app-flash")), /Submitted\./);
    const share = mara.getByRole("button", { name: "Share with Bo Chen" });
    assert.equal(await share.count(), 1, "both submitted: the manager may share");
    await s.check(mara, "assessment-manager-submitted");
    const shared = await s.submit(mara, share);
    assert.equal(shared.status(), 200);
    assert.match(mara.url(), new RegExp(`${escape(path)}$`));
    assert.equal((await mara.locator(".app-sub .app-state").textContent()).trim(), "shared");
    assert.equal(await mara.getByRole("button", { name: "Acknowledge" }).count(), 0, "only Bo acknowledges");
    await s.check(mara, "assessment-manager-shared");

    // ---- Bo sees both columns, the disagreement and the readiness.
    await s.goto(bo, path);
    main = await text(bo.locator("main"));
    assert.match(main, /1 statement rated differently by Bo Chen and Mara Lind\./);
    const craft = bo.locator("table.app-sxs", { has: bo.locator("caption", { hasText: "Craft" }) });
    assert.deepEqual((await craft.locator("thead th").allInnerTexts()).map((t) => t.trim()), ["Statement", "Self", "Manager"]);
    assert.match(await text(craft.locator("caption")), /1 differ/);
    const differ = bo.locator("tr.app-disagree");
    assert.equal(await differ.count(), 1, "one row highlighted");
    const cells = differ.locator("td");
    assert.match(await text(cells.nth(0)), /You design components and services.*Ratings differ/);
    assert.match(await text(cells.nth(1)), /Consistently.*I designed the storage API.*Evidence: https:\/\/git\.example\.org\/pr\/1/);
    assert.match(await text(cells.nth(2)), /Not yet.*Ari's/);
    // The highlight is more than colour: the words "Ratings differ".
    assert.equal(await differ.locator("strong.app-differs").innerText(), "Ratings differ");
    const agreeing = craft.locator("tbody tr:not(.app-disagree)").first();
    assert.doesNotMatch(await text(agreeing), /Ratings differ/);
    // Readiness, with its reasons, from the manager's ratings.
    const readiness = bo.locator("section", { has: bo.locator("#ready-h") });
    assert.match(await text(readiness.locator(".app-readiness")), /Not yet ready: not yet met in Craft/);
    assert.match(await text(readiness), /The rule: /);
    const craftReason = readiness.locator("tbody tr", { has: bo.locator("th", { hasText: /^Craft$/ }) });
    assert.match(await text(craftReason.locator("td").nth(1)), /^Not yet$/);
    assert.ok((await text(craftReason.locator("td").nth(2))).length > 0, "the reason is given in words");
    const delivery = readiness.locator("tbody tr", { has: bo.locator("th", { hasText: /^Delivery$/ }) });
    assert.match(await text(delivery.locator("td").nth(1)), /^Met$/, "Delivery: all 'Consistently' from Mara");
    const traits = bo.locator("table.app-sxs", { has: bo.locator("caption", { hasText: "Traits" }) });
    const trait = await text(traits.locator("tbody tr").first().locator("td").first());
    assert.ok(/Tenacity/.test(trait), `Traits row reads "${trait}"`);
    await s.check(bo, "assessment-shared-employee");
    await s.phone(bo, "bo", path, "assessment-shared-employee");

    // He acknowledges: the assessment is locked.
    await bo.getByLabel("Note (optional)").fill("Fair; I will work on design docs.");
    const acked = await s.submit(bo, bo.getByRole("button", { name: "Acknowledge" }));
    assert.equal(acked.status(), 200);
    assert.match(bo.url(), new RegExp(`${escape(path)}$`));
    main = await text(bo.locator("main"));
    // A note ending in a full stop gets no second one (a closing quote may sit between).
    assert.match(main, /Acknowledged: .?Fair; I will work on design docs\.[”"]? Locked\./);
    assert.equal((await bo.locator(".app-sub .app-state").textContent()).trim(), "acknowledged");
    assert.equal(await bo.getByRole("button", { name: "Acknowledge" }).count(), 0);
    assert.equal(await bo.locator("form.app-rate").count(), 0);
    await s.check(bo, "assessment-acknowledged");

    // The printable version, on screen and as printed.
    await bo.getByRole("link", { name: "Printable version" }).click();
    await bo.waitForURL(new RegExp(`${escape(path)}/print$`));
    await bo.waitForLoadState("load");
    const printed = await text(bo.locator("body"));
    assert.match(printed, /Bo Chen: assessment against Senior Engineer/);
    assert.match(printed, /Ladder revision/);
    assert.match(printed, /Not yet ready/);
    assert.match(printed, /Ratings differ/);
    assert.match(printed, /Fair; I will work on design docs\./);
    await s.check(bo, "print");
    await bo.emulateMedia({ media: "print" });
    await bo.screenshot({ path: s.file("print-media"), fullPage: true });
    await bo.emulateMedia({ media: "screen" });

    // The manager's heatmap now shows Bo's shared assessment.
    await s.goto(mara, "/app/team");
    const heat = mara.locator("table.app-heatmap tr", { hasText: "Bo Chen" });
    assert.equal(await heat.locator(`a[href="${path}"]`).innerText(), "Senior Engineer");
    assert.ok(await heat.locator("td.app-heat").count() >= 1, "heat cells");
    assert.equal(await heat.locator("td.app-heat-not-yet").count() >= 1, true, "Craft is not met");
    assert.match(await text(heat.locator("td").last()), /^Not yet$/);
    await s.check(mara, "team");
    await s.phone(mara, "mara", "/app/team", "team");
    // From the heatmap to the shared assessment.
    await heat.locator(`a[href="${path}"]`).click();
    await mara.waitForURL(new RegExp(`${escape(path)}$`));
    assert.match(await text(mara.locator("main")), /Acknowledged: .?Fair; I will work on design docs/);
    await s.phone(mara, "mara", path, "assessment-acknowledged-manager");

    // ---- Story 3: a growth plan from the next level's gaps.
    await bo.goBack();
    await bo.getByRole("link", { name: "My growth" }).click();
    await bo.waitForURL(/\/growth$/);
    let growth = bo.locator("main");
    assert.match(await text(growth), /Suggested: the next level's statements, lowest rated first/);
    const suggestions = (await bo.locator("#goal-statement option").allInnerTexts()).map((t) => t.trim());
    assert.ok(suggestions.length >= rows.length, `suggestions: ${suggestions}`);
    assert.match(suggestions[0], /^Craft: You design components and services.*\(rated Not yet\)$/, suggestions.join("\n"));
    assert.match(suggestions[1], /\(rated Sometimes\)$/, suggestions.join("\n"));
    assert.equal(await bo.locator("#goal-statement option:checked").innerText(), suggestions[0], "the lowest-rated one is chosen");
    assert.match(await text(growth.locator("#assess-h ~ .app-scroll table")), /acknowledged/);
    await s.check(bo, "growth-bo-suggested");
    const wide = await bo.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `growth page at 1280 px overflows by ${wide}px`);
    await bo.getByLabel("Goal", { exact: true }).fill("Write two design documents");
    await bo.getByLabel("Actions").fill("Pair with Ari on the next one");
    await bo.getByLabel("Target date").fill("2027-03-31");
    const goal = await s.submit(bo, bo.getByRole("button", { name: "Add to the plan" }));
    assert.equal(goal.status(), 200);
    assert.match(bo.url(), /\/growth$/);
    const planned = bo.locator("ul.app-goals li");
    assert.equal(await planned.count(), 1);
    const plan = await text(planned);
    assert.match(plan, /Write two design documents/);
    assert.match(plan, /open/);
    assert.match(plan, /by 2027-03-31/);
    assert.match(plan, /Senior Engineer.*You design components and services/);
    assert.match(plan, /Pair with Ari on the next one/);
    const timeline = bo.locator("ol.app-timeline li");
    const kinds = (await timeline.locator(".app-badge").allInnerTexts()).map((t) => t.trim());
    for (const kind of ["assessment", "placement", "goal"]) assert.ok(kinds.includes(kind), `${kind} in the timeline: ${kinds}`);
    assert.match(await text(timeline.filter({ hasText: "goal" }).first()), /Write two design documents/);
    await s.check(bo, "growth-bo-goal");

    // Mara adds a 1-on-1 note about the goal.
    await s.goto(mara, "/app/team");
    await mara.locator("table.app-heatmap tr", { hasText: "Bo Chen" }).getByRole("link", { name: "Bo Chen" }).click();
    await mara.waitForURL(/\/growth$/);
    const boGrowth = mara.url();
    assert.match(await text(mara.locator("ul.app-goals")), /Write two design documents/);
    await mara.getByLabel("Note", { exact: true }).fill("Talked about the design review; Ari pairs on the queue design.");
    assert.ok(await mara.locator("#notes").getAttribute("aria-labelledby") === "notes-h", `aria-labelledby="${await mara.locator("#notes").getAttribute("aria-labelledby")}"`);
    await mara.getByLabel("Checks in on", { exact: true }).selectOption({ label: "Write two design documents" });
    const noted = await s.submit(mara, mara.getByRole("button", { name: "Add note" }));
    assert.equal(noted.status(), 200);
    assert.match(mara.url(), /\/growth(#notes)?$/);
    assert.match(await text(mara.locator("#notes")), /Talked about the design review/);
    await s.check(mara, "growth-bo-note-by-mara");

    // Bo sees it.
    await s.goto(bo, new URL(boGrowth).pathname);
    assert.match(await text(bo.locator("#notes .app-note-card")), /Talked about the design review; Ari pairs on the queue design\./);
    const kindsNow = (await bo.locator("ol.app-timeline .app-badge").allInnerTexts()).map((t) => t.trim());
    assert.ok(kindsNow.includes("note"), `note in the timeline: ${kindsNow}`);
    await s.check(bo, "growth-bo-note");
    await s.phone(bo, "bo", new URL(boGrowth).pathname, "growth-bo");

    // HR (the admin) sees the plan but not the notes.
    await s.goto(admin, new URL(boGrowth).pathname);
    assert.match(await text(admin.locator("main")), /Write two design documents/);
    assert.equal(await admin.locator("#notes").count(), 0, "HR does not read 1-on-1 notes");
    assert.doesNotMatch(await text(admin.locator("main")), /Talked about the design review/);
    await s.check(admin, "growth-bo-hr");

    assert.deepEqual(s.problems, [], "no console errors, CSP violations or external requests");
  } finally {
    await s.close();
    await stopServer(server.child);
  }
});

// The edits of `follow` in crates/rungs-server/tests/it/assessments.rs.
function edit(dir, file, from, to) {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  assert.ok(before.includes(from), `${file} has ${JSON.stringify(from)}`);
  writeFileSync(path, before.replace(from, () => to));
}

function git(dir, ...args) {
  execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
}

test("ratings follow a ladder edited in git between two assessments", { timeout: 180000 }, async () => {
  const ladder = join(work, "ladder");
  execFileSync(BIN, ["new", ladder], { stdio: ["ignore", "pipe", "pipe"] });
  git(ladder, "init", "-q");
  git(ladder, "add", "-A");
  git(ladder, "commit", "-q", "-m", "the example");

  const server = await startServer(["--data", join(work, "ladder-data"), ladder]);
  const s = new Session("ladder", server);
  try {
    const admin = await s.admin();
    await s.importRoster(admin);
    const bo = await s.invite(admin, "Bo Chen", "bo@example.org", "bo", "engineering/engineer");

    await s.goto(admin, "/app/framework");
    const revision = await admin.locator("main p", { hasText: "In use:" }).locator("code").innerText();
    assert.match(revision, /^git:/, "a framework in git is served at its commit");
    await s.check(admin, "framework-before");

    // Bo rates himself against Senior Engineer (a draft).
    const id = await startAssessment(s, bo, "Senior Engineer", "bo");
    const path = `/app/assessments/${id}`;
    let rows = await s.statements(bo);
    for (const row of rows) {
      await row.select.selectOption({ label: "Consistently" });
      await row.block.getByLabel("Comment").fill("rated before the edit");
    }
    const saved = await s.submit(bo, bo.getByRole("button", { name: "Save draft" }));
    assert.equal(saved.status(), 200);
    assert.match(await text(bo.locator(".app-flash")), /Saved \(\d+ changed\)\./);
    assert.equal(await bo.locator("#carried-h").count(), 0, "nothing changed yet");
    await s.check(bo, "assessment-before-edit");

    // The ladder changes in git: a rewording, a move to another level, a
    // split, a removal and a new statement.
    const senior = "tracks/engineering/senior.md";
    edit(ladder, senior, "thoroughly, kindly and quickly.", "thoroughly, kindly and within a day.");
    edit(ladder, senior,
      "- You design components and services that other engineers build on, and you document the trade-offs you chose. {#designs-components}\n",
      "");
    edit(ladder, "tracks/engineering/staff.md", "## Craft\n",
      "## Craft\n- You design components and services that other engineers build on, and you document the trade-offs you chose. {#designs-components}\n");
    edit(ladder, senior,
      "- You lead projects of several engineers over weeks or months, keeping scope, quality and dates in balance.\n",
      "- You lead projects of several engineers over weeks or months.\n- You keep scope, quality and dates of your projects in balance.\n");
    edit(ladder, senior,
      "- You make technical debt visible and negotiate time to pay it down.\n  - Example: you turn a recurring incident into a costed proposal for the team's planning.\n",
      "- You write the runbook of every service your team owns.\n");
    git(ladder, "add", "-A");
    git(ladder, "commit", "-q", "-m", "senior: reword, move, split, replace");

    // The admin reloads the framework.
    await s.goto(admin, "/app/framework");
    const reloaded = await s.submit(admin, admin.getByRole("button", { name: "Reload the framework" }));
    assert.equal(reloaded.status(), 200);
    assert.match(admin.url(), /\/app\/framework$/);
    assert.equal(await admin.locator(".app-error").count(), 0, await text(admin.locator("main")));
    const now = await admin.locator("main p", { hasText: "In use:" }).locator("code").innerText();
    assert.notEqual(now, revision, "the new commit is in use");
    assert.match(await text(admin.locator("main ul").last()), new RegExp(escape(revision)));
    await s.check(admin, "framework-reloaded");

    // Bo's draft followed the ladder.
    await s.goto(bo, path);
    const main = await text(bo.locator("main"));
    assert.match(main, /made against revision/);
    assert.match(await bo.locator(".app-sub code").getAttribute("title"), new RegExp(`^${escape(revision)}$`),
      "pinned to the revision it was made against");
    const carried = bo.locator("section.app-carried");
    assert.equal(await text(carried.locator("h2")), "The ladder changed since this assessment was made");
    assert.match(await text(carried), /1 kept on reworded statements/);
    assert.match(await text(carried), /1 followed moved statements/);
    assert.match(await text(carried), /1 on removed statements kept below with their words/);
    assert.match(await text(carried), /statements? of the level, new ones among them, (has|have) no rating yet/);

    rows = await s.statements(bo);
    const row = (needle) => {
      const found = rows.filter((r) => r.text.includes(needle));
      assert.equal(found.length, 1, `one statement with ${JSON.stringify(needle)}: ${rows.map((r) => r.text).join(" | ")}`);
      return found[0];
    };
    // Reworded: the rating stands, marked, with the word diff.
    const reworded = row("within a day");
    assert.equal(await reworded.select.locator("option:checked").innerText(), "Consistently");
    assert.equal(await reworded.block.getByLabel("Comment").inputValue(), "rated before the edit");
    assert.equal(await reworded.block.locator(".app-badge").innerText(), "reworded since rated");
    const diff = reworded.block.locator(".app-diff");
    assert.match((await diff.locator("del").allInnerTexts()).join(" "), /quickly/);
    assert.match((await diff.locator("ins").allInnerTexts()).join(" "), /within/);
    assert.match(await text(diff), /thoroughly, kindly and/);
    // Unchanged statements keep their rating, unmarked.
    const kept = row("deep knowledge of at least one area");
    assert.equal(await kept.select.locator("option:checked").innerText(), "Consistently");
    assert.equal(await kept.block.locator(".app-badge").count(), 0);
    // The split: the rating goes to one part, up for review.
    const review = bo.locator("form.app-rate .app-statement", { has: bo.locator(".app-badge", { hasText: "split or merged: review" }) });
    assert.equal(await review.count(), 1, "one part of the split carries the rating");
    assert.match(await text(review.locator(".app-statement-text")), /You lead projects|in balance/);
    // The new statement is unrated.
    const fresh = row("runbook");
    assert.equal(await fresh.select.inputValue(), "");
    assert.equal(await fresh.select.locator("option:checked").innerText(), "Not rated");
    assert.equal(await fresh.block.locator(".app-rating, .app-badge").count(), 0);
    assert.equal(rows.filter((r) => /You design components|technical debt/.test(r.text)).length, 0,
      "the moved and removed statements are no longer rated here");
    // Moved and removed ones are listed apart, the removed one with its words.
    const elsewhere = bo.locator("section", { has: bo.locator("#elsewhere-h") });
    assert.equal(await text(elsewhere.locator("h2")), "Ratings of statements no longer in this level");
    const moved = elsewhere.locator("tbody tr", { hasText: "You design components and services" });
    assert.match(await text(moved), /Moved to Staff Engineer/);
    assert.match(await text(moved), /Consistently.*moved since rated/);
    const removed = elsewhere.locator("tbody tr", { hasText: "technical debt visible" });
    assert.match(await text(removed), /Removed from the ladder/);
    assert.match(await text(removed), /Consistently.*statement removed/);
    await s.check(bo, "assessment-after-edit");
    await s.phone(bo, "bo", path, "assessment-after-edit");

    // Bo rates the new statement and submits; the marks stay visible.
    await fresh.select.selectOption({ label: "Sometimes" });
    const resaved = await s.submit(bo, bo.getByRole("button", { name: "Save draft" }));
    assert.equal(resaved.status(), 200);
    assert.match(await text(bo.locator(".app-flash")), /Saved \(\d+ changed\)\./);
    rows = await s.statements(bo);
    assert.equal(await row("runbook").select.locator("option:checked").innerText(), "Sometimes");
    assert.equal(await bo.locator("#elsewhere-h").count(), 1, "the removed statement's rating is still listed");
    await s.check(bo, "assessment-after-edit-saved");

    assert.deepEqual(s.problems, [], "no console errors, CSP violations or external requests");
  } finally {
    await s.close();
    await stopServer(server.child);
  }
});
