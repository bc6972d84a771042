#!/usr/bin/env python3
"""Castor's search against Pagefind on the same built site (called by bench/search.sh).

    search_bench.py --castor BIN --templates DIR --content DIR --work DIR --pagefind BIN
                    [--queries "cooperative,financement,scic,gouvernance partagee"]

1. Builds the site with castor (its search index is part of the build) and reads the time
   of the « recherche » step; runs `pagefind --site` on the same output and times it.
2. Serves the site with a small HTTP server (loopback) that counts the bytes it writes for
   every request, headers included. Pagefind loads its index from a Web Worker, which the
   page's performance timeline does not show: counting at the server sees everything.
3. For each tool and each query, in a fresh headless Chromium (empty cache): opens the
   search page, focuses the field (bytes « before typing », the HTML page itself left
   out), types the query, waits for the first result (time to first result) and for the
   network to be quiet, and counts the bytes of that query.
   Castor: its page `recherche/` (20 results shown). Pagefind: a page with its default UI
   (`pagefind-ui.js`, 5 results shown).
Pagefind may fetch part of its index when the field is focused or only once typing
starts, so « first query, all bytes » (before typing + the query) is printed too.
Prints a table and PASS/FAIL against the target: Castor at or below Pagefind on every
figure, and at most a quarter of its bytes per query. Exit status 0 on PASS.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import statistics
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

NOW = "2026-11-23"

PAGEFIND_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>window.addEventListener("DOMContentLoaded", function () {
  new PagefindUI({ element: "#search", showSubResults: false, showImages: false });
});</script></body></html>
"""

TOOLS = {
    "castor": {"page": "/recherche/", "input": "#rp-q", "result": "#rp-resultats li"},
    "pagefind": {"page": "/pagefind-bench/", "input": ".pagefind-ui__search-input", "result": ".pagefind-ui__result"},
}


class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: list[tuple[float, str, int]] = []

    def add(self, path: str, size: int):
        with self.lock:
            self.entries.append((time.monotonic(), path, size))

    def mark(self) -> int:
        with self.lock:
            return len(self.entries)

    def since(self, mark: int) -> list[tuple[float, str, int]]:
        with self.lock:
            return list(self.entries[mark:])


class CountingWriter:
    def __init__(self, raw):
        self.raw = raw
        self.count = 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def serve(root: str, log: Log):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def setup(self):
            super().setup()
            self.wfile = CountingWriter(self.wfile)

        def handle_one_request(self):
            self.wfile.count = 0
            super().handle_one_request()
            if getattr(self, "path", None) and self.wfile.count:
                log.add(self.path, self.wfile.count)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, *args):
            pass

    Handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json"}
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


