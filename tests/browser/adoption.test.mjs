// Browser test of a 40-person company adopting `rungs server`, with email:
// the Head of People sets the server up, imports the company's BambooHR
// export as it comes out of BambooHR, invites everyone by email (read here
// from an SMTP listener this test runs on 127.0.0.1), a manager and an
// engineer join from their emails, the whole company is moved onto the
// ladder in a rollout, and an assessment leaves something waiting for the
// manager, who hears of it by email. On SQLite and, when
// RUNGS_TEST_POSTGRES_URL is set, on PostgreSQL (a fresh database per run).
// Every main page is checked with axe-core; the invitations, rollout and
// home pages also at 390 px. Screenshots go to
// target/screenshots/adoption-*.png.
// Run through `cargo test` (crates/rungs/tests/cli/browser.rs), or directly:
//   cd tests/browser && RUNGS_BIN=../../target/debug/rungs node --test adoption.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { servers, startServer, stopServer, watchedPage, launchChromium, text, withPostgres } from "./server-process.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BIN = process.env.RUNGS_BIN;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BIN) throw new Error("set RUNGS_BIN to the rungs binary");
const SHOTS = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/screenshots");
const PASSWORD = "correct horse battery staple";
const DOMAIN = "fernhill.example";
// The built-in example framework's title, which the server uses as the
// site's name in its emails.
const SITE = "Northwind Engineering Careers";

// Fernhill, an invented company of 40, as a BambooHR custom report exports
// it: a byte-order mark, CRLF line ends, US dates, managers by name (mostly
// "First Last", once "Last, First", once by preferred name), titles as
// people typed them, "Employment Status" (Full-Time…) beside "Status"
// (Active/Terminated), a leaver still in the file, names with accents and
// an apostrophe, and stray spaces. The Head of People, Priya Raman, is the
// administrator who set the server up.
const HEADER = ["Employee #", "First Name", "Last Name", "Preferred Name", "Work Email", "Job Title", "Department",
  "Division", "Location", "Reports To", "Hire Date", "Employment Status", "Status"];
