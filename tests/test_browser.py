"""The editor page and Swagger UI in a real browser: headless Chromium, driven by Playwright,
against a live server on a loopback port.

Needs the ``playwright`` Python package (the ``test`` extra) and Chromium at /usr/bin/chromium
(``.ci/ensure-chromium`` installs it; ``CROSSCHECK_CHROMIUM`` points elsewhere). Playwright's own
browser download is never used. Outside CI the tests skip when either is missing; in CI
(``CI`` set) they fail instead, so the page is never silently untested.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from api import create_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CROSSCHECK_CHROMIUM", "/usr/bin/chromium")
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
TIMEOUT_MS = 10_000
# No keys and no CORS origins, whatever the shell running the tests exports.
OPEN = {"TESTING": True, "API_KEYS": "", "CORS_ORIGINS": ""}

# Astral characters (a skin-toned thumbs-up, a flag) before a number: each is two UTF-16 code
# units but one code point, so code point offsets would shift every highlight after them.
EMOJI_A = "👍🏽🇰🇭 The vote share was 87.3 per cent, the commission said on Monday."
EMOJI_B = "👍🏽🇰🇭 The vote share was 87.23 per cent, the commission said on Monday."


def _missing() -> list[str]:
    problems = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the playwright package is not installed (pip install -e '.[test]')")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        problems.append(
            f"Chromium is not at {CHROMIUM} (run .ci/ensure-chromium, or apt-get install chromium)"
        )
    return problems


def _require_browser() -> None:
    """Skip without Chromium or playwright, except in CI, where that is a failure."""
    problems = _missing()
    if problems:
        reason = "the browser tests cannot run: " + "; ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(f"{reason}. CI must run them: install what is missing.", pytrace=False)
        pytest.skip(reason)


def test_chromium_and_playwright_are_available():
    """In CI a missing browser is a failure of its own, not only an error in each test."""
    _require_browser()


def _serve(app):
    """``app`` served by werkzeug on a free loopback port, in a thread."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def base_url():
    """The app on a live server, for the duration of the module."""
    server, thread, url = _serve(create_app(OPEN))
    yield url
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser_context():
    _require_browser()
    from playwright.sync_api import sync_playwright

    user_data = tempfile.mkdtemp(prefix="crosscheck-chromium-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            user_data,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(user_data, ignore_errors=True)


@pytest.fixture
def page(browser_context, base_url):
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Chromium logs every 4xx answer as "Failed to load resource"; the error tests expect those.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    # Nothing may leave the machine: every request goes to the test server.
    page.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
    yield page
    page.close()
    assert not errors, f"the page logged errors: {errors}"


def open_editor(page, base_url):
    page.goto(base_url + "/")
    page.wait_for_selector("body[data-ready=true]")


def set_articles(page, texts):
    """Replace the page's articles with ``texts`` through the form, as an editor would."""
    cards = page.locator(".article-input")
    while cards.count() < len(texts):
        page.click("#add-article")
    while cards.count() > len(texts):
        cards.nth(cards.count() - 1).locator(".remove-article").click()
    for i, text in enumerate(texts):
        cards.nth(i).locator("textarea[name=text]").fill(text)


def compare(page):
    """Press Compare and return the JSON the page received."""
    with page.expect_response(lambda r: r.url.endswith("/v1/compare")) as response:
        page.click("#compare")
    page.wait_for_selector("#compare[aria-busy=false]")
    return response.value.json()


def post_json(base_url, path, body):
    request = urllib.request.Request(
        base_url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def highlighted_text(page) -> dict[str, str]:
    """For every mention the page highlighted: "<article id>|<finding>:<mention>" -> its text,
    joined from the (possibly several, when mentions overlap) highlighted segments in order."""
    return page.evaluate(
        """() => {
            const out = {};
            for (const view of document.querySelectorAll('.article-view')) {
                for (const mark of view.querySelectorAll('mark.hl')) {
                    for (const key of mark.dataset.keys.split(' ')) {
                        const k = view.dataset.articleId + '|' + key;
                        out[k] = (out[k] || '') + mark.textContent;
                    }
                }
            }
            return out;
        }"""
    )


def mention_text(report) -> dict[str, str]:
    return {
        f"{m['article_id']}|{fi}:{mi}": m["text"]
        for fi, f in enumerate(report["findings"])
        for mi, m in enumerate(f["mentions"])
    }


def test_seed_pair_highlights_are_the_mentions_the_api_returned(page, base_url, seed_request):
    open_editor(page, base_url)
    texts = page.locator(".article-input textarea").evaluate_all("els => els.map(e => e.value)")
    assert texts == [a["text"] for a in seed_request["articles"]]

    # Hold the request to see the busy state, then let it through.
    held = []
    page.route("**/v1/compare", lambda route: held.append(route))
    page.click("#compare")
    page.wait_for_selector("#compare[aria-busy=true]")
    assert page.is_disabled("#compare")
    assert page.text_content("#compare") == "Comparing…"
    with page.expect_response(lambda r: r.url.endswith("/v1/compare")) as response:
        held[0].continue_()
    page.wait_for_selector("#compare[aria-busy=false]")
    report = response.value.json()

    sent = page.evaluate("window.crosscheckEditor.request")
    assert sent["options"] == {"offsets": "utf16"}
    assert post_json(base_url, "/v1/compare", sent) == (200, report)

    assert highlighted_text(page) == mention_text(report)
    assert page.locator(".finding").count() == len(report["findings"])
    # The articles are shown whole: highlighting adds elements, never drops or repeats text.
    shown = page.locator(".article-text").evaluate_all("els => els.map(e => e.textContent)")
    assert shown == [a["text"] for a in seed_request["articles"]]
    if not report["findings"]:
        assert "No inconsistencies" in page.text_content("#findings")


def test_clicking_a_finding_emphasises_its_mentions_in_every_article(page, base_url):
    open_editor(page, base_url)
    report = compare(page)
    for index, finding in enumerate(report["findings"][:3]):
        page.click(f".finding[data-index='{index}']")
        assert "selected" in page.get_attribute(f".finding[data-index='{index}']", "class")
        active = page.evaluate(
            """(index) => Array.from(document.querySelectorAll('.hl.active')).map(m => [
                m.closest('.article-view').dataset.articleId,
                m.dataset.findings.split(' ').includes(String(index)),
            ])""",
            index,
        )
        assert active and all(is_this for _, is_this in active)
        assert {aid for aid, _ in active} == {m["article_id"] for m in finding["mentions"]}
        for aid in {m["article_id"] for m in finding["mentions"]}:
            mark = page.locator(f".article-view[data-article-id='{aid}'] .hl.active").first
            assert mark.is_visible()
            box = page.locator(f".article-view[data-article-id='{aid}'] .article-text").bounding_box()
            where = mark.bounding_box()
            assert box["y"] <= where["y"] and where["y"] + where["height"] <= box["y"] + box["height"]


def test_emoji_before_a_number_does_not_shift_the_highlight(page, base_url):
    open_editor(page, base_url)
    set_articles(page, [EMOJI_A, EMOJI_B])
    report = compare(page)

    assert highlighted_text(page) == mention_text(report)
    for f in report["findings"]:
        for m in f["mentions"]:
            text = EMOJI_A if m["article_id"] == report["articles"][0]["id"] else EMOJI_B
            # UTF-16 offsets: what Python sees after encoding as UTF-16-LE, two bytes a unit.
            units = text.encode("utf-16-le")
            assert units[2 * m["start"] : 2 * m["end"]].decode("utf-16-le") == m["text"]
    if "numbers" in report["summary"]["checks"]:
        numeric = [f for f in report["findings"] if f["type"] == "numeric_mismatch"]
        assert numeric, "87.3 and 87.23 per cent should be a numeric mismatch"
        marks = page.locator("mark.hl.type-numeric_mismatch").all_text_contents()
        assert any("87.3" in t for t in marks) and any("87.23" in t for t in marks)


# A report as the API would send it, to check the page's rendering whatever the engine finds:
# UTF-16 offsets after emoji, overlapping mentions, a word diff and per-article values.
STUB_A = '😀 Tax rose 5 per cent, "we will act", said <b>Ann</b>.'
STUB_B = '😀😀 Tax rose 6 per cent, "we acted", said <img src=x onerror=alert(1)>.'


def _utf16_span(text, piece):
    start = len(text[: text.index(piece)].encode("utf-16-le")) // 2
    return start, start + len(piece.encode("utf-16-le")) // 2


def _mention(aid, text, piece, sentence_text):
    start, end = _utf16_span(text, piece)
    return {
        "article_id": aid,
        "start": start,
        "end": end,
        "text": piece,
        "sentence": {"start": 0, "end": len(sentence_text.encode("utf-16-le")) // 2},
    }


STUB_REPORT = {
    "summary": {"total": 3, "by_type": {}, "by_severity": {}, "checks": ["numbers", "quotes", "tense"]},
    "articles": [
        {"id": "a", "characters": 0, "sentences": 1, "findings": 3},
        {"id": "b", "characters": 0, "sentences": 1, "findings": 3},
    ],
    "findings": [
        {
            "id": "f-1",
            "type": "numeric_mismatch",
            "severity": "high",
            "confidence": 0.9,
            "message": "The tax rise differs: 5 per cent in a, 6 per cent in b.",
            "mentions": [
                _mention("a", STUB_A, "5 per cent", STUB_A),
                _mention("b", STUB_B, "6 per cent", STUB_B),
            ],
            "details": {
                "kind": "percent",
                "values": {"a": 5, "b": 6},
                "written": {"a": "5 per cent", "b": "6 per cent"},
                "rounding_compatible": False,
            },
        },
        {
            "id": "f-2",
            "type": "tense_shift",
            "severity": "medium",
            "confidence": 0.7,
            "message": "Tax rose, told in another tense.",
            "mentions": [
                _mention("a", STUB_A, "Tax rose 5", STUB_A),
                _mention("b", STUB_B, "Tax rose 6", STUB_B),
            ],
            "details": {"tenses": {"a": "past", "b": "past"}},
        },
        {
            "id": "f-3",
            "type": "quote_mismatch",
            "severity": "low",
            "confidence": 0.6,
            "message": "The quotation was altered.",
            "mentions": [
                _mention("a", STUB_A, "we will act", STUB_A),
                _mention("b", STUB_B, "we acted", STUB_B),
            ],
            "details": {
                "class": "altered",
                "diff": [
                    {"op": "equal", "a": ["we"], "b": ["we"]},
                    {"op": "replace", "a": ["will", "act"], "b": ["acted"]},
                    {"op": "insert", "b": "<script>"},
                    {"op": "bogus"},
                    None,
                ],
            },
        },
    ],
}


def test_page_renders_overlaps_diffs_and_values_from_a_report(page, base_url):
    open_editor(page, base_url)
    page.route("**/v1/compare", lambda route: route.fulfill(status=200, json=STUB_REPORT))
    for card in page.locator(".article-input").all():
        card.locator("[name=id]").fill("")
    ids = page.locator(".article-input [name=id]").all()
    ids[0].fill("a")
    ids[1].fill("b")
    set_articles(page, [STUB_A, STUB_B])
    compare(page)

    assert highlighted_text(page) == mention_text(STUB_REPORT)
    # Overlapping mentions ("Tax rose 5" and "5 per cent") are cut into segments, not nested.
    assert page.locator("mark.hl mark").count() == 0
    assert page.locator(".article-view[data-article-id=a] mark.hl.overlap").all_text_contents() == ["5"]
    # Article text is text: the markup in it is shown, never run.
    assert page.locator(".article-view img, .article-view b, .finding-details script").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.text_content(
        ".article-view[data-article-id=b] .article-text"
    )

    quote = page.locator(".finding[data-finding-id=f-3]")
    assert quote.locator(".diff del").all_text_contents() == ["will act"]
    assert quote.locator(".diff ins").all_text_contents() == ["acted", "<script>"]
    values = page.locator(".finding[data-finding-id=f-1] table.values tbody tr").all_inner_texts()
    assert [v.split("\t")[:3] for v in values] == [["a", "5", "5 per cent"], ["b", "6", "6 per cent"]]
    groups = page.locator(".finding-group h3").all_text_contents()
    assert groups == ["Numbers (1)", "Tense (1)", "Quotes (1)"]
    assert page.locator(".finding-group .severity-heading").all_text_contents() == ["high", "medium", "low"]

    page.click("mark.hl.type-quote_mismatch >> nth=0")
    assert page.locator(".hl.active").all_text_contents() == ["we will act", "we acted"]
    assert "selected" in page.get_attribute(".finding[data-finding-id=f-3]", "class")


def test_an_error_shows_the_problem_detail_and_field_errors(page, base_url):
    open_editor(page, base_url)
    page.click("#add-article")
    assert page.locator(".article-input").count() == 3
    page.locator(".article-input >> nth=2").locator(".remove-article").click()
    assert page.locator(".article-input").count() == 2
    assert page.is_disabled(".article-input >> nth=0 >> .remove-article")

    for field in page.locator(".article-input [name=id]").all():
        field.fill("same")
    with page.expect_response(lambda r: r.url.endswith("/v1/compare")) as response:
        page.click("#compare")
    page.wait_for_selector("#problem:not([hidden])")
    problem = response.value.json()
    assert response.value.status == 422
    assert response.value.headers["content-type"].startswith("application/problem+json")
    assert problem["detail"] in page.text_content("#problem")
    for error in problem.get("errors", []):
        assert error["field"] in page.text_content("#problem .field-errors")


def test_docs_renders_the_operations_from_the_spec(page, base_url):
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = set(page.locator(".opblock-summary-path").all_text_contents())
    assert {"/v1/compare", "/v1/health"} <= {p.replace("\u200b", "") for p in paths}


@pytest.fixture(scope="module")
def keyed_base_url():
    """A second live server, one that wants an API key."""
    server, thread, url = _serve(create_app({**OPEN, "API_KEYS": "editor-key"}))
    yield url
    server.shutdown()
    thread.join(timeout=5)


def test_an_instance_with_keys_asks_for_one_and_takes_it(browser_context, keyed_base_url):
    page = browser_context.new_page()
    try:
        open_editor(page, keyed_base_url)
        with page.expect_response(lambda r: r.url.endswith("/v1/compare")) as response:
            page.click("#compare")
        page.wait_for_selector("#problem:not([hidden])")
        assert response.value.status == 401
        assert response.value.json()["detail"] in page.text_content("#problem")
        assert page.evaluate("document.activeElement.id") == "api-key"

        page.fill("#api-key", "editor-key")
        with page.expect_request(lambda r: r.url.endswith("/v1/compare")) as sent:
            page.click("#compare")
        page.wait_for_selector("#results:not([hidden])")
        assert sent.value.headers["authorization"] == "Bearer editor-key"
        assert page.is_hidden("#problem")
    finally:
        page.close()


def _cms_page(environ, start_response):
    """A stand-in for a CMS: an empty page on an origin of its own, with no CSP of ours."""
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [b"<!doctype html><title>CMS</title><p>an editor plugin runs here</p>"]


@pytest.fixture(scope="module")
def cms_and_api():
    """A CMS page's origin, and a live API on another port that lists that origin for CORS."""
    cms, cms_thread, cms_url = _serve(_cms_page)
    # The API's origin must be known before the app is built, so build the app after the CMS.
    api, api_thread, api_url = _serve(create_app({**OPEN, "CORS_ORIGINS": cms_url}))
    yield cms_url, api_url
    for server, thread in ((cms, cms_thread), (api, api_thread)):
        server.shutdown()
        thread.join(timeout=5)


CROSS_ORIGIN_FETCH = """async ([url, body]) => {
    try {
        const res = await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'},
                                      body: JSON.stringify(body)});
        return {status: res.status, body: await res.json()};
    } catch (e) {
        return {error: String(e)};
    }
}"""


def test_a_page_from_an_allowed_origin_can_call_the_api(browser_context, cms_and_api, base_url):
    cms_url, api_url = cms_and_api
    page = browser_context.new_page()
    try:
        page.goto(cms_url + "/")
        body = {"articles": [{"text": EMOJI_A}, {"text": EMOJI_B}], "options": {"offsets": "utf16"}}
        # JSON is not a "simple" request: the browser sends a preflight OPTIONS first.
        allowed = page.evaluate(CROSS_ORIGIN_FETCH, [api_url + "/v1/compare", body])
        assert allowed.get("status") == 200, allowed
        assert len(allowed["body"]["articles"]) == 2
        # Errors are readable too, so a plugin can show the problem's detail.
        problem = page.evaluate(CROSS_ORIGIN_FETCH, [api_url + "/v1/compare", {"articles": []}])
        assert problem.get("status") == 422 and problem["body"]["detail"], problem
        # An instance that does not list this origin: the browser keeps the answer from the page.
        refused = page.evaluate(CROSS_ORIGIN_FETCH, [base_url + "/v1/compare", body])
        assert "error" in refused, refused
    finally:
        page.close()
