// Browser test of `rungs server`: the main story (first administrator →
// roster import → rollout where a manager proposes, HR confirms and the
// employee acknowledges) in headless Debian chromium, on SQLite and, when
// RUNGS_TEST_POSTGRES_URL is set, on PostgreSQL (a fresh database per run).
// Every app page visited is checked with axe-core, for console errors and
// CSP violations; screenshots go to target/screenshots/server-*.png.
// Run through `cargo test` (crates/rungs/tests/cli/browser.rs), or directly:
//   cd tests/browser && RUNGS_BIN=../../target/debug/rungs node --test server.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { servers, startServer as startProcess, stopServer, watchedPage, launchChromium, withPostgres } from "./server-process.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BIN = process.env.RUNGS_BIN;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BIN) throw new Error("set RUNGS_BIN to the rungs binary");
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/screenshots");
const PASSWORD = "correct horse battery staple";

// Made-up people, with the headings of a typical HR export. Mara manages
// Noor and Theo; Ines manages Rafael; Lena has no manager.
const ROSTER = `Work Email,Full Name,Job Title,Department,Manager Email,Start Date
mara@example.org,Mara Lind,Engineering Manager,Platform,,2020-03-01
noor@example.org,Noor Haddad,Senior Engineer,Platform,mara@example.org,2021-06-15
theo@example.org,Theo Brandt,Software Engineer,Platform,mara@example.org,2023-01-09
ines@example.org,Ines Kowalski,Engineering Manager,Payments,,2019-11-11
rafael@example.org,Rafael Ortiz,Engineer,Payments,ines@example.org,2022-02-01
lena@example.org,Lena Vogel,Staff Engineer,,,2018-05-20
`;

let browser;
const work = mkdtempSync(join(tmpdir(), "rungs-server-browser-"));

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

