"""openapi.yaml and the code state the same contract: routes, request rules, response shapes.

Real responses of every kind are validated against the spec's schemas, so a field added,
renamed or dropped on one side only fails here.
"""

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, two_articles
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import engine
from api import compare as compare_view
from api import create_app
from api.config import DEFAULTS
from engine.model import FINDING_TYPES, SEVERITIES
from schemas import INCLUDE, RequestLimits, dump_report, load_compare, load_extract
from schemas.extractions import EXTRACTIONS
from schemas.offsets import UNITS
from schemas.requests import MAX_ID, MAX_TITLE, MAX_URL

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SPEC_URI = "urn:crosscheck:openapi"
REGISTRY = Registry().with_resource(SPEC_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012))
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def pointer(*parts: str) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def resolve(node: dict) -> dict:
    """Follow a local $ref such as '#/components/responses/Problem'."""
    while "$ref" in node:
        target = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def validator(schema_pointer: str) -> Draft202012Validator:
    """A validator for the schema at ``schema_pointer`` in the spec, with its $refs resolved."""
    return Draft202012Validator({"$ref": SPEC_URI + "#" + schema_pointer}, registry=REGISTRY)


def schema_validator(name: str) -> Draft202012Validator:
    return validator(pointer("components", "schemas", name))


def response_spec(path: str, method: str, status: int) -> tuple[str, dict]:
    """The pointer to, and the object of, the response the spec declares for this exchange.

    A path or method the spec does not have (404, 405) is answered by the shared Problem response.
    """
    operation = SPEC["paths"].get(path, {}).get(method)
    if operation is None:
        return pointer("components", "responses", "Problem"), SPEC["components"]["responses"]["Problem"]
    key = str(status) if str(status) in operation["responses"] else "default"
    response = operation["responses"][key]
    if "$ref" in response:
        name = response["$ref"].rsplit("/", 1)[1]
        return pointer("components", "responses", name), resolve(response)
    return pointer("paths", path, method, "responses", key), response


def assert_matches_spec(path: str, method: str, response) -> None:
    where, declared = response_spec(path, method, response.status_code)
    assert response.mimetype in declared["content"], (
        f"{method.upper()} {path} answered {response.status_code} as {response.mimetype}; "
        f"openapi.yaml declares {list(declared['content'])}"
    )
    if response.mimetype.endswith("json"):
        schema_at = where + pointer("content", response.mimetype, "schema")
        errors = sorted(validator(schema_at).iter_errors(response.get_json()), key=str)
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_spec_is_valid_openapi_31():
    assert SPEC["openapi"].startswith("3.1")
    validate_spec(SPEC)


def test_spec_version_is_the_package_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert SPEC["info"]["version"] == project["version"]


def test_routes_match_spec(app):
    served = set()
    for rule in app.url_map.iter_rules():
        # Static files and Swagger UI's own assets are not part of the API.
        if rule.endpoint == "static" or rule.endpoint.startswith("swagger_ui."):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        served |= {(m.lower(), path) for m in rule.methods - {"HEAD", "OPTIONS"}}
    declared = {(m, p) for p, item in SPEC["paths"].items() for m in item if m in METHODS}
    assert served == declared, f"only served: {served - declared}; only in openapi.yaml: {declared - served}"


def seed_body(seed_request, include):
    return dict(seed_request, options={"include": include})


ALL_SECTIONS = ["alignment", "extractions", "equivalences"]