// [number, first, last, preferred, job title, department, division, location, reports to, hire date, employment, status]
const PEOPLE = [
  ["1001", "Dana", "Whitfield", "", "CEO", "Executive", "Corporate", "Remote - US", "", "2/1/2016", "Full-Time", "Active"],
  ["1002", "Priya", "Raman", "", "Head of People", "People", "Corporate", "Austin, TX", "Dana Whitfield", "6/13/2018", "Full-Time", "Active"],
  ["1003", "Marcus", "Lindqvist", "", "Director of Engineering", "Engineering", "Product & Engineering", "Austin, TX", "Dana Whitfield", "9/4/2017", "Full-Time", "Active"],
  ["1004", "Hannah", "Okoro", "", "Engineering Manager", "Platform", "Product & Engineering", "Austin, TX", "Marcus Lindqvist", "3/22/2019", "Full-Time", "Active"],
  ["1010", "Leo", "Park", "", "Software Engineer II", "Platform", "Product & Engineering", "Remote - US", "Hannah Okoro", "8/16/2022", "Full-Time", "Active"],
  ["1011", "Samira", "Haddad", "", "Sr. Software Engineer", "Platform", "Product & Engineering", "Austin, TX", "Hannah Okoro", "1/10/2020", "Full-Time", "Active"],
  ["1012", "Jonas", "Becker", "", "Senior Software Engineer ", "Platform", "Product & Engineering", "Remote - US", "Hannah Okoro", "11/2/2020", "Full-Time", "Active"],
  ["1013", "Ana Sofía", "Morales", "Sofi", "Software Engineer", "Platform", "Product & Engineering", "Remote - US", "Hannah Okoro", "4/18/2023", "Full-Time", "Active"],
  ["1014", "Kwame", "Mensah", "", "Staff Software Engineer", "Platform", "Product & Engineering", "Austin, TX", "Hannah Okoro", "7/7/2018", "Full-Time", "Active"],
  ["1015", "Ruth", "Ellison", "", "Junior Developer", "Platform", "Product & Engineering", "Austin, TX", "Okoro, Hannah", "6/3/2024", "Full-Time", "Active"],
  ["1016", "Wei", "Zhang", "", "Software Engineer I", "Platform", "Product & Engineering", "Remote - US", "Hannah Okoro", "10/28/2023", "Full-Time", "Active"],
  ["1017", "Olivia", "Brennan", "Liv", "SWE II", "Platform", "Product & Engineering", "Remote - US", "Hannah Okoro", "2/14/2022", "Part-Time", "Active"],
  ["1018", "Jack", "O'Neill", "", "Software Developer", "Platform", "Product & Engineering", "Austin, TX", "Hannah Okoro", "5/30/2021", "Full-Time", "Active"],
  ["1005", "Tomás", "Ferreira", "", "Engineering Manager", "Payments", "Product & Engineering", "Remote - US", "Marcus Lindqvist", "12/1/2019", "Full-Time", "Active"],
  ["1020", "Benjamin", "Okafor", "Ben", "Sr. Software Engineer", "Payments", "Product & Engineering", "Remote - US", "Tomás Ferreira", "3/15/2020", "Full-Time", "Active"],
  ["1021", "Chloe", "Dubois", "", "Software Engineer II", "Payments", "Product & Engineering", "Austin, TX", "Tomás Ferreira", "9/19/2022", "Full-Time", "Active"],
  ["1022", "Rahul", "Iyer", "", "Software Engineer", "Payments", "Product & Engineering", "Remote - US", "Tomás Ferreira", "1/23/2023", "Full-Time", "Active"],
  ["1023", "Grace", "Liu", "", "Principal Engineer", "Payments", "Product & Engineering", "Austin, TX", "Tomás Ferreira", "8/8/2016", "Full-Time", "Active"],
  ["1024", "Mateo", "Rossi", "", "Backend Engineer", "Payments", "Product & Engineering", "Remote - US", "Tomás Ferreira", "4/4/2021", "Full-Time", "Active"],
  ["1025", "Freya", "Nilsson", "", "Associate Software Engineer", "Payments", "Product & Engineering", "Remote - US", "Tomás Ferreira", "7/15/2024", "Full-Time", "Active"],
  ["1026", "Daniel", "Kim", "Dan", "Senior Backend Engineer", "Payments", "Product & Engineering", "Austin, TX", "Tomás Ferreira", "10/3/2019", "Full-Time", "Active"],
  ["1027", "Marta", "Kowalczyk", "", "Software Engineer III", "Payments", "Product & Engineering", "Remote - US", "Tomás Ferreira", "2/27/2021", "Full-Time", "Active"],
  ["1050", "Peter", "Grant", "", "Software Engineer", "Payments", "Product & Engineering", "Remote - US", "Tomás Ferreira", "5/11/2020", "Full-Time", "Terminated"],
  ["1006", "Aisha", "Bello", "Ash", "Senior Engineering Manager", "Mobile", "Product & Engineering", "Remote - US", "Marcus Lindqvist", "6/20/2018", "Full-Time", "Active"],
  ["1030", "Ethan", "Walsh", "", "iOS Engineer", "Mobile", "Product & Engineering", "Remote - US", "Aisha Bello", "3/9/2022", "Full-Time", "Active"],
  ["1031", "Nadia", "Petrova", "", "Senior Android Engineer", "Mobile", "Product & Engineering", "Remote - US", "Ash Bello", "11/14/2019", "Full-Time", "Active"],
  ["1032", "Lucas", "Moreau", "", "Mobile Engineer II", "Mobile", "Product & Engineering", "Austin, TX", "Aisha Bello", "8/1/2022", "Full-Time", "Active"],
  ["1033", "Zoe", "Adeyemi", "", "Software Engineer, Mobile", "Mobile", "Product & Engineering", "Remote - US", "Aisha Bello", "1/17/2023", "Full-Time", "Active"],
  ["1034", "Sven", "Larsen", "", "Jr. iOS Developer", "Mobile", "Product & Engineering", "Remote - US", "Aisha Bello", "9/30/2024", "Full-Time", "Active"],
  ["1035", "Mei", "Tanaka", "", "Sr. Mobile Engineer", "Mobile", "Product & Engineering", "Austin, TX", "Aisha Bello", "4/26/2021", "Full-Time", "Active"],
  ["1036", "Priyanka", "Shah", "", "Android Developer", "Mobile", "Product & Engineering", "Remote - US", "Aisha Bello", "12/12/2022", "Contractor", "Active"],
  ["1007", "Yusuf", "Demir", "", "Manager, Site Reliability", "Site Reliability", "Product & Engineering", "Austin, TX", "Marcus Lindqvist", "5/5/2019", "Full-Time", "Active"],
  ["1040", "Carlos", "Mendes", "", "SRE II", "Site Reliability", "Product & Engineering", "Remote - US", "Yusuf Demir", "2/21/2022", "Full-Time", "Active"],
  ["1041", "Ingrid", "Holm", "", "Senior SRE", "Site Reliability", "Product & Engineering", "Remote - US", "Yusuf Demir", "6/17/2020", "Full-Time", "Active"],
  ["1042", "Tariq", "Aziz", "", "Site Reliability Engineer", "Site Reliability", "Product & Engineering", "Austin, TX", "Yusuf Demir", "10/10/2021", "Full-Time", "Active"],
  ["1043", "Fiona", "Gallagher", "", "SRE", "Site Reliability", "Product & Engineering", "Remote - US", "Yusuf Demir", "3/28/2023", "Full-Time", "Active"],
  ["1044", "Omar", "Siddiqui", "", "DevOps Engineer", "Site Reliability", "Product & Engineering", "Remote - US", "Yusuf Demir", "7/24/2021", "Full-Time", "Active"],
  ["1045", "Hugo", "Martin", "", "Sr. Site Reliability Engineer", "Site Reliability", "Product & Engineering", "Austin, TX", "Yusuf Demir", "1/13/2020", "Full-Time", "Active"],
  ["1008", "Elena", "Vasquez", "", "Staff Engineer", "Engineering", "Product & Engineering", "Remote - US", "Marcus Lindqvist", "9/26/2017", "Full-Time", "Active"],
  ["1009", "Abdul", "Rahman", "", "Principal Software Engineer", "Engineering", "Product & Engineering", "Austin, TX", "Marcus Lindqvist", "11/20/2016", "Full-Time", "Active"],
  ["1019", "Noah", "Fischer", "", "Software Development Engineer", "Platform", "Product & Engineering", "Remote - US", "Hannah Okoro", "8/29/2023", "Full-Time", "Active"],
];

