"""Take the README's screenshot of the editor's page on the seed pair.

    .venv/bin/python scripts/screenshot.py [--output docs/editor.png] [--select numeric_mismatch]

Serves the app on a free loopback port, opens the page in headless Chromium (/usr/bin/chromium,
driven by Playwright), presses Compare, selects the first finding of the chosen type and saves
a PNG. Prints the findings it saw, so the picture can be checked against the API's answer.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from api import create_app  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "editor.png")
    parser.add_argument("--select", default="numeric_mismatch", help="finding type to select (click)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    # An open instance, whatever keys the environment sets.
    server = make_server("127.0.0.1", 0, create_app({"API_KEYS": ""}), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    user_data = tempfile.mkdtemp(prefix="crosscheck-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                user_data,
                executable_path=args.chromium,
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": args.width, "height": args.height},
                device_scale_factor=1,
            )
            page = context.new_page()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready=true]")
            with page.expect_response(lambda r: r.url.endswith("/v1/compare")) as response:
                page.click("#compare")
            page.wait_for_selector("#compare[aria-busy=false]")
            report = response.value.json()
            findings = report["findings"]
            chosen = next((i for i, f in enumerate(findings) if f["type"] == args.select), None)
            if chosen is not None:
                page.click(f".finding[data-index='{chosen}']")
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(1000)  # let the emphasis animation finish
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output), full_page=False)
            context.close()
    finally:
        server.shutdown()
        shutil.rmtree(user_data, ignore_errors=True)

    print(f"{args.output}: {len(findings)} findings on the seed pair (checks: {report['summary']['checks']})")
    for f in findings:
        texts = " | ".join(m["text"] for m in f["mentions"])
        print(f"  {f['severity']:6} {f['type']:16} {texts}")
    if chosen is not None:
        print(f"selected: {findings[chosen]['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