EXCHANGES = {
    # name: (method, path, request kwargs or a function of the seed request, expected status)
    "compare seeds": ("post", "/v1/compare", lambda seed: {"json": seed}, 200),
    "compare seeds, every section": (
        "post",
        "/v1/compare",
        lambda seed: {"json": seed_body(seed, ALL_SECTIONS)},
        200,
    ),
    "compare seeds, utf16": (
        "post",
        "/v1/compare",
        lambda seed: {"json": dict(seed_body(seed, ALL_SECTIONS), options={"offsets": "utf16"})},
        200,
    ),
    "compare, one check's items": (
        "post",
        "/v1/compare",
        {"json": two_articles(options={"include": ["quotes"]})},
        200,
    ),
    "extract": ("post", "/v1/extract", lambda seed: {"json": {"article": seed["articles"][0]}}, 200),
    "extract, utf16": (
        "post",
        "/v1/extract",
        {"json": {"article": {"text": "Up 5% 🚀 today."}, "options": {"offsets": "utf16"}}},
        200,
    ),
    "health": ("get", "/v1/health", {}, 200),
    "openapi": ("get", "/openapi.yaml", {}, 200),
    "docs": ("get", "/docs", {}, 200),
    "index": ("get", "/", {}, 200),
    "malformed json": ("post", "/v1/compare", {"data": b"{", "content_type": "application/json"}, 400),
    "not utf-8": ("post", "/v1/extract", {"data": b'"\xff"', "content_type": "application/json"}, 400),
    "unknown path": ("get", "/v2/compare", {}, 404),
    "wrong method": ("get", "/v1/compare", {}, 405),
    "too large": ("post", "/v1/compare", {"json": {"articles": [{"text": "x" * 5_000_000}]}}, 413),
    "not json": ("post", "/v1/compare", {"data": "hello", "content_type": "text/plain"}, 415),
    "schema violation": ("post", "/v1/compare", {"json": {"articles": [{"text": ""}], "x": 1}}, 422),
    "extract schema violation": ("post", "/v1/extract", {"json": {"article": {"id": ""}}}, 422),
}


@pytest.mark.parametrize("name", list(EXCHANGES))
def test_response_matches_spec(client, seed_request, name):
    method, path, kwargs, status = EXCHANGES[name]
    kwargs = kwargs(seed_request) if callable(kwargs) else kwargs
    with getattr(client, method)(path, **kwargs) as response:
        assert response.status_code == status, response.get_data(as_text=True)[:500]
        assert_matches_spec(path, method, response)


def test_server_error_matches_spec(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(compare_view.engine, "compare", broken)
    response = client.post("/v1/compare", json=two_articles())
    assert response.status_code == 500
    assert_matches_spec("/v1/compare", "post", response)


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/v1/compare", {}),
        ("/v1/extract", {"Authorization": "Bearer wrong-key"}),
        ("/v1/compare", {"X-API-Key": "wrong-key"}),
    ],
)
def test_unauthorized_matches_spec(path, headers):
    client = create_app({"TESTING": True, "API_KEYS": "the-key"}).test_client()
    response = client.post(path, json=two_articles(), headers=headers)
    assert response.status_code == 401
    assert_matches_spec(path, "post", response)
    declared = resolve(SPEC["paths"][path]["post"]["responses"]["401"])
    assert set(declared["headers"]) <= set(response.headers.keys())


def test_security_schemes_match_the_code():
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKey"] == {**schemes["apiKey"], "type": "apiKey", "in": "header", "name": "X-API-Key"}
    for path in ("/v1/compare", "/v1/extract"):
        # {} first: a key is optional, since an instance without keys is open.
        assert SPEC["paths"][path]["post"]["security"] == [{}, {"bearer": []}, {"apiKey": []}]
    secured = {p for p, item in SPEC["paths"].items() for op in item.values() if "security" in op}
    assert secured == {"/v1/compare", "/v1/extract"}