def quiet(log: Log, seconds: float = 1.0, limit: float = 30.0):
    """Waits until the server has answered nothing for `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        entries = log.since(0)
        last = entries[-1][0] if entries else start
        if time.monotonic() - last >= seconds:
            return
        time.sleep(0.1)


def measure(tool: str, base: str, log: Log, query: str) -> dict:
    spec = TOOLS[tool]
    driver = browser()
    try:
        start = log.mark()
        driver.get(base + spec["page"])
        quiet(log)
        field = driver.find_element(By.CSS_SELECTOR, spec["input"])
        field.click()
        quiet(log)
        before = [e for e in log.since(start) if e[1] != spec["page"]]
        driver.execute_script(
            """var selector = arguments[0];
            window.__first = 0;
            new MutationObserver(function (m, o) {
              if (document.querySelector(selector)) { window.__first = performance.now(); o.disconnect(); }
            }).observe(document.body, {childList: true, subtree: true});
            window.__start = performance.now();""", spec["result"])
        typed = log.mark()
        field.send_keys(query)
        deadline = time.monotonic() + 30
        while not driver.execute_script("return window.__first") and time.monotonic() < deadline:
            time.sleep(0.02)
        first = driver.execute_script("return window.__first ? window.__first - window.__start : null")
        quiet(log, 1.5)
        during = log.since(typed)
        results = len(driver.find_elements(By.CSS_SELECTOR, spec["result"]))
        return {
            "before": sum(e[2] for e in before), "before_requests": len(before),
            "query": sum(e[2] for e in during), "query_requests": len(during),
            "first_ms": first, "results": results,
        }
    finally:
        driver.quit()


def folder_size(path: str) -> tuple[int, int]:
    total = files = 0
    for folder, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(folder, name))
            files += 1
    return total, files


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("castor", "templates", "content", "work", "pagefind"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--queries", default="cooperative,financement,scic,gouvernance partagee")
    args = parser.parse_args()
    queries = [q for q in args.queries.split(",") if q]
    site = os.path.join(args.work, "site")

    print("== castor build", file=sys.stderr)
    started = time.monotonic()
    build = subprocess.run([args.castor, "build", "--content", args.content, "--templates", args.templates,
                            "--output", site, "--now", NOW], capture_output=True, text=True)
    castor_total = time.monotonic() - started
    if build.returncode != 0:
        print(build.stderr, file=sys.stderr)
        return 1
    step = re.search(r"recherche ([0-9]+,[0-9]+) s", build.stdout)
    castor_index_time = float(step.group(1).replace(",", ".")) if step else float("nan")
    pages = sum(1 for _, _, names in os.walk(site) for n in names if n.endswith(".html"))

    print("== pagefind --site", file=sys.stderr)
    started = time.monotonic()
    run = subprocess.run([args.pagefind, "--site", site], capture_output=True, text=True)
    pagefind_time = time.monotonic() - started
    if run.returncode != 0:
        print(run.stdout + run.stderr, file=sys.stderr)
        return 1
    os.makedirs(os.path.join(site, "pagefind-bench"), exist_ok=True)
    with open(os.path.join(site, "pagefind-bench", "index.html"), "w", encoding="utf-8") as page:
        page.write(PAGEFIND_PAGE)

    sizes = {"castor": folder_size(os.path.join(site, "recherche", "index")),
             "pagefind": folder_size(os.path.join(site, "pagefind"))}
    log = Log()
    httpd = serve(site, log)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    figures: dict[str, list[dict]] = {"castor": [], "pagefind": []}
    for query in queries:
        for tool in ("castor", "pagefind"):
            print(f"== {tool}: « {query} »", file=sys.stderr)
            result = measure(tool, base, log, query)
            figures[tool].append(result)
            print(f"   {result}", file=sys.stderr)
    httpd.shutdown()

    def kb(n: float) -> str:
        return f"{n / 1000:.1f} kB"

    rows = []
    times = {"castor": castor_index_time, "pagefind": pagefind_time}
    rows.append(("index build time", f"{times['castor']:.2f} s", f"{times['pagefind']:.2f} s",
                 times["castor"] / times["pagefind"]))
    rows.append(("index size on disk", f"{sizes['castor'][0] / 1e6:.2f} MB ({sizes['castor'][1]} files)",
                 f"{sizes['pagefind'][0] / 1e6:.2f} MB ({sizes['pagefind'][1]} files)",
                 sizes["castor"][0] / sizes["pagefind"][0]))
    before = {t: statistics.mean(f["before"] for f in figures[t]) for t in figures}
    rows.append(("bytes before typing", kb(before["castor"]), kb(before["pagefind"]), before["castor"] / before["pagefind"]))
    ratios = []
    for i, query in enumerate(queries):
        c, p = figures["castor"][i], figures["pagefind"][i]
        ratios.append(c["query"] / p["query"])
        rows.append((f"bytes for « {query} »", f"{kb(c['query'])} ({c['query_requests']} req.)",
                     f"{kb(p['query'])} ({p['query_requests']} req.)", ratios[-1]))
    per_query = {t: statistics.mean(f["query"] for f in figures[t]) for t in figures}
    rows.append(("bytes per query (mean)", kb(per_query["castor"]), kb(per_query["pagefind"]),
                 per_query["castor"] / per_query["pagefind"]))
    total = {t: statistics.mean(f["before"] + f["query"] for f in figures[t]) for t in figures}
    rows.append(("first query, all bytes (mean)", kb(total["castor"]), kb(total["pagefind"]),
                 total["castor"] / total["pagefind"]))
    first = {t: statistics.mean(f["first_ms"] or float("inf") for f in figures[t]) for t in figures}
    rows.append(("time to first result (mean)", f"{first['castor']:.0f} ms", f"{first['pagefind']:.0f} ms",
                 first["castor"] / first["pagefind"]))

    print()
    print(f"Search: castor vs Pagefind ({run.stdout.split(chr(10))[0].strip() or 'pagefind'}), {pages} HTML pages; "
          f"castor build {castor_total:.1f} s in all; load average {open('/proc/loadavg').read().split()[0]}")
    print(f"| {'figure':<34} | {'castor':>26} | {'pagefind':>26} | {'ratio':>6} |")
    print(f"|{'-' * 36}|{'-' * 28}|{'-' * 28}|{'-' * 8}|")
    for name, c, p, ratio in rows:
        print(f"| {name:<34} | {c:>26} | {p:>26} | {ratio:>6.3f} |")
    shown = ", ".join(f"{q}: {c['results']}/{p['results']}" for q, c, p in zip(queries, figures["castor"], figures["pagefind"]))
    print(f"Results shown (castor/pagefind): {shown}")
    print()
    failures = [name for name, _, _, ratio in rows if ratio > 1]
    worst = max(ratios)
    if worst > 0.25:
        failures.append(f"bytes per query: worst ratio {worst:.3f} > 0.25")
    for name in failures:
        print(f"FAIL  {name}")
    print("PASS" if not failures else "FAIL")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
