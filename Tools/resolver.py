#!/usr/bin/env python3
"""The resolver as GS1 tools, consumers and officers meet it, against a real
terroir-server over a demo store.

  resolver.py check TERROIR TERROIR_SERVER
      curl -I of a demo label (307, Location, Link); its link set valid against GS1's
      link set schema, with GS1 link types, every href answered by terroir-server;
      OPTIONS and CORS; /.well-known/gs1resolver; 100 link-set fetches count no
      scan; 5 scans of a forged serial in `terroir scans report`.
  resolver.py screens TERROIR TERROIR_SERVER OUT_DIR
      the consumer page at 390 x 844 in headless Chromium: genuine, counterfeit,
      suspended producer, unknown GTIN.

Reads GS1's schema and link types from ../shared/reference/ (never copied here).
"""
import csv
import http.client
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The project's shared folder lies beside the clone (as CI lays it); TERROIR_SHARED names another.
REFERENCE = pathlib.Path(os.environ.get("TERROIR_SHARED", ROOT.parent / "shared")) / "reference"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


class Demo:
    """A demo store with labels, and terroir-server over it on a free port."""

    def __init__(self, terroir, server):
        self.terroir, self.server = terroir, server
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="terroir-resolver-"))
        self.env = dict(os.environ, TERROIR_DB=str(self.work / "resolver.sqlite"), TERROIR_ACTOR="resolver-check")
        self.process = None

    def run(self, *args, check=True):
        return subprocess.run([self.terroir, *args], env=self.env, cwd=ROOT, check=check, capture_output=True, text=True)

    def labels(self, product, lot, count, name):
        out = self.work / name
        self.run("labels", "generate", "--product", product, "--lot", lot, "--count", str(count), "--out", str(out))
        with open(out / "manifest.csv", encoding="utf-8-sig") as file:
            return [row["uri"] for row in csv.DictReader(file)]

    def __enter__(self):
        self.run("brands", "publish", "--all")
        for brand in ("sihong-4x", "yantai-apple", "shuyang-ovop"):
            self.run("producers", "import", f"Brands/{brand}/producers.yaml", "--brand", brand)
            self.run("products", "import", f"Brands/{brand}/products.csv", "--brand", brand, "--partial", check=False)
            self.run("products", "certify", "--all-compliant", "--brand", brand)
        self.rice = self.labels("RICE-5KG", "L2026-11", 3, "rice")
        self.gala = self.labels("APL-GALA-1", "A2026-1015", 1, "gala")
        self.port = random.randint(20000, 40000)
        self.log = open(self.work / "server.log", "w")
        self.process = subprocess.Popen([self.server, "--port", str(self.port)], env=self.env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                if self.get("/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)

    def request(self, method, path, headers=None):
        """(status, headers, body) of one request; redirects are not followed."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body

    def get(self, path, accept=None):
        return self.request("GET", path, {"Accept": accept} if accept else {})

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


def local(uri):
    """The path and query of a URI on a brand's resolver host: where terroir-server answers it."""
    parts = urllib.parse.urlsplit(uri)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def scans(demo, uri):
    status, _, body = demo.get(local(uri), "application/json")
    assert status == 200, (uri, status)
    return json.loads(body)["scans"]


def check(demo):
    failures = []

    def expect(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    label = demo.rice[0]
    path = local(label)
    # curl -I, as a person would try it.
    head = subprocess.run(["curl", "-sI", demo.url(path)], capture_output=True, text=True).stdout
    lines = head.replace("\r", "").split("\n")
    fields = {line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in lines[1:] if ":" in line}
    expect(lines[0].startswith("HTTP/1.1 307"), f"curl -I {path}: {lines[0]}")
    expect(fields.get("location", "").startswith("https://id.sihong.example.cn/verify/01/"), f"Location: {fields.get('location')}")
    expect('rel="linkset"' in fields.get("link", "") and "gs1.org/voc/defaultLink" in fields.get("link", ""), "Link: the link set and the default link")

    # The link set: GS1's schema, GS1's link types, every href answered.
    import jsonschema
    if not (REFERENCE / "gs1-linkset-schema.json").exists():
        sys.exit(f"resolver.py: GS1's link set schema is not at {REFERENCE}/gs1-linkset-schema.json "
                 "(the project's shared/ folder belongs beside the clone, or name it with TERROIR_SHARED)")
    schema = json.load(open(REFERENCE / "gs1-linkset-schema.json"))
    types = set(json.load(open(REFERENCE / "linktypes.json")))
    status, headers, body = demo.get(path + "&linkType=linkset")
    linkset = json.loads(body)
    errors = [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(linkset)]
    expect(status == 200 and headers.get("content-type") == "application/linkset+json" and not errors, f"the link set validates against GS1's schema {errors[:2]}")
    item = linkset["linkset"][0]
    relations = [key for key in item if key.startswith("http")]
    expect(all(key.startswith("https://gs1.org/voc/") and key.rsplit("/", 1)[1] in types for key in relations),
           f"its link types are GS1's: {[key.rsplit('/', 1)[1] for key in relations]}")
    expect(item["anchor"].startswith("https://id.sihong.example.cn/01/"), f"anchor on the brand's host: {item['anchor']}")
    hrefs = sorted({link["href"] for key in relations for link in item[key]})
    for href in hrefs:
        if urllib.parse.urlsplit(href).netloc != "id.sihong.example.cn":
            print(f"     (not on the resolver's host, not fetched: {href})")
            continue
        status, _, _ = demo.get(local(href), BROWSER)
        expect(status == 200, f"href answers on terroir-server: {href} -> {status}")
    titled = all(link.get("title") for key in relations for link in item[key])
    languages = {tuple(link.get("hreflang", [])) for key in relations if not key.endswith("defaultLink") for link in item[key]}
    expect(titled and languages == {("zh",), ("en",)}, f"every link has a title, in zh and in en: {sorted(languages)}")

    status, headers, _ = demo.request("OPTIONS", path, {"Origin": "https://shop.example.cn", "Access-Control-Request-Method": "GET"})
    expect(status == 204 and headers.get("access-control-allow-origin") == "*" and "GET" in headers.get("access-control-allow-methods", ""),
           f"OPTIONS: {status}, CORS {headers.get('access-control-allow-origin')} {headers.get('access-control-allow-methods')}")
    status, headers, body = demo.request("GET", "/.well-known/gs1resolver", {"Host": "id.sihong.example.cn"})
    description = json.loads(body)
    expect(status == 200 and description.get("resolverRoot") == "https://id.sihong.example.cn" and "01" in description.get("supportedPrimaryKeys", []),
           f"/.well-known/gs1resolver: root {description.get('resolverRoot')}")

    # 100 link-set fetches (and a few other machine fetches) count no scan.
    before = scans(demo, label)
    for _ in range(100):
        demo.get(path + "&linkType=linkset")
    for accept in ("application/linkset+json", "application/ld+json"):
        demo.get(path, accept)
    demo.request("HEAD", path)
    time.sleep(0.6)
    after = scans(demo, label)
    expect(before == after, f"100 link-set fetches leave the scan count unchanged ({before} -> {after})")

    # 5 scans of a forged serial, as a phone makes them: the redirect, then the page.
    forged = label.replace("/21/1?", "/21/999999?")
    for _ in range(5):
        status, headers, _ = demo.get(local(forged), BROWSER)
        assert status == 307, status
        status, _, body = demo.get(local(headers["location"]), BROWSER)
        assert status == 200 and b'data-verdict="not_issued"' in body, status
    time.sleep(0.6)
    report = json.loads(demo.run("scans", "report", "--brand", "sihong-4x", "--format", "json").stdout)
    lines = [line for line in report["lines"] if line["lot"] == "L2026-11"]
    never = sum(line["never_issued"] for line in lines)
    expect(never == 5, f"terroir scans report: 5 scans of a forged serial ({never} never issued)")
    csv_report = demo.run("scans", "report", "--brand", "sihong-4x").stdout
    expect("L2026-11" in csv_report and ",5," in csv_report, "the CSV report has them too")

    print(f"{len(failures)} failed" if failures else "every resolver check passed")
    return 1 if failures else 0


def screens(demo, out):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("resolver.py: chromium is not installed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    def page(uri):  # where a phone lands: the default link
        return local(demo.get(local(uri), BROWSER)[1]["location"])
    genuine = page(demo.rice[0])
    counterfeit = genuine.replace("/21/1?", "/21/999999?")
    suspended = page(demo.gala[0])
    producer = next(row["producer"] for row in csv.DictReader(open(ROOT / "Brands/yantai-apple/products.csv", encoding="utf-8")) if row["sku"] == "APL-GALA-1")
    demo.run("producers", "suspend", producer, "--reason", "抽检不合格 failed a spot check")
    time.sleep(1.2)  # the server's cache sees the store's new version
    pages = {"genuine": genuine, "counterfeit": counterfeit, "suspended-producer": suspended, "unknown-gtin": "/01/06901234599992"}
    for name, path in pages.items():
        target = out / f"{name}.png"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=390,844",
                        "--lang=zh-CN", f"--screenshot={target}", demo.url(path)], check=True, capture_output=True)
        size = len(demo.get(path, BROWSER)[2])
        print(f"{target} ({size:,} bytes of HTML)")


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("check", "screens"):
        sys.exit(__doc__)
    with Demo(sys.argv[2], sys.argv[3]) as demo:
        if sys.argv[1] == "check":
            sys.exit(check(demo))
        screens(demo, pathlib.Path(sys.argv[4]) if len(sys.argv) > 4 else ROOT / "docs" / "resolver")


if __name__ == "__main__":
    main()