def test_report_with_every_section_matches_spec():
    # Hand-made, so that findings, mentions and notices are checked whichever checks are registered.
    docs = (
        engine.analyse(engine.Article("a1", "Sales rose 5% in May.")),
        engine.analyse(engine.Article("b", "Sales rose 6% in May.")),
    )
    mentions = (
        engine.Mention("a1", 11, 13, "5%", engine.Span(0, 21)),
        engine.Mention("b", 11, 13, "6%", engine.Span(0, 21)),
    )
    finding = engine.Finding(
        "f-1",
        "numeric_mismatch",
        "high",
        0.9,
        "Sales differ.",
        mentions,
        {
            "kind": "percent",
            "values": {"a1": 5, "b": 6},
            "rounding_compatible": False,
            "written": {"a1": "5%", "b": "6%"},
            "unit": "%",
        },
    )
    cluster = engine.Cluster("c1", (engine.SentenceRef("a1", 0), engine.SentenceRef("b", 0)), 0.8)
    report = engine.Report(
        docs,
        ("numbers",),
        (finding,),
        engine.Alignment((cluster,)),
        equivalences=({"kind": "year", "mentions": [{"article_id": "b", "start": 0, "end": 5}]},),
        notices=("alignment stopped at 5000 sentences",),
    )
    include = frozenset({"alignment", "equivalences", "extractions"})
    data = dump_report(report, include=include, offsets="utf16")
    assert set(data) == {
        "summary",
        "articles",
        "findings",
        "alignment",
        "equivalences",
        "extractions",
        "notices",
    }
    report_at = pointer(
        "paths", "/v1/compare", "post", "responses", "200", "content", "application/json", "schema"
    )
    errors = sorted(validator(report_at).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_every_error_status_the_api_returns_is_declared():
    for path, method in [("/v1/compare", "post"), ("/v1/extract", "post")]:
        assert {"400", "401", "413", "415", "422", "default"} <= set(SPEC["paths"][path][method]["responses"])


def examples(path):
    content = SPEC["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    return {name: example["value"] for name, example in content["examples"].items()}


def test_seed_example_is_seeds_request_json(seed_request):
    assert examples("/v1/compare")["seeds"] == seed_request, (
        "openapi.yaml's 'seeds' example must equal seeds/request.json; copy it over (as JSON on one line)"
    )


def test_seeds_request_is_built_from_the_seed_files(seed_request):
    for article in seed_request["articles"]:
        assert article["text"] == (ROOT / "seeds" / f"{article['id']}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "load"), [("/v1/compare", load_compare), ("/v1/extract", load_extract)])
def test_request_examples_are_valid_for_spec_and_schemas(path, load):
    name = "CompareRequest" if path == "/v1/compare" else "ExtractRequest"
    for example in examples(path).values():
        assert not list(schema_validator(name).iter_errors(example))
        load(example, limits=RequestLimits())


def test_component_examples_are_valid():
    for name, schema in SPEC["components"]["schemas"].items():
        for example in schema.get("examples", []):
            assert not list(schema_validator(name).iter_errors(example)), name


def enum_of(*parts):
    node = SPEC["components"]["schemas"]
    for part in parts:
        node = node[part]
    return node["enum"]


def test_enums_match_code():
    assert enum_of("CompareOptions", "properties", "include", "items") == list(INCLUDE)
    assert enum_of("OffsetUnit") == list(UNITS)
    assert enum_of("Finding", "properties", "type") == list(FINDING_TYPES)
    assert enum_of("Finding", "properties", "severity") == list(SEVERITIES)
    summary = SPEC["components"]["schemas"]["Summary"]["properties"]
    assert summary["by_type"]["required"] == list(FINDING_TYPES)
    assert summary["by_severity"]["required"] == list(SEVERITIES)


def test_limits_in_spec_are_the_defaults():
    schemas_ = SPEC["components"]["schemas"]
    article = schemas_["ArticleInput"]["properties"]
    assert schemas_["CompareRequest"]["properties"]["articles"]["maxItems"] == DEFAULTS["MAX_ARTICLES"]
    assert article["text"]["maxLength"] == DEFAULTS["MAX_CHARS"]
    assert article["id"]["maxLength"] == MAX_ID
    assert article["title"]["maxLength"] == article["source"]["maxLength"] == MAX_TITLE
    assert article["url"]["maxLength"] == MAX_URL
    description = SPEC["info"]["description"]
    for value in (DEFAULTS["MAX_ARTICLES"], DEFAULTS["MAX_CHARS"], DEFAULTS["MAX_TOTAL_CHARS"]):
        assert str(value) in description
    assert str(DEFAULTS["MAX_CONTENT_LENGTH"]) in description


def test_every_check_has_an_item_schema_and_a_place_in_the_spec():
    missing = [name for name in engine.CHECK_NAMES if name not in EXTRACTIONS]
    assert not missing, (
        f"checks {missing} have no entry in schemas/extractions.py EXTRACTIONS; register the schema "
        "of their items there and describe the items in openapi.yaml"
    )
    spec_schemas = SPEC["components"]["schemas"]
    for entry in EXTRACTIONS.values():
        assert entry.include in INCLUDE
        for holder in ("ArticleExtractions", "Extraction"):
            assert entry.key in spec_schemas[holder]["properties"], (
                f"{holder}.{entry.key} is not in openapi.yaml"
            )


def test_spec_is_json_compatible():
    # Served as YAML but read by JSON tools too: no YAML-only values (dates, non-string keys).
    json.dumps(SPEC)
    assert Path(ROOT / "openapi.yaml").read_text(encoding="utf-8").isascii()