// Work email as the company makes it: first.last, ASCII, no apostrophes.
const emailOf = (first, last) =>
  `${first}.${last}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z.]/g, "").toLowerCase() + `@${DOMAIN}`;
const ROWS = PEOPLE.map(([number, first, last, preferred, title, dept, division, location, manager, hired, employment, status]) => ({
  number, first, last, preferred, title, dept, division, location, manager, hired, employment, status,
  name: `${first} ${last}`, email: emailOf(first, last),
}));
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const ROSTER = "\uFEFF" + [HEADER, ...ROWS.map((r) => [r.number, r.first, r.last, r.preferred, r.email, r.title, r.dept,
  r.division, r.location, r.manager, r.hired, r.employment, r.status])]
  .map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
const ACTIVE = ROWS.filter((r) => r.status === "Active");
const ADMIN = ROWS.find((r) => r.first === "Priya");
const CEO = ROWS.find((r) => r.title === "CEO");
const MANAGER = ROWS.find((r) => r.first === "Hannah");
const ENGINEER = ROWS.find((r) => r.first === "Leo");
const LEAVER = ROWS.find((r) => r.status !== "Active");
// Everyone below Hannah in the reporting lines: two forms of her name point
// at her, and the counts of her team's bulk steps show both were read.
const TEAM = ROWS.filter((r) => r.manager === "Hannah Okoro" || r.manager === "Okoro, Hannah");

// ---- The SMTP listener: takes every message, keeps it decoded.

// A header's encoded words (RFC 2047), as lettre writes non-ASCII subjects.
function decodeWords(s) {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc, text) =>
    enc.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"))
    .replace(/\?=\s+=\?/g, "?==?");
}

// One message from its raw text: headers (unfolded, lower-case names) and
// the body decoded from its transfer encoding.
function parseMail(raw) {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split + 4);
  const encoding = (headers["content-transfer-encoding"] || "7bit").toLowerCase();
  if (encoding === "base64") body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    body = Buffer.from(body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  }
  return { headers, subject: decodeWords(headers.subject || ""), body: body.replace(/\r\n/g, "\n") };
}

// A plain SMTP server on a free loopback port. No TLS (the server's
// `tls = none` is meant for a relay on the same machine) and no sign-in.
async function startSmtp() {
  const mails = [];
  const waiters = new Set();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        const mail = parseMail(Buffer.concat(chunks).toString("utf8"));
        mail.from = session.envelope.mailFrom.address;
        mail.to = session.envelope.rcptTo.map((r) => r.address);
        mails.push(mail);
        for (const w of waiters) w();
        callback();
      });
    },
  });
  await new Promise((r) => smtp.listen(0, "127.0.0.1", r));
  return {
    port: smtp.server.address().port,
    mails,
    // Waits until `pred(mails)` holds, or fails after `ms` with `what`.
    async until(pred, ms, what) {
      if (pred(mails)) return;
      await new Promise((resolvePromise, reject) => {
        const check = () => {
          if (pred(mails)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolvePromise();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${what}: not within ${ms / 1000} s; ${mails.length} mails so far: ${mails.map((m) => `${m.to} «${m.subject}»`).join("; ")}`));
        }, ms);
        waiters.add(check);
      });
    },
    close: () => new Promise((r) => smtp.close(r)),
  };
}

