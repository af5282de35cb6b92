"""The crosscheck command: compare article files from the shell, or serve the API.

    crosscheck compare a.txt b.txt [c.txt ...] [--json] [--checks numbers,quotes]
    crosscheck serve [--port 8000]

``compare`` exits 0 when the articles agree, 1 when there are findings, 2 on a usage or input
error. Its ``--json`` output is what POST /v1/compare returns, written by the same schemas.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marshmallow import ValidationError

import engine
from schemas import dump_report, load_compare

from . import config
from .errors import field_errors

URL_PREFIX = "# url:"


@dataclass(frozen=True)
class ArticleFile:
    name: str
    text: str
    url: str | None
    skipped_lines: int  # lines before the text (a "# url:" header), for line numbers in messages


class InputError(Exception):
    """A file that cannot be compared; the message says which and why."""


def read_article(path: str) -> ArticleFile:
    """An article file; a first line ``# url: ...`` (and the blank line after it) is not text."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path} is not UTF-8 text (byte {e.start}); convert it to UTF-8.") from None
    url, skipped = None, 0
    if text.startswith(URL_PREFIX):
        header, _, text = text.partition("\n")
        url, skipped = header[len(URL_PREFIX) :].strip() or None, 1
        if text.startswith("\n"):
            text, skipped = text[1:], 2
    return ArticleFile(Path(path).name, text, url, skipped)


def _position(text: str, offset: int, skipped: int) -> str:
    line = text.count("\n", 0, offset) + 1 + skipped
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def format_report(data: dict, files: Sequence[ArticleFile]) -> str:
    """The dumped report as text for people: one block per finding, with line:column positions."""
    by_id = {f.name: f for f in files}
    summary = data["summary"]
    names = ", ".join(f.name for f in files)
    checks = ", ".join(summary["checks"]) or "none"
    if not data["findings"]:
        return f"No inconsistencies found between {names} (checks: {checks}).\n"
    severities = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items() if n)
    lines = [f"{summary['total']} finding(s) between {names} ({severities}; checks: {checks})", ""]
    for i, finding in enumerate(data["findings"], 1):
        lines.append(
            f"{i}. [{finding['severity']}] {finding['type']} (confidence {finding['confidence']:.2f})"
        )
        lines.append(f"   {finding['message']}")
        for m in finding["mentions"]:
            f = by_id[m["article_id"]]
            where = _position(f.text, m["start"], f.skipped_lines)
            lines.append(f"   {f.name}:{where}  {json.dumps(m['text'], ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines)


def compare(paths: Sequence[str], *, checks: Sequence[str] | None, as_json: bool) -> int:
    files = [read_article(p) for p in paths]
    body = {
        "articles": [{"id": f.name, "text": f.text, "url": f.url} for f in files],
        "checks": None if checks is None else list(checks),
    }
    limits = config.request_limits({**config.DEFAULTS, **config.from_env(os.environ)})
    try:
        req = load_compare(body, limits=limits)
    except ValidationError as e:
        raise InputError("; ".join(_describe(err, paths) for err in field_errors(e.messages))) from None
    data = dump_report(engine.compare(req.articles, checks=req.checks, include=(), items=()))
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_report(data, files), end="")
    return 1 if data["findings"] else 0


def _describe(error: dict, paths: Sequence[str]) -> str:
    """A validation error with "articles.1.text" said as "b.txt: text"."""
    parts = error["field"].split(".")
    if len(parts) >= 2 and parts[0] == "articles" and parts[1].isdigit() and int(parts[1]) < len(paths):
        rest = ".".join(parts[2:])
        where = f"{paths[int(parts[1])]}: {rest}" if rest else paths[int(parts[1])]
    else:
        where = error["field"] or "input"
    return f"{where}: {' '.join(error['messages'])}"


def serve(*, host: str, port: int, workers: int | None) -> int:
    """Run the API under gunicorn; where gunicorn cannot run, under Flask's development server."""
    try:
        import gunicorn.app.wsgiapp  # noqa: F401  (fails where gunicorn cannot run, e.g. Windows)
    except ImportError:
        from . import create_app

        create_app().run(host=host, port=port)
        return 0
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:api.gunicorn_conf",
        "--bind",
        f"{host}:{port}",
    ]
    if workers is not None:  # otherwise gunicorn reads WEB_CONCURRENCY itself
        argv += ["--workers", str(workers)]
    os.execv(sys.executable, [*argv, "api:create_app()"])
    return 0  # not reached: execv replaces this process


def _check_list(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosscheck",
        description="Compare news articles about the same story and report where they disagree.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("compare", help="compare two or more article files (UTF-8 text)")
    c.add_argument("files", nargs="+", metavar="FILE", help="article files; each file's name is its id")
    c.add_argument("--json", action="store_true", help="print the JSON that POST /v1/compare returns")
    c.add_argument("--checks", type=_check_list, help="comma-separated checks to run (default: all)")
    s = sub.add_parser("serve", help="serve the HTTP API")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument(
        "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="default: $PORT or 8000"
    )
    s.add_argument("--workers", type=int, help="worker processes (default: $WEB_CONCURRENCY or 1)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.command == "serve":
        return serve(host=args.host, port=args.port, workers=args.workers)
    if len(args.files) < 2:
        print(
            f"crosscheck compare: needs at least two files to compare, got {len(args.files)}", file=sys.stderr
        )
        return 2
    try:
        return compare(args.files, checks=args.checks, as_json=args.json)
    except InputError as e:
        print(f"crosscheck: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
