// The `rungs server` process for browser tests: started on a free
// loopback port, its site address and one-time setup link read from its
// log; stopped politely, then firmly.
import { execFileSync, spawn } from "node:child_process";
import assert from "node:assert/strict";

/// Servers still running, for the tests' `after` hook to stop.
export const servers = new Set();

/// `env`: variables added to this process's environment (the SMTP
/// settings, for a story that reads the mail the server sends).
export function startServer(bin, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ["server", "--listen", "127.0.0.1:0", ...args],
      { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    servers.add(child);
    child.on("exit", () => servers.delete(child));
    let log = "";
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const site = log.match(/rungs server: (http:\/\/127\.0\.0\.1:\d+\/) \(site\)/);
      const setup = log.match(/(http:\/\/127\.0\.0\.1:\d+\/app\/setup\?token=[0-9a-zA-Z]+)\r?\n/);
      if (site && setup) {
        clearTimeout(timer);
        resolvePromise({ child, base: site[1], setup: setup[1], log: () => log });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`rungs server exited with ${code}: ${log}`));
    });
    const timer = setTimeout(() => reject(new Error(`rungs server did not start: ${log}`)), 30000);
  });
}

export async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill();
  let timer;
  await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 5000); })]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/// A fresh page in `context` whose console errors, CSP violations, failed
/// requests, page errors and requests outside `base` are pushed onto
/// `problems`, each naming `who`.
export async function watchedPage(context, who, base, problems) {
  // CSP violations also show as console errors in chromium; the event
  // names the directive, which helps when one happens.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // The site has no icon, so the browser's own request for
    // /favicon.ico is answered 404 (once per browser); not the app's doing.
    if (/\/favicon\.ico$/.test(m.location().url || "")) return;
    problems.push(`${who} console error on ${page.url()}: ${m.text()} (${m.location().url || "no url"})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) {
      problems.push(`${who} on ${page.url()}: ${r.request().method()} ${r.url()} answered ${r.status()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`${who} page error on ${page.url()}: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) {
      problems.push(`${who} external request from ${page.url()}: ${r.url()}`);
    }
  });
  return page;
}

/** Starts headless Debian chromium (`executablePath`) through playwright's
 * `chromium`, with what every browser test turns off: sandboxing (tests run
 * as root in CI), the GPU, and chromium's own traffic to the network. */
export function launchChromium(chromium, executablePath) {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/** A locator's visible text, its white space collapsed to single spaces. */
export const text = async (locator) => (await locator.innerText()).replace(/\s+/g, " ").trim();

/**
 * Runs `run(databaseUrl)` on a fresh, empty PostgreSQL database named
 * `<prefix>_<pid>` (the role of RUNGS_TEST_POSTGRES_URL needs CREATEDB),
 * dropped afterwards. Without the variable the test is skipped, or fails
 * under RUNGS_REQUIRE_ALL=1.
 */
export async function withPostgres(t, prefix, run) {
  const url = process.env.RUNGS_TEST_POSTGRES_URL;
  if (!url) {
    if (process.env.RUNGS_REQUIRE_ALL === "1") {
      assert.fail("RUNGS_REQUIRE_ALL=1 but RUNGS_TEST_POSTGRES_URL is not set: the browser story must run on PostgreSQL too");
    }
    const reason = "RUNGS_TEST_POSTGRES_URL is not set";
    console.log(`skipping the PostgreSQL story: ${reason}`);
    t.skip(reason);
    return;
  }
  const name = `${prefix}_${process.pid}`;
  const psql = (sql) => execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
    { cwd: "/", stdio: ["ignore", "pipe", "pipe"] });
  psql(`DROP DATABASE IF EXISTS ${name}`);
  psql(`CREATE DATABASE ${name}`);
  const database = new URL(url);
  database.pathname = `/${name}`;
  try {
    await run(database.href);
  } finally {
    psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