let browser;
const work = mkdtempSync(join(tmpdir(), "rungs-adoption-"));

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium(chromium, CHROMIUM);
});

after(async () => {
  await browser?.close();
  await Promise.all([...servers].map(stopServer));
  rmSync(work, { recursive: true, force: true });
});


// One run of the story against one server and its SMTP listener.
class Story {
  constructor(db, server, smtp) {
    this.db = db;
    this.base = server.base;
    this.setup = server.setup;
    this.smtp = smtp;
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
    const page = await watchedPage(context, who, this.base, this.problems);
    return { context, page };
  }

  async goto(page, path) {
    const response = await page.goto(path.startsWith("http") ? path : this.base + path.replace(/^\//, ""));
    assert.equal(response.status(), 200, `GET ${path}`);
    return response;
  }

  async screenshot(page, name) {
    this.shot += 1;
    await page.screenshot({ path: join(SHOTS, `adoption-${this.db}-${String(this.shot).padStart(2, "0")}-${name}.png`), fullPage: true });
  }

  // axe-core (serious and critical only) and a full-page screenshot.
  async check(page, name) {
    // Through the devtools protocol: an inline <script> would be refused
    // by the app's CSP.
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    await this.screenshot(page, name);
    assert.deepEqual(serious, [], `axe on ${name} (${page.url()})`);
  }

  // The page as `context`'s person sees it on a 390 px wide phone: no
  // sideways scrolling of the whole page (wide tables scroll in their box).
  // Returns the page, for more checks; the caller closes it.
  async narrow(context, who, path) {
    const { page } = await this.user(`${who} at 390px`, { width: 390, storageState: await context.storageState() });
    await this.goto(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await this.check(page, `390-${who}-${path.replace(/^\/app\/?/, "").replace(/\W+/g, "-") || "home"}`);
    assert.ok(overflow <= 0, `${path} (${who}) overflows by ${overflow}px at 390 px`);
    return page;
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

  // The "All" row of the rollout's progress table, by heading.
  async progress(page) {
    const table = page.locator("table", { has: page.locator("caption", { hasText: "Progress" }) });
    const headings = (await table.locator("thead th").allInnerTexts()).map((s) => s.trim());
    const cells = (await table.locator("tr.app-total").locator("th, td").allInnerTexts()).map((s) => s.trim());
    return Object.fromEntries(headings.map((h, i) => [h, cells[i]]));
  }

  // The invitation `smtp` got for `row`: its one-time link.
  invitationFor(row) {
    const mail = this.smtp.mails.find((m) => m.subject === `You are invited to ${SITE}` && m.to.includes(row.email));
    assert.ok(mail, `an invitation reached ${row.email}`);
    const link = mail.body.match(/http:\/\/\S+\/app\/join\?token=\S+/)?.[0];
    assert.ok(link, `the invitation to ${row.email} holds a join link:\n${mail.body}`);
    return link;
  }

  // `row` follows the link of their invitation in a browser of their own
  // and chooses a password; they are signed in.
  async join(row, slug) {
    const { context, page } = await this.user(row.first);
    const link = this.invitationFor(row);
    await this.goto(page, link);
    assert.equal(new URL(page.url()).pathname, "/app/join");
    const main = await text(page.locator("main"));
    assert.match(main, new RegExp(`Welcome, ${row.name}\\. Choose a password to join as ${row.email.replace(/\./g, "\\.")}`));
    await this.check(page, `join-${slug}`);
    await page.fill("#password", PASSWORD);
    const joined = await this.submit(page, page.locator("main form button[type=submit]"));
    assert.ok(joined.status() < 400, `joining answers ${joined.status()}`);
    assert.equal(new URL(page.url()).pathname, "/app", `${row.name} lands on the home page`);
    assert.match(await text(page.locator("header")), new RegExp(row.name));
    // The link worked once: opened again, it is refused (404) and says
    // why. A browser of its own, not watched: the 404 is the point here.
    const later = await browser.newContext();
    this.contexts.push(later);
    const again = await later.newPage();
    const refused = await again.goto(link);
    assert.equal(refused.status(), 404, "the link works once");
    const said = await text(again.locator("body"));
    assert.match(said, /it was used, replaced by a newer one, or is older than 7 days/, said);
    assert.doesNotMatch(said, /Choose a password to join/);
    await later.close();
    return { context, page };
  }

  async run() {
    // ---- 1. Setup: the Head of People opens the setup link.
    const { context: adminContext, page: admin } = await this.user("admin");
    await this.goto(admin, this.setup);
    await this.check(admin, "setup");
    await admin.fill("#name", ADMIN.name);
    await admin.fill("#email", ADMIN.email);
    await admin.fill("#password", PASSWORD);
    await this.submit(admin, admin.locator("main form button[type=submit]"));
    assert.equal(new URL(admin.url()).pathname, "/app");
    assert.match(await text(admin.locator("header")), new RegExp(ADMIN.name));
    await this.check(admin, "home-admin-first");

    // ---- 2. The roster: the export as BambooHR wrote it, a dry run first.
    await this.goto(admin, "/app/roster");
    await this.check(admin, "roster");
    await admin.setInputFiles("#file", { name: "fernhill-bamboohr-export.csv", mimeType: "text/csv", buffer: Buffer.from(ROSTER, "utf8") });
    assert.equal(await admin.getByLabel(/Dry run/).isChecked(), true, "dry run is ticked by default");
    const dry = await this.submit(admin, admin.getByRole("button", { name: "Import" }));
    assert.equal(dry.status(), 200);
    let main = await text(admin.locator("main"));
    assert.match(main, /Looks like a BambooHR export/, main);
    // The byte-order mark is recognised, and the dates past the 12th
    // settle that the file writes the month first.
    assert.match(main, new RegExp(`Read as UTF-8 with a byte-order mark; ${ROWS.length} people; dates month first`), main);
    assert.match(main, /Dry run: nothing written yet/, main);
    // Priya is known (she set the server up): the rest are added, the
    // leaver too (inactive, with their history to come).
    assert.match(main, new RegExp(`${ROWS.length - 1} to add · 1 to change · 0 to deactivate`), main);
    // The detected mapping: each field's column, as a dropdown.
    const mapped = async (field) => (await admin.locator(`#map-${field} option:checked`).innerText()).trim();
    for (const [field, column] of [["email", "Work Email"], ["first_name", "First Name"], ["last_name", "Last Name"],
      ["display_name", "Preferred Name"], ["job_title", "Job Title"], ["team", "Department"],
      ["manager_email", "Reports To"], ["start_date", "Hire Date"], ["active", "Status"], ["employee_number", "Employee #"]]) {
      assert.equal(await mapped(field), column, `the field ${field} is read from "${column}"`);
    }
    // "Employment Status" holds Full-Time/Contractor: not who works here.
    assert.match(main, /Employment Status/, "the page says which status column was left out");
    // How titles read on the ladder, as people typed them.
    const titles = admin.locator("table", { has: admin.locator("th", { hasText: "Reads as" }) });
    const readsAs = async (title) => text(titles.locator("tr", { has: admin.locator("td", { hasText: new RegExp(`^${title.replace(/[.,]/g, "\\$&")}$`) }) }).locator("td").nth(2));
    assert.match(await readsAs("Sr. Software Engineer"), /Senior Engineer/);
    assert.match(await readsAs("Head of People"), /not on this ladder/);
    await this.check(admin, "roster-dry-run");
    // The file is kept between runs: untick the dry run and run again.
    await admin.getByLabel(/Dry run/).uncheck();
    const imported = await this.submit(admin, admin.getByRole("button", { name: "Run again" }));
    assert.equal(imported.status(), 200);
    main = await text(admin.locator("main"));
    assert.match(main, /Imported/, main);
    assert.match(main, new RegExp(`${ROWS.length - 1} to add`), main);
    await this.check(admin, "roster-imported");
    await this.goto(admin, "/app/people");
    main = await text(admin.locator("main"));
    // The leaver is listed too, inactive.
    assert.match(main, new RegExp(`${ROWS.length} people`), main);
    assert.match(main, new RegExp(`${LEAVER.name} ${LEAVER.title} ${LEAVER.dept} inactive`), main);
    // A preferred name shows beside the legal one, never instead of it.
    assert.match(main, /Benjamin Okafor \(Ben\)/, main);
    await this.check(admin, "people");
    // A manager named by her preferred first name ("Ash Bello") is found.
    const nadia = ROWS.find((r) => r.manager === "Ash Bello");
    await admin.getByRole("link", { name: nadia.name, exact: true }).click();
    await admin.waitForURL(/\/app\/people\/\d+$/);
    assert.match(await admin.locator("#f-manager option:checked").innerText(), /^Aisha Bello \(aisha\.bello@/);

    // ---- 3. Invitations: everyone not joined, by email.
    await this.goto(admin, "/app/invitations");
    const notJoined = ACTIVE.length - 1; // all but Priya
    main = await text(admin.locator("main"));
    assert.match(main, new RegExp(`${notJoined} people have not joined yet`), main);
    assert.match(main, /Invitations go by email: 0 queued, 0 sent\./, main);
    assert.doesNotMatch(main, new RegExp(LEAVER.name), "a leaver is not invited");
    await this.check(admin, "invitations");
    // On a phone, each person is a card whose button to invite them is on
    // screen, not scrolled off to the right of a wide table.
    const phone = await this.narrow(adminContext, "admin", "/app/invitations");
    assert.equal(await phone.locator("main .app-scroll[role=region][tabindex='0'][aria-label]").count(), 1,
      "the list sits in a labelled scroll region");
    const button = await phone.getByRole("button", { name: `Invite ${ROWS[0].name}`, exact: true }).boundingBox();
    assert.ok(button && button.x >= 0 && button.x + button.width <= 390, `the invite button is on screen: ${JSON.stringify(button)}`);
    await phone.close();
    const invited = await this.submit(admin, admin.getByRole("button", { name: `Invite everyone not joined (${notJoined})` }));
    assert.equal(invited.status(), 200);
    assert.match(await text(admin.locator(".app-flash")), new RegExp(`${notJoined} invitations are queued`));
    await this.check(admin, "invitations-queued");

    const invitations = () => this.smtp.mails.filter((m) => m.subject === `You are invited to ${SITE}`);
    await this.smtp.until(() => invitations().length >= notJoined, 60000, `${notJoined} invitations`);
    const expected = ACTIVE.filter((r) => r !== ADMIN).map((r) => r.email).sort();
    const got = invitations().flatMap((m) => m.to).sort();
    assert.deepEqual(got, expected, "one invitation to each active person but the administrator, and only to them");
    const links = new Set();
    for (const mail of invitations()) {
      const row = ROWS.find((r) => r.email === mail.to[0]);
      assert.equal(mail.from, "ladder@fernhill.example");
      assert.match(mail.body, new RegExp(`^Hello ${row.name},`), `the invitation to ${row.email} names them:\n${mail.body}`);
      const link = this.invitationFor(row);
      assert.ok(link.startsWith(this.base + "app/join?token="), `the link points at this server: ${link}`);
      links.add(link);
      // An invitation says nothing of the person's record or anyone else's.
      for (const other of [row.title.trim(), row.manager, row.hired, row.location, ADMIN.name].filter(Boolean)) {
        assert.ok(!mail.body.toLowerCase().includes(other.toLowerCase()), `the invitation to ${row.email} mentions "${other}":\n${mail.body}`);
      }
    }
    assert.equal(links.size, notJoined, "every invitation has a link of its own");
    // The page catches up with the outbox: the server records a message
    // as sent once the SMTP server has answered, a moment after the
    // listener has it, so the last one may still count as queued.
    const allSent = new RegExp(`Invitations go by email: 0 queued, ${notJoined} sent\\.`);
    for (let tries = 0; ; tries++) {
      await this.goto(admin, "/app/invitations");
      main = await text(admin.locator("main"));
      if (allSent.test(main) || tries === 20) break;
      await admin.waitForTimeout(250);
    }
    assert.match(main, allSent, main);
    assert.equal(await admin.getByRole("button", { name: /^Resend to / }).count(), notJoined, "everyone shows as invited");

    // A manager and an engineer join from their emails.
    const { context: managerContext, page: manager } = await this.join(MANAGER, "manager");
    const { context: engineerContext, page: engineer } = await this.join(ENGINEER, "engineer");
    await this.goto(admin, "/app/invitations");
    main = await text(admin.locator("main"));
    assert.match(main, new RegExp(`${notJoined - 2} people have not joined yet`), main);
    assert.doesNotMatch(main, new RegExp(`${MANAGER.name}|${ENGINEER.name}`), "who joined leaves the list");

    // ---- 4. The rollout.
    await this.goto(admin, "/app/rollout");
    await admin.fill("#r-name", "Fernhill ladder 2027");
    await this.submit(admin, admin.getByRole("button", { name: /Open a rollout/ }));
    assert.equal(new URL(admin.url()).pathname, "/app/rollout");
    let progress = await this.progress(admin);
    assert.equal(progress.People, String(ACTIVE.length), JSON.stringify(progress));
    assert.equal(progress.Suggested, String(ACTIVE.length), JSON.stringify(progress));
    assert.equal(progress.Done, "0%", JSON.stringify(progress));
    await this.check(admin, "rollout-open");

    // The manager proposes her team's suggested levels in one go; she
    // cannot confirm them.
    await this.goto(manager, "/app/rollout");
    main = await text(manager.locator("main"));
    assert.match(main, new RegExp(`${TEAM.length + 1} people`), "she sees her team and herself");
    assert.doesNotMatch(main, new RegExp(CEO.name), "a manager sees only her part of the rollout");
    assert.equal(await manager.getByRole("button", { name: "Confirm every proposed level" }).count(), 0);
    await this.check(manager, "rollout-manager");
    await this.submit(manager, manager.getByRole("button", { name: "Propose every suggested level in my team" }));
    main = await text(manager.locator(".app-flash"));
    assert.match(main, new RegExp(`: ${TEAM.length} people`), `every report proposed: ${main}`);
    await this.check(manager, "rollout-manager-proposed");

    // HR proposes everyone else's suggestion; the two people off the
    // ladder are passed over, and said why.
    await this.goto(admin, "/app/rollout");
    await this.submit(admin, admin.getByRole("button", { name: "Propose every suggested level" }));
    const report = await text(admin.locator(".app-flash"));
    assert.match(report, new RegExp(`: ${ACTIVE.length - TEAM.length - 2} people; skipped 2:`), report);
    assert.match(report, new RegExp(`${CEO.name}: `), report);
    assert.match(report, new RegExp(`${ADMIN.name}: `), report);
    await this.check(admin, "rollout-proposed");
    for (const row of [CEO, ADMIN]) {
      const tr = admin.locator("tr", { hasText: row.name });
      await tr.locator("summary").click();
      await this.submit(admin, tr.getByRole("button", { name: `Mark ${row.name} not on a ladder` }));
      assert.equal((await admin.locator("tr", { hasText: row.name }).locator("td").nth(1).innerText()).trim(), "not on a ladder");
    }
    progress = await this.progress(admin);
    assert.equal(progress["Not on a ladder"], "2", JSON.stringify(progress));
    assert.equal(progress.Proposed, String(ACTIVE.length - 2), JSON.stringify(progress));
    // HR confirms Hannah's team first (she has talked them through), then
    // everyone else.
    await admin.getByLabel("Reporting to").selectOption({ label: MANAGER.name });
    await this.submit(admin, admin.getByRole("button", { name: "Confirm every proposed level" }));
    assert.match(await text(admin.locator(".app-flash")), new RegExp(`: ${TEAM.length} people\\.`));
    await this.submit(admin, admin.getByRole("button", { name: "Confirm every proposed level" }));
    assert.match(await text(admin.locator(".app-flash")), new RegExp(`: ${ACTIVE.length - TEAM.length - 2} people\\.`));
    progress = await this.progress(admin);
    assert.equal(progress.Confirmed, String(ACTIVE.length - 2), JSON.stringify(progress));
    assert.equal(progress.Done, "100%", JSON.stringify(progress));
    await this.check(admin, "rollout-done");
    await (await this.narrow(adminContext, "admin", "/app/rollout")).close();
    await (await this.narrow(managerContext, "manager", "/app/rollout")).close();

    // ---- 5. The engineer acknowledges his level, then assesses himself.
    await this.goto(engineer, "/app");
    main = await text(engineer.locator("main"));
    assert.match(main, /Waiting for you/, main);
    assert.match(main, /Your level in the new ladder is confirmed: Engineer\./, main);
    await this.check(engineer, "home-engineer-confirmed");
    await engineer.getByLabel("Note (optional)").fill("Went through it with Hannah in our 1-on-1");
    await this.submit(engineer, engineer.getByRole("button", { name: "Acknowledge" }));
    assert.match(await text(engineer.locator("main")), /You acknowledged your level/);
    // Hannah wants an email each time something waits for her.
    await this.goto(manager, "/app/account");
    await manager.getByLabel("An email each time").check();
    const mailForm = manager.getByRole("form", { name: "Email about what waits for you" });
    await this.submit(manager, mailForm.getByRole("button", { name: "Save" }));
    assert.match(await text(manager.locator("main")), /Saved\./);
    await this.check(manager, "account");

    await engineer.getByRole("link", { name: "My growth" }).click();
    await engineer.waitForURL(/\/app\/people\/\d+\/growth$/);
    const opened = await this.submit(engineer, engineer.getByRole("button", { name: "Start an assessment" }));
    assert.ok(opened.status() < 400, `starting an assessment answers ${opened.status()}`);
    const assessment = new URL(engineer.url()).pathname;
    assert.match(assessment, /^\/app\/assessments\/\d+$/);
    // A draft with a rating and a comment: neither may travel by email.
    const SECRET = "I carried the queue migration mostly alone";
    await engineer.locator("form.app-rate select").first().selectOption({ label: "Consistently" });
    await engineer.getByLabel("Comment").first().fill(SECRET);
    await this.submit(engineer, engineer.getByRole("button", { name: "Save draft" }));
    await this.check(engineer, "assessment-self-draft");

    // Hannah's home lists the assessment waiting for her.
    await this.goto(manager, "/app");
    const waiting = manager.locator("section", { has: manager.locator("h2", { hasText: "Waiting for you" }) });
    assert.match(await text(waiting), new RegExp(`Your assessment of ${ENGINEER.name}`));
    assert.equal(await waiting.locator(`a[href="${assessment}"]`).count(), 1, "the item links to the assessment");
    await this.check(manager, "home-manager-waiting");
    // And hears of it by email: the server looks for news every minute.
    const notice = (m) => m.to.includes(MANAGER.email) && m.subject === `${SITE}: Your assessment of ${ENGINEER.name}`;
    await this.smtp.until((mails) => mails.some(notice), 90000, `the notice to ${MANAGER.email}`);
    const mail = this.smtp.mails.find(notice);
    assert.ok(mail.body.includes(`${this.base.replace(/\/$/, "")}${assessment}`), `the notice links to the assessment:\n${mail.body}`);
    for (const mail of this.smtp.mails) {
      for (const secret of [SECRET, "Consistently", "Went through it with Hannah"]) {
        assert.ok(!mail.body.includes(secret) && !mail.subject.includes(secret), `an email to ${mail.to} holds "${secret}":\n${mail.body}`);
      }
    }

    // Home pages on a phone.
    for (const [who, context] of [["admin", adminContext], ["manager", managerContext], ["engineer", engineerContext]]) {
      await (await this.narrow(context, who, "/app")).close();
    }

    assert.deepEqual(this.problems, [], "no console errors, CSP violations or external requests");
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
  }
}

// The server's email settings, from the environment as docs/server.md
// describes: plain SMTP (`none`) to the listener on this machine.
const smtpEnv = (smtp) => ({
  RUNGS_SMTP_HOST: "127.0.0.1",
  RUNGS_SMTP_PORT: String(smtp.port),
  RUNGS_SMTP_TLS: "none",
  RUNGS_SMTP_FROM: "Fernhill careers <ladder@fernhill.example>",
});

async function story(db, args) {
  const smtp = await startSmtp();
  let server;
  try {
    server = await startServer(BIN, args, smtpEnv(smtp));
    const s = new Story(db, server, smtp);
    try {
      await s.run();
    } finally {
      await s.close();
    }
  } finally {
    await stopServer(server?.child);
    await smtp.close();
  }
}

test("a 40-person company adopts rungs, on SQLite", { timeout: 300000 }, async () => {
  await story("sqlite", ["--data", join(work, "sqlite")]);
});

test("a 40-person company adopts rungs, on PostgreSQL", { timeout: 300000 }, async (t) => {
  await withPostgres(t, "rungs_adoption", async (database) => {
    await story("postgres", ["--data", join(work, "postgres"), "--database", database]);
  });
});
