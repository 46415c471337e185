"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

No Python dependency: Chromium's `--remote-debugging-pipe` reads protocol commands
on fd 3 and writes replies and events on fd 4 (JSON, each message ended by NUL);
`Cdp` below is that client.  The page must load with no console error, no
exception, no dialog (an escaped `<script>` must not run) and no request other
than the file itself; the heatmap cells must carry the statuses the engine gave;
the sort script must work under the page's Content-Security-Policy; and a PNG
screenshot is saved into the test's tmp dir.

Skipped only when no Chromium binary exists (Debian: `apt-get install chromium`).
DXPLAN_SCREENSHOT=path also saves the small screenshot kept in
docs/report-screenshot.png (Huyện Mộc Hóa's page from logs/q1.csv, Quý I).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.render.html import index_html, unit_html
from dx_plan.report import build_report

from .conftest import ROOT
from .test_report_sample import SAMPLE_UNITS, XSS, catalog, sample_check

TIMEOUT = 60.0

pytestmark = pytest.mark.slow


def chromium_binary() -> str | None:
    """$DXPLAN_CHROMIUM, else chromium (Debian), chromium-browser or google-chrome on PATH."""
    env = os.environ.get("DXPLAN_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"):
        found = shutil.which(name)
        if found:
            return found
    return None


class CdpError(RuntimeError):
    """The browser answered a command with an error, or did not answer in time."""


class Cdp:
    """A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`."""

    def __init__(self, binary: str, workdir: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: our pipe ends become its fds 3 and 4
            # Via fds ≥ 10 first, so neither dup2 can overwrite the other pipe end.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.stderr_path = workdir / "chromium.log"
        self._stderr = self.stderr_path.open("wb")
        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                f"--user-data-dir={workdir / 'profile'}", "--remote-debugging-pipe",
                "about:blank"]
        # close_fds=False keeps the dup2'ed fds 3 and 4; every other descriptor Python
        # opened is close-on-exec (PEP 446), so nothing else leaks into the browser.
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=self._stderr, preexec_fn=wire, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        """Send a command and wait for its reply (events meanwhile go to `events`)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method,
                                   "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, session: str | None = None) -> dict[str, Any]:
        """Wait for an event (it may already have arrived)."""
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        deadline = time.monotonic() + TIMEOUT
        while True:
            event = self._receive(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            if event.get("method") == "Page.javascriptDialogOpening":
                # A dialog would block the page: dismiss it (the test fails on it later).
                self.send("Page.handleJavaScriptDialog", {"accept": True},
                          event.get("sessionId"))

    def drain(self, seconds: float) -> None:
        """Collect the events that arrive within `seconds` (late console messages)."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._receive(deadline))
        except CdpError:
            pass

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CdpError("timed out waiting for Chromium")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise CdpError("Chromium closed the pipe: " + self._log_tail())
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def _log_tail(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")[-2000:]

    def close(self) -> None:
        """Ask the browser to quit; kill it if it does not."""
        try:
            self.send("Browser.close")
        except (CdpError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self._stderr.close()


class Page:
    """One tab, with what it logged and fetched."""

    def __init__(self, cdp: Cdp) -> None:
        self.cdp = cdp
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = cdp.send("Target.attachToTarget",
                                {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1200, "height": 1600, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.cdp.send(method, params, self.session)

    def open(self, url: str) -> None:
        """Navigate and wait for the load event (and a moment for late messages)."""
        self.cdp.events.clear()
        self.send("Page.navigate", {"url": url})
        self.cdp.wait_for("Page.loadEventFired", self.session)
        # A round trip to the page: messages it logged before answering arrive first;
        # the short drain catches anything the browser itself reports a moment later.
        self.evaluate("0")
        self.cdp.drain(0.2)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _events(self, method: str) -> list[dict[str, Any]]:
        return [e["params"] for e in self.cdp.events
                if e.get("method") == method and e.get("sessionId") == self.session]

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions, browser log errors and dialogs."""
        out = [f"console.{e['type']}: {e.get('args')}"
               for e in self._events("Runtime.consoleAPICalled")
               if e["type"] in ("error", "assert", "warning")]
        out += [f"exception: {e['exceptionDetails']}"
                for e in self._events("Runtime.exceptionThrown")]
        out += [f"log.{e['entry']['level']}: {e['entry'].get('text')}"
                for e in self._events("Log.entryAdded")
                if e["entry"]["level"] in ("error", "warning")]
        out += [f"dialog: {e.get('message')}"
                for e in self._events("Page.javascriptDialogOpening")]
        return out

    def requests(self) -> list[str]:
        """URLs the page asked for (data: URLs are not network requests)."""
        return [e["request"]["url"] for e in self._events("Network.requestWillBeSent")
                if not e["request"]["url"].startswith("data:")]

    def screenshot(self, path: Path, scale: float = 1.0, height: int = 1600) -> bytes:
        """A PNG of the top of the page (scaled down for a small file)."""
        params: dict[str, Any] = {"format": "png"}
        if scale != 1.0:
            params["clip"] = {"x": 0, "y": 0, "width": 1200, "height": height, "scale": scale}
        data = base64.b64decode(self.send("Page.captureScreenshot", params)["data"])
        path.write_bytes(data)
        return data


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cdp]:
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium binary (install the Debian package 'chromium')")
    cdp = Cdp(binary, tmp_path_factory.mktemp("chromium"))
    try:
        cdp.send("Browser.getVersion")
        yield cdp
    finally:
        cdp.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample quarter written as a directory of reports (what --out-dir writes)."""
    out = tmp_path_factory.mktemp("report")
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    for unit in report.units:
        (out / f"{unit.unit}.html").write_text(unit_html(report, unit, "vi"), encoding="utf-8")
    (out / "index.html").write_text(index_html(report, "vi"), encoding="utf-8")
    return out


CELLS_JS = """JSON.stringify(Array.from(document.querySelectorAll('svg.hm rect[data-status]'))
  .map(function (r) { return {rule: r.dataset.rule, period: r.dataset.period,
    status: r.dataset.status, fill: getComputedStyle(r).fill,
    title: r.querySelector('title').textContent, width: r.getBoundingClientRect().width}; }))"""


def test_unit_page_loads_cleanly_with_the_right_heatmap(browser: Cdp, pages: Path,
                                                        tmp_path: Path) -> None:
    page = Page(browser)
    url = (pages / "h-ben-luc.html").as_uri()
    page.open(url)
    assert page.errors() == []
    assert page.requests() == [url]
    cells = json.loads(page.evaluate(CELLS_JS))
    weekly = {c["period"]: c for c in cells if c["rule"] == "2.5-grassroots-radio-weekly"}
    # Its own system: W08 and W10 (the W05 stub week is not due; W06 was a commune's).
    assert {p: c["status"] for p, c in weekly.items()} == {
        "2024-W06": "missing", "2024-W07": "missing", "2024-W08": "met",
        "2024-W09": "missing", "2024-W10": "met", "2024-W11": "missing",
        "2024-W12": "missing", "2024-W13": "missing"}
    assert weekly["2024-W07"]["title"] == "2.5 · Tuần 07 (12/02–18/02/2024): 0/1 — chưa thực hiện"
    # Colour comes from the stylesheet: solid green for met, a hatched pattern for missing.
    assert weekly["2024-W08"]["fill"] == "rgb(0, 122, 94)"
    assert weekly["2024-W07"]["fill"].startswith("url(") and "hm-missing" in weekly[
        "2024-W07"]["fill"]
    assert all(c["width"] > 0 for c in cells)
    portal = {c["period"]: c["status"] for c in cells if c["rule"] == "3.3-unit-portal-monthly"}
    assert portal == {"2024-02": "met", "2024-03": "missing"}
    # The escaped title is text on the page, and no script but the page's own exists.
    assert page.evaluate(f"document.body.textContent.includes({json.dumps(XSS)})") is True
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelectorAll('a[href^=javascript]').length") == 0
    png = page.screenshot(tmp_path / "h-ben-luc.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_a_phone_reads_the_page_without_widening_it(browser: Cdp, pages: Path) -> None:
    """At 390 px (a report forwarded over Zalo) the page is as wide as the screen; wide
    tables scroll inside it."""
    page = Page(browser)
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        page.open((pages / "h-ben-luc.html").as_uri())
        assert page.errors() == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        widest = page.evaluate("Math.max(...Array.from(document.querySelectorAll('table'))"
                               ".map(t => t.scrollWidth))")
        assert widest > 390  # the tables themselves are wider: they scroll
    finally:
        page.send("Emulation.clearDeviceMetricsOverride", {})


def test_overview_loads_sorts_and_draws_the_weekly_heatmap(browser: Cdp, pages: Path,
                                                           tmp_path: Path) -> None:
    page = Page(browser)
    url = (pages / "index.html").as_uri()
    page.open(url)
    assert page.errors() == []
    assert page.requests() == [url]
    order = "Array.from(document.querySelectorAll('table.units tbody tr')).map(r => r.dataset.unit)"
    assert page.evaluate(order) == ["h-duc-hoa", "h-ben-luc", "vp-ubnd-tinh", "so-tttt",
                                    "bao-long-an"]
    link = page.evaluate("document.querySelector('table.units a').getAttribute('href')")
    assert link == "h-duc-hoa.html"
    # The inline sort script runs under the page's CSP: clicking 'Thiếu' reverses the order.
    page.evaluate("document.querySelectorAll('table.units th button')[4].click()")
    assert page.evaluate(order)[0] == "bao-long-an"
    assert page.errors() == []
    cells = json.loads(page.evaluate(CELLS_JS))
    assert {c["rule"] for c in cells} == {"2.2-newspaper-weekly", "2.5-grassroots-radio-weekly"}
    newspaper = [c["status"] for c in cells if c["rule"] == "2.2-newspaper-weekly"]
    assert newspaper == ["met"] * 8
    # Two districts × eight weeks (W06–W13): Đức Hòa logged nothing; Bến Lức's own system
    # met W08 and W10 only.
    radio = [c["status"] for c in cells if c["rule"] == "2.5-grassroots-radio-weekly"]
    assert len(radio) == 16 and radio.count("missing") == 8 + 6
    png = page.screenshot(tmp_path / "index.png")
    assert png.startswith(b"\x89PNG")


def test_every_page_the_cli_writes_for_the_sample_log_loads_cleanly(browser: Cdp,
                                                                     tmp_path: Path) -> None:
    log = ROOT / "logs" / "q1.csv"
    out = tmp_path / "r"
    result = CliRunner().invoke(app, ["report", str(log), "--all", "--out-dir", str(out),
                                      "--format", "html", "--period", "2024-Q1",
                                      "--as-of", "2024-03-31"])
    assert result.exit_code == 1, result.stderr
    pages = sorted(out.glob("*.html"))
    assert len(pages) == 39  # 38 accountable units and the overview
    page = Page(browser)
    for path in pages:
        page.open(path.as_uri())
        assert (path.name, page.errors()) == (path.name, [])
        assert page.requests() == [path.as_uri()]
        if path.name != "index.html":
            cells = json.loads(page.evaluate(CELLS_JS))
            assert cells and {c["status"] for c in cells} <= {"met", "short", "missing", "open"}
    target = os.environ.get("DXPLAN_SCREENSHOT")
    if target:
        page.open((out / "h-moc-hoa.html").as_uri())
        page.screenshot(Path(target), scale=0.6, height=1560)