// One run of the story against one server.
class Story {
  constructor(db, server) {
    this.db = db;
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
      colorScheme: options.scheme || "light",
      storageState: options.storageState,
    });
    this.contexts.push(context);
    const page = await watchedPage(context, who, this.base, this.problems);
    return { context, page };
  }

  async goto(page, path) {
    const response = await page.goto(path.startsWith("http") ? path : this.base + path.replace(/^\//, ""));
    assert.equal(response.status(), 200, `GET ${path}`);
    return response;
  }

  // axe-core (serious and critical only) and a full-page screenshot.
  async check(page, name) {
    // Evaluated through the devtools protocol: an inline <script> would be
    // (rightly) refused by the app's CSP.
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    this.shot += 1;
    const file = join(SHOTS, `server-${this.db}-${String(this.shot).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.deepEqual(serious, [], `axe on ${name} (${page.url()})`);
  }

  // Submits the form holding `button` and waits for the page it leads to.
  async submit(page, button) {
    const [response] = await Promise.all([
      page.waitForEvent("response", (r) => r.request().isNavigationRequest() && r.request().method() === "POST"),
      button.click(),
    ]);
    await page.waitForLoadState("load");
    return response;
  }

  async signIn(page, email, name) {
    await this.goto(page, "/app/login");
    await this.check(page, `login-${name}`);
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await this.submit(page, page.getByRole("button", { name: "Sign in" }));
    assert.equal(new URL(page.url()).pathname, "/app", `signed in as ${email}`);
  }

  // The admin makes a password link for `name`; the person opens it in a
  // browser of their own, sets a password and signs in.
  async invite(admin, name, email, slug) {
    await this.goto(admin, "/app/people");
    await admin.getByRole("link", { name, exact: true }).click();
    await admin.waitForURL(/\/app\/people\/\d+$/);
    await this.check(admin, `person-${slug}`);
    const made = await this.submit(admin, admin.getByRole("button", { name: "Make a password link" }));
    assert.equal(made.status(), 200);
    const link = await admin.locator("main a[href*='/app/reset?token=']").first().getAttribute("href");
    assert.ok(link, "the page shows the password link");
    assert.ok(link.startsWith(this.base + "app/reset?token="), `the link points at this server: ${link}`);
    await this.check(admin, `password-link-${slug}`);

    const { page } = await this.user(name);
    await this.goto(page, link);
    assert.match(await page.locator("main").innerText(), new RegExp(email.replace(".", "\\.")));
    await this.check(page, `reset-${slug}`);
    await page.fill("#password", PASSWORD);
    const set = await this.submit(page, page.locator("main form button[type=submit]"));
    assert.equal(set.status(), 200, "the password is set");
    await this.signIn(page, email, slug);
    return page;
  }

  async run() {
    // 2. The setup link makes the first administrator and signs them in.
    const { context: adminContext, page: admin } = await this.user("admin");
    await this.goto(admin, this.setup);
    await this.check(admin, "setup");
    await admin.fill("#name", "Ada Admin");
    await admin.fill("#email", "ada@example.org");
    await admin.fill("#password", PASSWORD);
    await this.submit(admin, admin.locator("main form button[type=submit]"));
    assert.equal(new URL(admin.url()).pathname, "/app");
    assert.match(await admin.locator("header").innerText(), /Ada Admin/);
    await this.check(admin, "home-admin");

    // 3. The roster: a dry run is the default; untick it and import.
    await this.goto(admin, "/app/roster");
    await this.check(admin, "roster");
    await admin.setInputFiles("#file", { name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(ROSTER) });
    const dryRun = admin.getByLabel(/Dry run/);
    assert.equal(await dryRun.isChecked(), true, "dry run is ticked by default");
    await dryRun.uncheck();
    const imported = await this.submit(admin, admin.getByRole("button", { name: "Import" }));
    assert.equal(imported.status(), 200);
    const outcome = await admin.locator("main").innerText();
    assert.match(outcome, /Imported/, outcome);
    assert.match(outcome, /6 to add/, outcome);
    await this.check(admin, "roster-imported");
    await this.goto(admin, "/app/people");
    assert.match(await admin.locator("main").innerText(), /7 people/);
    await this.check(admin, "people");

    // 4. A rollout onto the ladder.
    await this.goto(admin, "/app/rollout");
    await this.check(admin, "rollout-none");
    await admin.fill("#r-name", "New ladder");
    await this.submit(admin, admin.getByRole("button", { name: /Open a rollout/ }));
    assert.equal(new URL(admin.url()).pathname, "/app/rollout");
    assert.match(await admin.locator("main h2").first().innerText(), /New ladder/);
    await this.check(admin, "rollout-open");

    // 5. The manager gets a password and signs in.
    const manager = await this.invite(admin, "Mara Lind", "mara@example.org", "manager");
    await this.check(manager, "home-manager");

    // 6. She proposes a level for a report.
    await this.goto(manager, "/app/rollout");
    const managerView = await manager.locator("main").innerText();
    assert.match(managerView, /Noor Haddad/);
    assert.doesNotMatch(managerView, /Rafael Ortiz/, "a manager sees only her team");
    await this.check(manager, "rollout-manager");
    let noorRow = manager.locator("tr", { hasText: "Noor Haddad" });
    // Each row's forms are in its drawer.
    await noorRow.locator("summary").click();
    await noorRow.getByLabel("Level for Noor Haddad").selectOption("engineering/senior");
    await noorRow.getByLabel("Note").fill("Leads the storage work");
    await this.submit(manager, noorRow.getByRole("button", { name: "Propose" }));
    assert.equal(new URL(manager.url()).pathname, "/app/rollout");
    noorRow = manager.locator("tr", { hasText: "Noor Haddad" });
    assert.equal((await noorRow.locator("td").nth(1).innerText()).trim(), "proposed");
    assert.match(await noorRow.innerText(), /Senior Engineer \(Engineering\)/);
    await this.check(manager, "rollout-proposed");

    // 7. HR confirms.
    await this.goto(admin, "/app/rollout");
    await admin.locator("tr", { hasText: "Noor Haddad" }).locator("summary").click();
    await this.submit(admin, admin.getByRole("button", { name: /^Confirm .* for Noor Haddad$/ }));
    assert.equal(new URL(admin.url()).pathname, "/app/rollout");
    const confirmedRow = admin.locator("tr", { hasText: "Noor Haddad" });
    assert.equal((await confirmedRow.locator("td").nth(1).innerText()).trim(), "confirmed");
    await this.check(admin, "rollout-confirmed");

    // 8. The employee sees her level and what changes next, and acknowledges.
    const employee = await this.invite(admin, "Noor Haddad", "noor@example.org", "employee");
    const home = await employee.locator("main").innerText();
    assert.match(home, /Senior Engineer/);
    assert.match(home, /confirmed/);
    await this.check(employee, "home-employee");
    const [compare] = await Promise.all([
      employee.waitForEvent("response", (r) => r.request().isNavigationRequest() && r.url().includes("/compare/")),
      employee.getByRole("link", { name: "What changes at the next level" }).click(),
    ]);
    assert.equal(compare.status(), 200, `GET ${compare.url()}`);
    await employee.waitForLoadState("load");
    const compared = await employee.locator("body").innerText();
    assert.match(compared, /Senior Engineer/, "the compare page shows her level");
    assert.match(compared, /Staff Engineer/, "and the next one");
    await employee.screenshot({ path: join(SHOTS, `server-${this.db}-${String(++this.shot).padStart(2, "0")}-compare.png`), fullPage: true });
    await this.goto(employee, "/app");
    await employee.getByLabel("Note (optional)").fill("Talked it through with Mara");
    await this.submit(employee, employee.getByRole("button", { name: "Acknowledge" }));
    assert.equal(new URL(employee.url()).pathname, "/app");
    assert.match(await employee.locator("main").innerText(), /You acknowledged your level: .?Talked it through with Mara/);
    await this.check(employee, "home-acknowledged");

    // 9. Progress: one acknowledged in total.
    await this.goto(admin, "/app/rollout");
    const progress = admin.locator("table", { has: admin.locator("caption", { hasText: "Progress" }) });
    const total = progress.locator("tr.app-total");
    const cells = (await total.locator("th, td").allInnerTexts()).map((s) => s.trim());
    const headings = (await progress.locator("thead th").allInnerTexts()).map((s) => s.trim());
    assert.equal(cells[headings.indexOf("Acknowledged")], "1", `progress: ${headings} / ${cells}`);
    assert.equal(cells[headings.indexOf("People")], "7", `progress: ${headings} / ${cells}`);
    await this.check(admin, "rollout-progress");

    // On a phone, the rollout page does not overflow (tables scroll inside
    // their own box), for HR and for the manager.
    for (const [who, context, paths] of [
      ["admin", adminContext, ["/app/rollout", "/app/people", "/app/roster", "/app"]],
      ["manager", manager.context(), ["/app/rollout"]],
      ["employee", employee.context(), ["/app"]],
    ]) {
      const { page } = await this.user(`${who} at 390px`, { width: 390, storageState: await context.storageState() });
      for (const path of paths) {
        await this.goto(page, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        this.shot += 1;
        const slug = path.replace(/^\/app\/?/, "") || "home";
        await page.screenshot({ path: join(SHOTS, `server-${this.db}-${String(this.shot).padStart(2, "0")}-390-${who}-${slug}.png`), fullPage: true });
        assert.ok(overflow <= 0, `${path} (${who}) overflows by ${overflow}px at 390 px`);
      }
    }

    // On a phone the header menu folds behind a button (a disclosure, no
    // JavaScript): the items are hidden until it is opened, the header
    // stays one row, and nothing overflows; axe holds, open and closed.
    {
      const { page } = await this.user("admin menu at 390px", { width: 390, storageState: await adminContext.storageState() });
      for (const path of ["/app", "/app/people", "/app/rollout", "/app/roster", "/app/cycles", "/app/insights", "/app/audit", "/app/tokens"]) {
        await this.goto(page, path);
        const slug = path.replace(/^\/app\/?/, "") || "home";
        const button = page.locator("header summary", { hasText: "Menu" });
        assert.ok(await button.isVisible(), `${path}: the menu button shows at 390 px`);
        const rollout = page.locator("header .app-menu-items a[href='/app/rollout']");
        assert.equal(await rollout.isVisible(), false, `${path}: the menu's items are hidden until it is opened`);
        assert.equal(await page.locator("header .app-menu-wide a[href='/app/rollout']").isVisible(), false,
          `${path}: the wide menu is not shown at 390 px`);
        const single = await page.locator("header").evaluate((h) => h.getBoundingClientRect().height);
        assert.ok(single < 80, `${path}: the header is one row at 390 px (${single}px)`);
        await this.check(page, `390-menu-closed-${slug}`);
        await button.click();
        assert.ok(await rollout.isVisible(), `${path}: opened, the menu shows its items`);
        assert.ok(await page.getByRole("button", { name: "Sign out" }).isVisible(), `${path}: and signing out`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at 390 px with the menu open`);
        await this.check(page, `390-menu-open-${slug}`);
      }
      // Wide: no menu button, the items in the header on one row, HR's
      // and admins' pages behind "Manage", which opens below its button.
      for (const width of [1280, 1920]) {
        const { page: wide } = await this.user(`admin at ${width}px`, { width, storageState: await adminContext.storageState() });
        await this.goto(wide, "/app/people");
        assert.equal(await wide.locator("header summary", { hasText: "Menu" }).isVisible(), false, `no menu button at ${width} px`);
        assert.ok(await wide.locator("header").getByRole("link", { name: "Rollout", exact: true }).isVisible());
        const height = await wide.locator("header").evaluate((h) => h.getBoundingClientRect().height);
        assert.ok(height < 80, `the header is one row at ${width} px (${height}px)`);
        const audit = wide.locator("header .app-menu-wide a[href='/app/audit']");
        assert.equal(await audit.isVisible(), false, `Audit waits behind Manage at ${width} px`);
        await wide.locator("header .app-menu-wide summary", { hasText: "Manage" }).click();
        assert.ok(await audit.isVisible(), `Manage opens with Audit at ${width} px`);
        const box = await wide.locator("header .app-manage-items").boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, `the Manage list stays on screen at ${width} px`);
        await this.check(wide, `${width}-manage-open`);
        await audit.click();
        await wide.waitForURL(/\/app\/audit$/);
        assert.ok(await wide.locator("header summary.app-manage-current").isVisible(), "Manage shows the current page is one of its own");
        for (const path of ["/app", "/app/people", "/app/rollout", "/app/cycles", "/app/insights", "/app/audit"]) {
          await this.goto(wide, path);
          await this.check(wide, `${width}-${path.replace(/^\/app\/?/, "") || "home"}`);
        }
      }
    }

    // A wide table scrolls in a focusable, labelled region.
    {
      const regions = admin.locator("main .app-scroll[role=region][tabindex='0'][aria-label]");
      await this.goto(admin, "/app/people");
      assert.equal(await regions.count(), 1, "the people table sits in a scroll region");
    }

    // The site's stylesheet follows the system's dark mode; the app's
    // colours must keep their contrast there too.
    for (const [who, context, paths] of [
      ["admin", adminContext, ["/app/rollout", "/app/people", "/app/roster", "/app"]],
      ["employee", employee.context(), ["/app"]],
    ]) {
      const { page } = await this.user(`${who} in dark mode`, { scheme: "dark", storageState: await context.storageState() });
      for (const path of paths) {
        await this.goto(page, path);
        await this.check(page, `dark-${who}-${path.replace(/^\/app\/?/, "") || "home"}`);
      }
    }

    assert.deepEqual(this.problems, [], "no console errors, CSP violations or external requests");
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
  }
}

test("the main story, on SQLite", { timeout: 120000 }, async () => {
  const data = join(work, "sqlite");
  const server = await startServer(["--data", data]);
  const story = new Story("sqlite", server);
  try {
    await story.run();
  } finally {
    await story.close();
    await stopServer(server.child);
  }
});

test("the main story, on PostgreSQL", { timeout: 120000 }, async (t) => {
  await withPostgres(t, "rungs_browser", async (database) => {
    let server;
    try {
      server = await startServer(["--data", join(work, "postgres"), "--database", database]);
      const story = new Story("postgres", server);
      try {
        await story.run();
      } finally {
        await story.close();
      }
    } finally {
      await stopServer(server?.child);
    }
  });
});
