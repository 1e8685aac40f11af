#!/usr/bin/env python3
"""The cases of Tools/bench. Each runs our command and a reference tool on the same
input and prints wall time, throughput and peak memory (max RSS) side by side."""
import csv
import os
import random
import resource
import statistics
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TERROIR = os.environ["TERROIR_BIN"]
RESULTS = os.path.join(ROOT, "bench-results")


def median_run(command, repeat=3, **kwargs):
    """Runs a command `repeat` times; returns (median seconds, max peak MiB)."""
    runs = [measure(command, **kwargs) for _ in range(repeat)]
    return sorted(seconds for seconds, _ in runs)[repeat // 2], max(peak for _, peak in runs)


def measure(command, env=None, stdin=None):
    """Runs a command; returns (seconds, peak RSS in MiB of that child). Dirty pages
    are written out first, so that one run's files do not slow the next one's."""
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    # A fresh process per measurement, so that RUSAGE_CHILDREN's max is its own.
    wrapper = ["/usr/bin/time", "-f", "%M"]
    result = subprocess.run(wrapper + command, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0,):
        sys.exit(f"bench: {' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024


def table(title, rows):
    print(f"\n{title}")
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("  " + "  ".join(str(cell).rjust(widths[i]) if i else str(cell).ljust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("  " + "  ".join("-" * width for width in widths))


def product_csv(path, count, seed=7, distinct=False):
    """`count` rice products of the Sihong demo brand, valid, spread over the demo
    producers. Net contents repeat a few sizes, as in real files; with `distinct`,
    they are weights in grams that repeat only every 24,500 rows."""
    rng = random.Random(seed)
    producers = ["sihong-rice-coop", "meihua-foods"]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["sku", "category", "name_zh", "name_en", "origin", "producer", "price", "net_content", "grade", "moisture", "variety", "harvest_year"])
        for index in range(count):
            jin = rng.choice([2, 5, 10, 20])
            writer.writerow([
                f"BENCH-{index:07d}", "rice", f"泗洪大米 {jin}斤 #{index}", f"Sihong rice {jin} jin #{index}",
                rng.choice(["321324101", "321324103", "321324110"]), producers[index % 2], f"{rng.randint(20, 200)}.00",
                f"{500 + index % 24_500}g" if distinct else f"{jin}斤", rng.choice(["grade-1", "grade-2", "grade-3"]),
                f"{rng.randint(120, 155) / 10}%", "南粳9108", "2026",
            ])


def fresh_store(folder):
    env = dict(os.environ, TERROIR_DB=os.path.join(folder, "bench.sqlite"), TERROIR_ACTOR="bench")
    for command in (["brands", "publish", "sihong-4x"], ["producers", "import", "Brands/sihong-4x/producers.yaml", "--brand", "sihong-4x"]):
        subprocess.run([TERROIR, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return env


def import_case(repeat=3):
    """Each figure is the median of `repeat` imports, each into a fresh store (this
    machine's speed drifts between runs)."""
    rows = [["case", "rows", "seconds", "rows/s", "peak MiB", "vs sqlite3"]]
    with tempfile.TemporaryDirectory() as folder:
        for count, distinct in ((100_000, False), (200_000, False), (100_000, True)):
            path = os.path.join(folder, f"products-{count}-{distinct}.csv")
            product_csv(path, count, distinct=distinct)
            ours_runs, floor_runs = [], []
            for run in range(repeat):
                # A fresh store each run, so each import inserts every row. Whatever
                # other files left to write is written first: the store's fsyncs would
                # otherwise wait for it.
                env = fresh_store(folder + f"/ours-{count}-{distinct}-{run}")
                os.sync()
                ours_runs.append(measure([TERROIR, "products", "import", path, "--brand", "sihong-4x"], env=env))
                database = os.path.join(folder, f"floor-{count}-{distinct}-{run}.sqlite")
                os.sync()
                with open(os.devnull) as devnull:
                    floor_runs.append(measure(["sqlite3", database, "-cmd", ".mode csv", ".import " + path + " product"], stdin=devnull))
                shutil.rmtree(folder + f"/ours-{count}-{distinct}-{run}")
                os.remove(database)
            ours, ours_peak = sorted(seconds for seconds, _ in ours_runs)[repeat // 2], max(peak for _, peak in ours_runs)
            floor, floor_peak = sorted(seconds for seconds, _ in floor_runs)[repeat // 2], max(peak for _, peak in floor_runs)
            case = "terroir products import" + (", distinct net contents" if distinct else "")
            rows.append([case, count, f"{ours:.2f}", f"{count / ours:,.0f}", f"{ours_peak:.0f}", f"{ours / floor:.1f}x time"])
            rows.append([f"sqlite3 .import (floor)", count, f"{floor:.2f}", f"{count / floor:,.0f}", f"{floor_peak:.0f}", "1.0x"])
    table(f"import: CSV rows validated and stored in one transaction, median of {repeat} (target: >= 50,000 rows/s, flat memory)", rows)
    return rows


EXPORT_QUERY = ("SELECT p.*, pr.name_zh AS producer_name_zh, pr.name_en AS producer_name_en FROM product p "
                "JOIN producer pr ON pr.id = p.producer_id WHERE p.status = 'certified' AND pr.status = 'active' ORDER BY p.id")


def export_case():
    rows = [["case", "products", "seconds", "products/s", "peak MiB", "vs sqlite3"]]
    with tempfile.TemporaryDirectory() as folder:
        count = 100_000
        path = os.path.join(folder, "products.csv")
        product_csv(path, count)
        env = fresh_store(folder)
        database = env["TERROIR_DB"]
        for command in (["products", "import", path, "--brand", "sihong-4x"], ["products", "certify", "--all-compliant", "--brand", "sihong-4x"]):
            subprocess.run([TERROIR, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        floor, floor_peak = median_run(["sqlite3", "-json", database, EXPORT_QUERY])
        rows.append(["sqlite3 -json (floor)", count, f"{floor:.2f}", f"{count / floor:,.0f}", f"{floor_peak:.0f}", "1.0x"])
        for format in ("ndjson", "json", "csv", "gmc-xml", "jsonld"):
            ours, peak = median_run([TERROIR, "catalog", "export", "--format", format, "--out", os.path.join(folder, "out." + format)], env=env)
            rows.append([f"terroir catalog export {format}", count, f"{ours:.2f}", f"{count / ours:,.0f}", f"{peak:.0f}", f"{ours / floor:.1f}x time"])
        # A million products: the same rows ten times over, to watch memory stay flat.
        columns = ("brand_id, producer_id, sku, gtin, name_zh, name_en, description, category_id, attributes, origin, outlet, price, "
                   "availability, status, standard_version, report, created_at, updated_at")
        copies = ";".join(f"INSERT INTO product ({columns}) SELECT {columns.replace('sku', f'sku || {chr(39)}~{copy}{chr(39)}', 1)} "
                          f"FROM product WHERE sku NOT LIKE '%~%'" for copy in range(1, 10))
        subprocess.run(["sqlite3", database, copies], check=True)
        million, million_peak = measure([TERROIR, "catalog", "export", "--format", "ndjson", "--out", os.path.join(folder, "million.ndjson")], env=env)
        rows.append(["terroir catalog export ndjson", 1_000_000, f"{million:.2f}", f"{1_000_000 / million:,.0f}", f"{million_peak:.0f}", "(memory: target < 100 MiB)"])
    table("export: the exportable catalog, median of 3 runs (target: NDJSON within 2x sqlite3's time; < 100 MiB for 1,000,000)", rows)
    return rows


def demo_store(folder):
    """A store with the Sihong demo brand published and its demo products certified."""
    env = fresh_store(folder)
    for command in (["products", "import", "Brands/sihong-4x/products.csv", "--brand", "sihong-4x", "--partial"],
                    ["products", "certify", "--all-compliant", "--brand", "sihong-4x"]):
        subprocess.run([TERROIR, *command], env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return env


def labels_case():
    rows = [["case", "labels", "seconds", "labels/s", "peak MiB", "vs zint"]]
    # Every tool writes its files to memory (tmpfs) when the machine has it: on a disk
    # that has just had many files deleted (the tests do that), ext4's search for free
    # inodes took half of each tool's time, varying threefold from run to run.
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=shm) as folder:
        env = demo_store(folder)
        env = dict(env, TERROIR_DB=env["TERROIR_DB"])
        count = 5_000

        def ours(lot, labels=count):
            out = os.path.join(folder, lot)
            result = measure([TERROIR, "labels", "generate", "--product", "RICE-5KG", "--lot", lot, "--count", str(labels),
                              "--size", "60x40", "--dpi", "300", "--format", "png", "--out", out], env=env)
            return result, out

        # The URIs zint and qrencode encode: a first batch's, whose labels are not timed.
        _, first = ours("BENCHURIS")
        with open(os.path.join(first, "manifest.csv")) as manifest:
            uris = [line.split(",")[1] for line in manifest.read().splitlines()[1:]]
        shutil.rmtree(first)
        uri_file = os.path.join(folder, "uris.txt")
        with open(uri_file, "w") as handle:
            handle.write("\n".join(uris[:count]) + "\n")

        def zint(run):
            out = os.path.join(folder, f"zint-{run}")
            os.makedirs(out)
            # One process, one QR-only PNG per input line, 5 pixels a module as ours at 300 dpi.
            return measure(["zint", "--barcode=QRCODE", "--secure=2", "--scale=2.5", "--filetype=PNG", "--batch",
                            "--input=" + uri_file, "--output=" + os.path.join(out, "~~~~~~.png")])

        # Ours and zint's, alternating, three times each: the machine's speed drifts by
        # a third within a minute, and each ratio is taken from neighbouring runs.
        pairs = []
        for run in range(3):
            (mine, mine_peak), out = ours(f"BENCH{run}")
            shutil.rmtree(out)
            theirs, theirs_peak = zint(run)
            pairs.append((mine, mine_peak, theirs, theirs_peak))
        ratios = sorted((count / mine) / (count / theirs) for mine, _, theirs, _ in pairs)
        mine = statistics.median(pair[0] for pair in pairs)
        theirs = statistics.median(pair[2] for pair in pairs)
        (large, large_peak), _ = ours("BENCH20000", 20_000)
        # PDF sheets: the same product on A4 sheets of 3 x 8 of 70 x 37 mm, one document.
        sheets_out = os.path.join(folder, "sheets-5000")
        sheets = measure([TERROIR, "labels", "generate", "--product", "RICE-5KG", "--lot", "BENCHPDF", "--count", str(count),
                          "--format", "pdf", "--sheet", "a4-3x8-70x37", "--out", sheets_out], env=env)
        sheets_size = os.path.getsize(os.path.join(sheets_out, "labels.pdf")) / 1024 / 1024
        qrencode_out = os.path.join(folder, "qrencode")
        os.makedirs(qrencode_out)
        # qrencode: a process per symbol (it has no batch mode), as many at once as there are cores.
        script = (f"i=0; while IFS= read -r uri; do i=$((i+1)); printf '%s\\0%s\\0' \"{qrencode_out}/$i.png\" \"$uri\"; done < {uri_file} "
                  f"| xargs -0 -n 2 -P {os.cpu_count()} sh -c 'qrencode -l M -s 5 -d 300 -o \"$0\" \"$1\"'")
        qrencode, qrencode_peak = measure(["bash", "-c", script])
        rows.append(["terroir labels generate (whole labels), median of 3", count, f"{mine:.2f}", f"{count / mine:,.0f}",
                     f"{max(pair[1] for pair in pairs):.0f}", f"{statistics.median(ratios):.1f}x rate ({ratios[0]:.1f}-{ratios[-1]:.1f})"])
        rows.append(["terroir labels generate (whole labels)", 20_000, f"{large:.2f}", f"{20_000 / large:,.0f}", f"{large_peak:.0f}",
                     f"{(20_000 / large) / (count / theirs):.1f}x rate"])
        rows.append([f"terroir labels generate --format pdf --sheet a4-3x8-70x37 (one {sheets_size:.0f} MiB document)", count, f"{sheets[0]:.2f}",
                     f"{count / sheets[0]:,.0f}", f"{sheets[1]:.0f}", f"{(count / sheets[0]) / (count / theirs):.1f}x rate"])
        rows.append(["zint --batch (QR-only PNGs), median of 3", count, f"{theirs:.2f}", f"{count / theirs:,.0f}",
                     f"{max(pair[3] for pair in pairs):.0f}", "1.0x"])
        rows.append(["qrencode, a process each (QR-only)", count, f"{qrencode:.2f}", f"{count / qrencode:,.0f}", f"{qrencode_peak:.0f}",
                     f"{(count / qrencode) / (count / theirs):.1f}x rate"])
    table("labels: 60 x 40 mm, 300 dpi, QR + Chinese text + brand mark, PNG on all cores, PDF sheets (target: PNG >= 2x zint's rate, flat memory)", rows)
    return rows


SERVER = os.environ.get("TERROIR_SERVER_BIN", "")


def wrk(url, headers=(), seconds=8, connections=32, errors_allowed=False):
    """Runs wrk on `url`; returns (requests per second, p99 latency in ms), and with
    `errors_allowed` also the count of errors (non-2xx answers and socket errors)
    instead of stopping at the first."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    rate = float(next(line for line in output.splitlines() if line.startswith("Requests/sec:")).split()[1])
    p99 = next(line for line in output.splitlines() if line.strip().startswith("99%")).split()[1]
    value = float(p99[:-2]) if p99.endswith("ms") else float(p99[:-2]) / 1000 if p99.endswith("us") else float(p99[:-1]) * 1000
    non2xx = [line for line in output.splitlines() if "Non-2xx" in line]
    if errors_allowed:
        errors = sum(int(line.split()[-1]) for line in non2xx)
        socket = next((line for line in output.splitlines() if "Socket errors" in line), "")
        errors += sum(int(part.split()[-1]) for part in socket.split(":", 1)[-1].split(",") if part.strip())
        return rate, value, errors
    if non2xx:
        sys.exit(f"bench: {url} answered {non2xx[0].strip()}")
    return rate, value


class Load:
    """What runs against the store while wrk measures: `terroir products import` of
    20,000 rows and `terroir labels generate` of 2,000 labels, again and again (two
    files in turn, so each import changes rows), and downloads of the whole export
    dropped after their first 64 KiB, three at a time."""

    def __init__(self, folder, env, port, key):
        import threading
        self.folder, self.env, self.port, self.key = folder, env, port, key
        self.stop = threading.Event()
        self.imports = self.batches = self.aborted = self.failures = 0
        self.files = []
        for index in range(2):
            path = os.path.join(folder, f"load-{index}.csv")
            product_csv(path, 20_000, seed=11 + index)
            self.files.append(path)
        self.threads = [threading.Thread(target=self.writes)] + [threading.Thread(target=self.churn) for _ in range(3)]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def writes(self):
        round = 0
        while not self.stop.is_set():
            imported = subprocess.run([TERROIR, "products", "import", self.files[round % 2], "--brand", "sihong-4x", "--partial"], env=self.env,
                                      cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            labels = subprocess.run([TERROIR, "labels", "generate", "--product", "RICE-5KG", "--lot", f"LOAD{round}-{time.time_ns() % 10**6}",
                                     "--count", "2000", "--out", os.path.join(self.folder, f"load-labels-{round}")], env=self.env, cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.imports += imported.returncode == 0
            self.batches += labels.returncode == 0
            self.failures += (imported.returncode != 0) + (labels.returncode != 0)
            shutil.rmtree(os.path.join(self.folder, f"load-labels-{round}"), ignore_errors=True)
            round += 1

    def churn(self):
        import socket
        request = (f"GET /v1/catalog/export?format=ndjson HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {self.key}\r\n"
                   "Connection: close\r\n\r\n").encode()
        while not self.stop.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
                    connection.sendall(request)
                    received = 0
                    while received < 65_536:
                        chunk = connection.recv(65_536)
                        if not chunk:
                            break
                        received += len(chunk)
                self.aborted += 1
            except OSError:
                self.failures += 1


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url):
    import urllib.request
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.1)
    sys.exit(f"bench: {url} did not answer")


def http_case():
    import urllib.request
    rows = [["case", "requests/s", "p99 ms", "vs nginx"]]
    with tempfile.TemporaryDirectory() as folder:
        env = demo_store(folder)
        path = os.path.join(folder, "products.csv")
        product_csv(path, 1000)
        for command in (["products", "import", path, "--brand", "sihong-4x"], ["products", "certify", "--all-compliant", "--brand", "sihong-4x"],
                        ["labels", "generate", "--product", "RICE-5KG", "--lot", "HTTP1", "--count", "2", "--out", os.path.join(folder, "labels")]):
            subprocess.run([TERROIR, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        key = subprocess.run([TERROIR, "keys", "create", "--role", "platform", "--name", "bench"], env=env, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.splitlines()[0].split()[-1]
        with open(os.path.join(folder, "labels", "manifest.csv")) as manifest:
            label_uri = manifest.read().splitlines()[1].split(",")[1]
        resolver_path = "/" + label_uri.split("://", 1)[1].split("/", 1)[1]
        port = free_port()
        server = subprocess.Popen([SERVER, "--port", str(port), "--rate-limit", "10000000"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/healthz")
            page_url = base + "/v1/catalog/products?limit=100"
            auth = f"Authorization: Bearer {key}"
            request = urllib.request.Request(page_url, headers={"Authorization": f"Bearer {key}"})
            page = urllib.request.urlopen(request).read()
            answer = urllib.request.urlopen(urllib.request.Request(base + resolver_path, headers={"Accept": "application/json"})).read()
            ours_page = wrk(page_url, [auth])
            ours_resolver = wrk(base + resolver_path, ["Accept: application/json"])
            loaded = []
            for name, url, headers in (("resolver lookup", base + resolver_path, ["Accept: application/json"]), ("catalog page", page_url, [auth])):
                with Load(folder, env, port, key) as load:
                    rate, p99, errors = wrk(url, headers, seconds=10, errors_allowed=True)
                loaded.append([f"terroir-server {name} under load: {load.imports} imports of 20,000 rows, {load.batches} batches of 2,000 labels, "
                               f"{load.aborted} dropped downloads, {load.failures} failed", f"{rate:,.0f}", f"{p99:.1f}", f"{errors} errors"])
        finally:
            server.terminate()
            server.wait()
        static = os.path.join(folder, "static")
        os.makedirs(static)
        # nginx's workers run as an unprivileged user: let them read the files.
        os.chmod(folder, 0o755)
        open(os.path.join(static, "page.json"), "wb").write(page)
        open(os.path.join(static, "answer.json"), "wb").write(answer)
        nginx_port = free_port()
        config = os.path.join(folder, "nginx.conf")
        with open(config, "w") as handle:
            handle.write(f"""worker_processes auto; daemon off; pid {folder}/nginx.pid; error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  server {{ listen 127.0.0.1:{nginx_port}; root {static}; default_type application/json; }} }}
""")
        nginx = subprocess.Popen(["nginx", "-c", config, "-p", folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(f"http://127.0.0.1:{nginx_port}/answer.json")
            nginx_page = wrk(f"http://127.0.0.1:{nginx_port}/page.json")
            nginx_answer = wrk(f"http://127.0.0.1:{nginx_port}/answer.json")
        finally:
            nginx.terminate()
            nginx.wait()
        rows.append([f"terroir-server catalog page (100 products, {len(page):,} bytes)", f"{ours_page[0]:,.0f}", f"{ours_page[1]:.1f}",
                     f"{ours_page[0] / nginx_page[0]:.0%}"])
        rows.append(["nginx, the same bytes as a static file", f"{nginx_page[0]:,.0f}", f"{nginx_page[1]:.1f}", "100%"])
        rows.append([f"terroir-server resolver lookup ({len(answer):,} bytes)", f"{ours_resolver[0]:,.0f}", f"{ours_resolver[1]:.1f}",
                     f"{ours_resolver[0] / nginx_answer[0]:.0%}"])
        rows.append(["nginx, the same answer as a static file", f"{nginx_answer[0]:,.0f}", f"{nginx_answer[1]:.1f}", "100%"])
    table("http: wrk on loopback, 2 threads, 32 connections (targets: resolver >= 25% and catalog page >= 29% of nginx's rate, p99 < 50 ms)", rows)
    load_rows = [["case", "requests/s", "p99 ms", "errors"]] + loaded
    table("http under load: the same, while the store is written (target: 0 errors, p99 < 50 ms)", load_rows)
    return rows + load_rows[1:]


def paired_case(rounds=9):
    """This checkout's terroir against the one built from $TERROIR_BASE_BIN (Tools/bench
    paired REV builds it), on the same 100,000-row file: rounds alternate which goes
    first, each run into a fresh store, and each side's median wall and CPU time are
    compared. On a noisy 2-core machine a change is within noise when the ratio stays
    inside about ±5%."""
    base = os.environ.get("TERROIR_BASE_BIN")
    if not base:
        sys.exit("bench: the paired case needs TERROIR_BASE_BIN (run it as Tools/bench paired REV)")
    sides = [("this", TERROIR, ROOT), ("base", base, os.environ["TERROIR_BASE_ROOT"])]
    count = 100_000
    times = {name: {"import": [], "export": []} for name, _, _ in sides}
    cpus = {name: {"import": [], "export": []} for name, _, _ in sides}

    def run(binary, cwd, env, *args):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([binary, *args], cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.perf_counter() - start, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "products.csv")
        product_csv(path, count)
        for round in range(rounds):
            for name, binary, cwd in (sides if round % 2 == 0 else sides[::-1]):
                env = dict(os.environ, TERROIR_DB=os.path.join(folder, f"{name}-{round}.sqlite"), TERROIR_ACTOR="bench")
                run(binary, cwd, env, "brands", "publish", "sihong-4x")
                run(binary, cwd, env, "producers", "import", "Brands/sihong-4x/producers.yaml", "--brand", "sihong-4x")
                os.sync()
                for case, args in (("import", ["products", "import", path, "--brand", "sihong-4x"]), ("export", None)):
                    if case == "export":
                        run(binary, cwd, env, "products", "certify", "--all-compliant", "--brand", "sihong-4x")
                        args = ["catalog", "export", "--format", "ndjson", "--out", os.path.join(folder, "out.ndjson")]
                    seconds, cpu = run(binary, cwd, env, *args)
                    times[name][case].append(seconds)
                    cpus[name][case].append(cpu)
                os.remove(env["TERROIR_DB"])
    median = lambda values: sorted(values)[len(values) // 2]
    rows = [["case", "this (s)", "base (s)", "this/base wall", "this CPU (s)", "base CPU (s)", "this/base CPU"]]
    for case in ("import", "export"):
        this, base_time = median(times["this"][case]), median(times["base"][case])
        this_cpu, base_cpu = median(cpus["this"][case]), median(cpus["base"][case])
        rows.append([f"{case} {count:,} rows", f"{this:.2f}", f"{base_time:.2f}", f"{this / base_time:.3f}",
                     f"{this_cpu:.2f}", f"{base_cpu:.2f}", f"{this_cpu / base_cpu:.3f}"])
    table(f"paired: this checkout against {os.environ.get('TERROIR_BASE_REV', 'the base')}, {rounds} alternating rounds, medians", rows)
    for case in ("import", "export"):
        print(f"  {case} runs: this {['%.2f' % t for t in times['this'][case]]}, base {['%.2f' % t for t in times['base'][case]]}")
    return rows


CASES = {"import": import_case, "export": export_case, "labels": labels_case, "http": http_case, "paired": paired_case}


def main():
    names = sys.argv[1:] or [name for name in CASES if name != "paired"]
    unknown = [name for name in names if name not in CASES]
    if unknown:
        sys.exit(f"bench: unknown case {unknown}; cases: {', '.join(CASES)}")
    print(f"Tools/bench on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}")
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.txt"), "w") as log:
        for name in names:
            rows = CASES[name]()
            for row in rows:
                log.write("\t".join(map(str, row)) + "\n")


if __name__ == "__main__":
    main()
